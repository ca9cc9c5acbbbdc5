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

/**
 * The published schemas are generated from the records and agree with the readers: committed files
 * are current (regenerate with {@code mvn -B -ntp -pl scplan-core test -Dtest=JsonSchemaTest
 * -Dscplan.regenerate=true}), every example validates, and for every field of every object in the
 * theater and its plan, leaving it out, setting it to null or adding an unknown field is accepted
 * by the schema exactly when the reader accepts it.
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
    }
    assertThat(Files.readString(SCHEMA_FOLDER.resolve("scenario.schema.json")))
        .isEqualTo(JsonSchemas.scenarioSchema());
    assertThat(Files.readString(SCHEMA_FOLDER.resolve("plan.schema.json")))
        .isEqualTo(JsonSchemas.planSchema());
  }

  @Test
  void schemas_areValidDraft202012Schemas() throws IOException {
    JsonSchema metaSchema =
        FACTORY.getSchema(java.net.URI.create("https://json-schema.org/draft/2020-12/schema"));
    assertThat(metaSchema.validate(JsonSupport.MAPPER.readTree(JsonSchemas.scenarioSchema())))
        .isEmpty();
    assertThat(metaSchema.validate(JsonSupport.MAPPER.readTree(JsonSchemas.planSchema())))
        .isEmpty();
  }

  /**
   * Every JSON file in {@code examples/} is a scenario, a plan ({@code *-plan.json}) or a scenario
   * delta ({@code delta-*.json}); scenarios and plans must validate against their schemas. Deltas
   * have no published schema yet: their strict reader is tested by ScenarioDeltaJsonTest.
   */
  @Test
  void everyExampleFile_validatesAgainstItsSchema() throws IOException {
    JsonSchema scenario = schema(JsonSchemas.scenarioSchema());
    JsonSchema plan = schema(JsonSchemas.planSchema());
    List<Path> scenarios = new ArrayList<>();
    List<Path> plans = new ArrayList<>();
    try (Stream<Path> examples = Files.list(EXAMPLES)) {
      examples
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(f -> !f.getFileName().toString().startsWith("delta-"))
          .sorted()
          .forEach(
              f -> (f.getFileName().toString().endsWith("-plan.json") ? plans : scenarios).add(f));
    }
    scenarios.add(Path.of("src/test/resources/org/scplan/json/minimal-scenario.json"));
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(2);
    assertThat(plans).isNotEmpty();
    for (Path file : scenarios) {
      assertThat(errors(scenario, Files.readString(file))).as(file.toString()).isEmpty();
    }
    for (Path file : plans) {
      assertThat(errors(plan, Files.readString(file))).as(file.toString()).isEmpty();
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
  void planSchema_agreesWithReader_fieldByField() throws IOException {
    assertAgreement(
        schema(JsonSchemas.planSchema()),
        PlanJson.write(GreedyAllocator.allocate(NotionalTheater.scenario())),
        json -> PlanJson.read(json, "mutated"));
  }

  private interface Reader {
    void read(String json);
  }

  private static void assertAgreement(JsonSchema schema, String document, Reader reader)
      throws IOException {
    List<Mutation> mutations = new ArrayList<>();
    JsonNode root = JsonSupport.MAPPER.readTree(document);
    collect(root, root, "$", mutations, new java.util.HashSet<>());
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
   * Mutations of the first object seen at each shape of path ({@code $.partners[*]}): each field
   * removed, each set to null, and an unknown field added.
   */
  private static void collect(
      JsonNode root, JsonNode node, String path, List<Mutation> out, Set<String> seen)
      throws IOException {
    if (node instanceof ObjectNode object) {
      String shape = path.replaceAll("\\[\\d+\\]", "[*]");
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
        collect(root, object.get(name), path + "." + name, out, seen);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        collect(root, array.get(i), path + "[" + i + "]", out, seen);
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
