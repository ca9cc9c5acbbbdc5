package org.scplan.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.Plan;
import org.scplan.testing.RandomScenarios;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.whatif.ScenarioChange;

/**
 * The published schemas are generated from the records and agree with the readers: committed files
 * are current (regenerate with {@code mvn -B -ntp -pl scplan-core test -Dtest=JsonSchemaTest
 * -Dscplan.regenerate=true}), every example validates, and for every field of every object in the
 * theater, its plan and a delta with every kind of change, leaving it out, setting it to null or
 * adding an unknown field is accepted by the schema exactly when the reader accepts it.
 */
class JsonSchemaTest {
  private static final Path SCHEMA_FOLDER = Path.of("..", "schema");
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static JsonSchema schema(String text) {
    return FACTORY.getSchema(text);
  }

  private static Set<ValidationMessage> errors(JsonSchema schema, String json) throws IOException {
    return schema.validate(JsonSupport.MAPPER.readTree(json));
  }

  @Test
  void committedSchemas_areGeneratedFromTheTypes() throws IOException {
    if (Boolean.getBoolean("scplan.regenerate")) {
      Files.createDirectories(SCHEMA_FOLDER);
      Files.writeString(
          SCHEMA_FOLDER.resolve("scenario.schema.json"), JsonSchemas.scenarioSchema());
      Files.writeString(SCHEMA_FOLDER.resolve("plan.schema.json"), JsonSchemas.planSchema());
      Files.writeString(
          SCHEMA_FOLDER.resolve("scenario-delta.schema.json"), JsonSchemas.deltaSchema());
      Files.writeString(
          SCHEMA_FOLDER.resolve("execution.schema.json"), JsonSchemas.executionSchema());
      Files.writeString(
          SCHEMA_FOLDER.resolve("uncertainty.schema.json"), JsonSchemas.uncertaintySchema());
    }
    assertThat(Files.readString(SCHEMA_FOLDER.resolve("execution.schema.json")))
        .isEqualTo(JsonSchemas.executionSchema());
    assertThat(Files.readString(SCHEMA_FOLDER.resolve("scenario.schema.json")))
        .isEqualTo(JsonSchemas.scenarioSchema());
    assertThat(Files.readString(SCHEMA_FOLDER.resolve("plan.schema.json")))
        .isEqualTo(JsonSchemas.planSchema());
    assertThat(Files.readString(SCHEMA_FOLDER.resolve("scenario-delta.schema.json")))
        .isEqualTo(JsonSchemas.deltaSchema());
    assertThat(Files.readString(SCHEMA_FOLDER.resolve("uncertainty.schema.json")))
        .isEqualTo(JsonSchemas.uncertaintySchema());
    try (Stream<Path> files = Files.list(SCHEMA_FOLDER)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .as("schema/ holds exactly the generated schemas")
          .containsExactlyElementsOf(JsonSchemas.fileNames().stream().sorted().toList());
    }
  }

  @Test
  void schemas_areValidDraft202012Schemas() throws IOException {
    JsonSchema metaSchema =
        FACTORY.getSchema(java.net.URI.create("https://json-schema.org/draft/2020-12/schema"));
    assertThat(metaSchema.validate(JsonSupport.MAPPER.readTree(JsonSchemas.scenarioSchema())))
        .isEmpty();
    assertThat(metaSchema.validate(JsonSupport.MAPPER.readTree(JsonSchemas.planSchema())))
        .isEmpty();
    assertThat(metaSchema.validate(JsonSupport.MAPPER.readTree(JsonSchemas.uncertaintySchema())))
        .isEmpty();
    assertThat(metaSchema.validate(JsonSupport.MAPPER.readTree(JsonSchemas.deltaSchema())))
        .isEmpty();
    assertThat(metaSchema.validate(JsonSupport.MAPPER.readTree(JsonSchemas.executionSchema())))
        .isEmpty();
  }

  /** A delta's partners, gaps, options and risks are those of a scenario, field for field. */
  @Test
  void deltaSchema_sharesTheScenarioDefinitions() throws IOException {
    JsonNode scenario = JsonSupport.MAPPER.readTree(JsonSchemas.scenarioSchema()).get("$defs");
    JsonNode delta = JsonSupport.MAPPER.readTree(JsonSchemas.deltaSchema()).get("$defs");
    List<String> shared = new ArrayList<>();
    delta.fieldNames().forEachRemaining(shared::add);
    shared.removeIf(name -> !scenario.has(name));

    assertThat(shared).contains("Partner", "CapabilityGap", "SolutionOption", "RiskAssessment");
    for (String name : shared) {
      assertThat(delta.get(name)).as(name).isEqualTo(scenario.get(name));
    }
  }

  /**
   * Every JSON file in {@code examples/} is a scenario, a plan ({@code *-plan.json}), a scenario
   * delta ({@code delta-*.json}), an execution record ({@code *-execution.json}) or an uncertainty
   * file ({@code uncertainty-*.json}, checked against its own schema in {@code
   * UncertaintyJsonTest}); each must validate against its schema.
   */
  @Test
  void everyExampleFile_validatesAgainstItsSchema() throws IOException {
    JsonSchema scenario = schema(JsonSchemas.scenarioSchema());
    JsonSchema plan = schema(JsonSchemas.planSchema());
    JsonSchema delta = schema(JsonSchemas.deltaSchema());
    List<Path> scenarios = new ArrayList<>();
    List<Path> plans = new ArrayList<>();
    List<Path> deltas = new ArrayList<>();
    List<Path> executions = new ArrayList<>();
    try (Stream<Path> examples = Files.list(EXAMPLES)) {
      examples
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(f -> !f.getFileName().toString().startsWith("uncertainty-"))
          .sorted()
          .forEach(
              f -> {
                String name = f.getFileName().toString();
                (name.startsWith("delta-")
                        ? deltas
                        : name.endsWith("-plan.json")
                            ? plans
                            : name.endsWith("-execution.json") ? executions : scenarios)
                    .add(f);
              });
    }
    scenarios.add(Path.of("src/test/resources/org/scplan/json/minimal-scenario.json"));
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(2);
    assertThat(plans).isNotEmpty();
    assertThat(deltas).isNotEmpty();
    for (Path file : scenarios) {
      assertThat(errors(scenario, Files.readString(file))).as(file.toString()).isEmpty();
    }
    for (Path file : plans) {
      assertThat(errors(plan, Files.readString(file))).as(file.toString()).isEmpty();
    }
    for (Path file : deltas) {
      assertThat(errors(delta, Files.readString(file))).as(file.toString()).isEmpty();
    }
    JsonSchema execution = schema(JsonSchemas.executionSchema());
    for (Path file : executions) {
      assertThat(errors(execution, Files.readString(file))).as(file.toString()).isEmpty();
    }
  }

  @Test
  void richFixtureAndPlan_validate() throws IOException {
    assertThat(
            errors(
                schema(JsonSchemas.scenarioSchema()), ScenarioJson.write(Fixtures.richScenario())))
        .isEmpty();
    assertThat(errors(schema(JsonSchemas.planSchema()), PlanJson.write(Fixtures.smallPlan())))
        .isEmpty();
  }

  @Test
  void greedyPlanOfTheater_validatesAgainstPlanSchema() throws IOException {
    Plan plan = GreedyAllocator.allocate(NotionalTheater.scenario());

    assertThat(errors(schema(JsonSchemas.planSchema()), PlanJson.write(plan))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void randomScenarios_validate(long seed) throws IOException {
    assertThat(
            errors(
                schema(JsonSchemas.scenarioSchema()),
                ScenarioJson.write(RandomScenarios.tiny(seed))))
        .isEmpty();
  }

  /** A change to one field of a document, described for failure messages. */
  private record Mutation(String description, String json) {}

  @Test
  void scenarioSchema_agreesWithReader_fieldByField() throws IOException {
    Fixtures.richScenario();
    assertAgreement(
        schema(JsonSchemas.scenarioSchema()),
        ScenarioJson.write(Fixtures.richScenario()),
        json -> ScenarioJson.read(json, "mutated"));
  }

  @Test
  void executionSchema_agreesWithReader_fieldByField() throws IOException {
    assertAgreement(
        schema(JsonSchemas.executionSchema()),
        ExecutionJson.write(org.scplan.assessment.ExecutionFixtures.execution()),
        json -> ExecutionJson.read(json, "mutated"));
  }

  @Test
  void planSchema_agreesWithReader_fieldByField() throws IOException {
    assertAgreement(
        schema(JsonSchemas.planSchema()),
        PlanJson.write(GreedyAllocator.allocate(NotionalTheater.scenario())),
        json -> PlanJson.read(json, "mutated"));
  }

  /**
   * As for scenarios and plans, the mutations leave out, null or add a field; none changes a
   * value's form, because {@code "type": "integer"} also accepts {@code 2028.0} for a fiscal year
   * or {@code 5000000.0} for dollars, which the reader refuses, a difference JSON Schema cannot
   * express.
   */
  @Test
  void deltaSchema_agreesWithReader_fieldByField() throws IOException {
    String delta = deltaWithEveryChangeType();
    assertThat(errors(schema(JsonSchemas.deltaSchema()), delta)).isEmpty();
    List<Class<?>> kinds =
        ScenarioDeltaJson.read(delta, "every-change").changes().stream()
            .<Class<?>>map(Object::getClass)
            .toList();
    assertThat(kinds).containsExactlyInAnyOrder(ScenarioChange.class.getPermittedSubclasses());

    assertAgreement(
        schema(JsonSchemas.deltaSchema()), delta, json -> ScenarioDeltaJson.read(json, "mutated"));
  }

  /**
   * One change of each type with every field given; the added partner, gap and option are the first
   * of the rich scenario, so that each of their fields is mutated too.
   */
  private static String deltaWithEveryChangeType() throws IOException {
    JsonNode scenario = JsonSupport.MAPPER.readTree(ScenarioJson.write(Fixtures.richScenario()));
    return """
        {"formatVersion": 1, "id": "every-change", "description": "One change of each type",
         "changes": [
          {"type": "scaleAppropriation", "programId": "prog-333", "fiscalYear": 2028, "factor": 0.8},
          {"type": "cutAppropriation", "programId": "prog-fmf", "fiscalYear": 2029,
           "dollars": 5000000},
          {"type": "changePartner", "partnerId": "p-bandaria", "priorityTier": 2,
           "propensity": 0.6, "desireByRole": {"maritime-security": 0.9}},
          {"type": "rescoreRisk", "gapId": "g-1",
           "risk": {"likelihood": 4, "consequence": 5, "politicalRiskOfNotProviding": 3}},
          {"type": "changeNeedBy", "gapId": "g-1", "needByFiscalYear": 2029},
          {"type": "addPartner", "partner": %s},
          {"type": "addGap", "gap": %s},
          {"type": "addOption", "option": %s},
          {"type": "removePartner", "partnerId": "p-x"},
          {"type": "removeGap", "gapId": "g-2"},
          {"type": "removeOption", "optionId": "o-3"}
         ]}
        """
        .formatted(
            scenario.get("partners").get(0),
            scenario.get("gaps").get(0),
            scenario.get("options").get(0));
  }

  private interface Reader {
    void read(String json);
  }

  private static void assertAgreement(JsonSchema schema, String document, Reader reader)
      throws IOException {
    List<Mutation> mutations = new ArrayList<>();
    JsonNode root = JsonSupport.MAPPER.readTree(document);
    collect(root, root, "$", "$", mutations, new java.util.HashSet<>());
    assertThat(mutations).hasSizeGreaterThan(30);
    List<String> disagreements = new ArrayList<>();
    for (Mutation mutation : mutations) {
      boolean schemaAccepts = errors(schema, mutation.json()).isEmpty();
      boolean readerAccepts;
      try {
        reader.read(mutation.json());
        readerAccepts = true;
      } catch (ScenarioValidationException e) {
        readerAccepts = false;
      }
      if (schemaAccepts != readerAccepts) {
        disagreements.add(
            mutation.description()
                + ": schema "
                + (schemaAccepts ? "accepts" : "rejects")
                + ", reader "
                + (readerAccepts ? "accepts" : "rejects"));
      }
    }
    assertThat(disagreements).isEmpty();
  }

  /**
   * Mutations of the first object seen at each shape of path ({@code $.partners[*]}, {@code
   * $.changes[addGap].gap}): each field removed, each set to null, and an unknown field added. An
   * array element with a {@code type}, a change of a delta, has a shape per type, as each type has
   * fields of its own.
   */
  private static void collect(
      JsonNode root, JsonNode node, String path, String shape, List<Mutation> out, Set<String> seen)
      throws IOException {
    if (node instanceof ObjectNode object) {
      if (seen.add(shape)) {
        boolean isMap =
            path.endsWith("desireByRole")
                || path.endsWith("Weights")
                || path.contains("ByFiscalYear")
                || path.contains("obligationsBy")
                || path.endsWith("riskReducedByPartner");
        if (!isMap) {
          List<String> names = new ArrayList<>();
          object.fieldNames().forEachRemaining(names::add);
          for (String name : names) {
            out.add(mutate(root, path, o -> o.remove(name), path + " without " + name));
            out.add(mutate(root, path, o -> o.putNull(name), path + "." + name + " = null"));
          }
          out.add(mutate(root, path, o -> o.put("unknownField", 1), path + " + unknownField"));
        }
      }
      Iterator<String> names = object.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        collect(root, object.get(name), path + "." + name, shape + "." + name, out, seen);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        String kind = element.path("type").isTextual() ? element.get("type").textValue() : "*";
        collect(root, element, path + "[" + i + "]", shape + "[" + kind + "]", out, seen);
      }
    }
  }

  private static Mutation mutate(
      JsonNode root, String path, java.util.function.Consumer<ObjectNode> change, String what)
      throws IOException {
    JsonNode copy = root.deepCopy();
    JsonNode target = copy;
    for (String step : path.substring(1).split("(?=[.\\[])")) {
      if (step.isEmpty()) {
        continue;
      }
      target =
          step.startsWith(".")
              ? target.get(step.substring(1))
              : target.get(Integer.parseInt(step.substring(1, step.length() - 1)));
    }
    change.accept((ObjectNode) target);
    return new Mutation(what, JsonSupport.MAPPER.writeValueAsString(copy));
  }
}
