package org.scplan.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.uncertainty.Distribution;
import org.scplan.uncertainty.Uncertainty;
import org.scplan.whatif.ScenarioChange;
import org.scplan.whatif.ScenarioDelta;

/**
 * Generates the JSON Schemas (draft 2020-12) of scenario, scenario delta and plan files from the
 * record types, so that the published schemas follow the code: every record component becomes a
 * property, in declaration order, with {@code additionalProperties: false} as the readers reject
 * unknown fields. What the types cannot tell, which fields the reader lets a planner leave out, is
 * the tables {@link #OPTIONAL_SCENARIO_FIELDS} and {@link #OPTIONAL_DELTA_FIELDS}, the lists
 * documented on {@link ScenarioJson} and {@link ScenarioDeltaJson}; {@code JsonSchemaTest} checks
 * field by field that the schemas and the readers agree.
 *
 * <p>Nullability: in a scenario or a delta, every optional field of a reference type may be {@code
 * null} (the reader treats it as left out), as may {@code Appropriation.yearsAvailable} (no-year
 * money), which must nevertheless be present; required fields and optional numbers of primitive
 * type may not. In a plan every field is required and only the boxed numbers ({@code Integer},
 * {@code Long}, {@code Double}) may be {@code null}, as {@link PlanJson} writes them.
 *
 * <p>A sealed interface, the changes of a delta, is one of its records, told apart by a {@code
 * type} field whose value is the record's name with a lower-case first letter ({@code
 * ScenarioChange.type()}).
 */
final class JsonSchemas {
  static final String SCENARIO_ID = "https://scplan.org/schema/scenario.schema.json";
  static final String PLAN_ID = "https://scplan.org/schema/plan.schema.json";
  static final String DELTA_ID = "https://scplan.org/schema/scenario-delta.schema.json";
  static final String EXECUTION_ID = "https://scplan.org/schema/execution.schema.json";

  /** Execution record fields the reader accepts absent, by record; the rest are required. */
  static final Map<Class<?>, Set<String>> OPTIONAL_EXECUTION_FIELDS =
      Map.of(
          org.scplan.execution.ExecutionRecord.class,
          Set.of("activities", "observations"),
          org.scplan.execution.ActivityExecution.class,
          Set.of("delayedToFiscalYear", "obligations", "note"));

  static final String UNCERTAINTY_ID = "https://scplan.org/schema/uncertainty.schema.json";

  /** Scenario fields the reader accepts absent, by record; the rest are required. */
  static final Map<Class<?>, Set<String>> OPTIONAL_SCENARIO_FIELDS =
      Map.ofEntries(
          Map.entry(
              Scenario.class,
              Set.of(
                  "name",
                  "policy",
                  "endStates",
                  "linesOfEffort",
                  "objectives",
                  "securityCooperationOffices",
                  "partners",
                  "gaps",
                  "options",
                  "programs",
                  "balanceRules",
                  "lockedDecisions")),
          Map.entry(
              org.scplan.scenario.Policy.class,
              Set.of(
                  "tierWeights",
                  "roleTypeWeights",
                  "sweetSpotBonusPerStakeholder",
                  "providingRiskPenalties",
                  "maximumProvidingRisk",
                  "minimumDesire",
                  "minimumRiskScore",
                  "lapsePenaltyPointsPerMillion",
                  "moneyResolutionDollars")),
          Map.entry(
              org.scplan.scenario.Partner.class,
              Set.of("desireByRole", "absorptiveCapacityPerYear", "sustainmentBudgetPerYear")),
          Map.entry(
              org.scplan.scenario.CapabilityGap.class,
              Set.of("description", "thirdPartyCoverage", "sweetSpot")),
          Map.entry(
              org.scplan.scenario.SolutionOption.class,
              Set.of(
                  "name",
                  "costProfile",
                  "leadTimeYears",
                  "earliestStartFiscalYear",
                  "latestStartFiscalYear",
                  "programIds",
                  "prerequisites",
                  "exclusionGroup",
                  "scoWorkloadPersonWeeksPerYear",
                  "sustainmentCostPerYear",
                  "providingRisk",
                  "tags",
                  "measuresOfPerformance")),
          Map.entry(org.scplan.scenario.Objective.class, Set.of("measuresOfEffectiveness")),
          Map.entry(org.scplan.scenario.Measure.class, Set.of("unit")),
          Map.entry(
              org.scplan.scenario.Program.class,
              Set.of(
                  "authority",
                  "maxSpanYears",
                  "eligibility",
                  "planningLeadTimeYears",
                  "perPartnerAnnualCap",
                  "appropriations")),
          Map.entry(
              org.scplan.scenario.ProgramEligibility.class,
              Set.of(
                  "activityTypes",
                  "domains",
                  "combatantCommands",
                  "partnerIds",
                  "prohibitedPartnerIds")),
          Map.entry(
              org.scplan.scenario.BalanceRule.class,
              Set.of(
                  "description",
                  "tags",
                  "minimumShare",
                  "maximumShare",
                  "minimumAmount",
                  "maximumAmount")),
          Map.entry(org.scplan.scenario.LockedDecision.class, Set.of("note")));

  /** Delta fields the reader accepts absent, by record; the rest are required. */
  static final Map<Class<?>, Set<String>> OPTIONAL_DELTA_FIELDS =
      Map.of(
          ScenarioDelta.class,
          Set.of("description"),
          ScenarioChange.ScaleAppropriation.class,
          Set.of("programId", "fiscalYear"),
          ScenarioChange.ChangePartner.class,
          Set.of("priorityTier", "propensity", "desireByRole"));

  /** Fields that must be present but may be null. */
  private static final Map<Class<?>, Set<String>> REQUIRED_NULLABLE =
      Map.of(org.scplan.scenario.Appropriation.class, Set.of("yearsAvailable"));

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Whether the file follows the scenario reader's rules (scenarios, deltas) or the plan's. */
  private final boolean scenario;

  /** Fields that may be left out, by record. */
  private final Map<Class<?>, Set<String>> optionalFields;

  private final TreeMap<String, ObjectNode> definitions = new TreeMap<>();

  private JsonSchemas(boolean scenario, Map<Class<?>, Set<String>> optionalFields) {
    this.scenario = scenario;
    this.optionalFields = optionalFields;
  }

  /** The scenario schema as the text committed in {@code schema/scenario.schema.json}. */
  static String scenarioSchema() {
    return new JsonSchemas(true, OPTIONAL_SCENARIO_FIELDS)
        .document(
            Scenario.class,
            SCENARIO_ID,
            "scplan scenario",
            "A security cooperation planning problem, format version "
                + Scenario.FORMAT_VERSION
                + ". Money in whole US dollars, time in fiscal years, fractions 0-1."
                + " Generated from the Java records; do not edit.",
            Scenario.FORMAT_VERSION);
  }

  /** The plan schema as the text committed in {@code schema/plan.schema.json}. */
  static String planSchema() {
    return new JsonSchemas(false, Map.of())
        .document(
            Plan.class,
            PLAN_ID,
            "scplan plan",
            "An allocation of program money to solution options, as scplan writes it, format"
                + " version "
                + Plan.FORMAT_VERSION
                + ". Money in whole US dollars, values in weighted risk points."
                + " Generated from the Java records; do not edit.",
            Plan.FORMAT_VERSION);
  }

  /**
   * The scenario delta schema as the text committed in {@code schema/scenario-delta.schema.json}.
   * Its partners, gaps, options and risk assessments are generated by the scenario's rules, so
   * their definitions are those of the scenario schema.
   */
  static String deltaSchema() {
    Map<Class<?>, Set<String>> optional = new HashMap<>(OPTIONAL_SCENARIO_FIELDS);
    optional.putAll(OPTIONAL_DELTA_FIELDS);
    return new JsonSchemas(true, optional)
        .document(
            ScenarioDelta.class,
            DELTA_ID,
            "scplan scenario delta",
            "A what-if: changes to a scenario, applied in order, format version "
                + ScenarioDelta.FORMAT_VERSION
                + ". Partners, gaps and options are written as in a scenario file. Money in whole"
                + " US dollars, time in fiscal years, fractions 0-1."
                + " Generated from the Java records; do not edit.",
            ScenarioDelta.FORMAT_VERSION);
  }

  /** The execution record schema as the text committed in {@code schema/execution.schema.json}. */
  static String executionSchema() {
    return new JsonSchemas(true, OPTIONAL_EXECUTION_FIELDS)
        .document(
            org.scplan.execution.ExecutionRecord.class,
            EXECUTION_ID,
            "scplan execution record",
            "What was obligated under a plan, fiscal year by fiscal year, each funded activity's"
                + " status and the observed values of the scenario's measures, format version "
                + org.scplan.execution.ExecutionRecord.FORMAT_VERSION
                + ". Money in whole US dollars, time in fiscal years."
                + " Generated from the Java records; do not edit.",
            org.scplan.execution.ExecutionRecord.FORMAT_VERSION);
  }

  private String document(
      Class<?> root, String id, String title, String description, int formatVersion) {
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", id);
    schema.put("title", title);
    schema.put("description", description);
    schema.setAll(
        withConstant(recordSchema(root), "formatVersion", NODES.numberNode(formatVersion)));
    ObjectNode defs = schema.putObject("$defs");
    definitions.forEach(defs::set);
    return JsonSupport.print(schema, title + " schema");
  }

  /** {@code body} with a first, required field that holds {@code value}. */
  private static ObjectNode withConstant(ObjectNode body, String field, JsonNode value) {
    ObjectNode properties = NODES.objectNode();
    properties.putObject(field).set("const", value);
    properties.setAll((ObjectNode) body.get("properties"));
    body.set("properties", properties);
    ArrayNode required = NODES.arrayNode().add(field);
    required.addAll((ArrayNode) body.get("required"));
    body.set("required", required);
    return body;
  }

  private ObjectNode recordSchema(Class<?> type) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "object");
    ObjectNode properties = node.putObject("properties");
    ArrayNode required = node.putArray("required");
    Set<String> optional = optionalFields.getOrDefault(type, Set.of());
    Set<String> requiredNullable =
        scenario ? REQUIRED_NULLABLE.getOrDefault(type, Set.of()) : Set.of();
    for (RecordComponent component : type.getRecordComponents()) {
      String name = component.getName();
      boolean isOptional = optional.contains(name);
      boolean nullable =
          requiredNullable.contains(name)
              || (scenario
                  ? isOptional && !component.getType().isPrimitive()
                  : isBoxedNumber(component.getType()));
      ObjectNode property = typeSchema(component.getGenericType());
      properties.set(name, nullable ? orNull(property) : property);
      if (!isOptional) {
        required.add(name);
      }
    }
    node.put("additionalProperties", false);
    return node;
  }

  private static boolean isBoxedNumber(Class<?> type) {
    return type == Integer.class || type == Long.class || type == Double.class;
  }

  private static ObjectNode orNull(ObjectNode schema) {
    ObjectNode either = NODES.objectNode();
    ArrayNode anyOf = either.putArray("anyOf");
    anyOf.add(schema);
    anyOf.addObject().put("type", "null");
    return either;
  }

  private ObjectNode typeSchema(Type type) {
    ObjectNode node = NODES.objectNode();
    if (type instanceof ParameterizedType generic) {
      Class<?> raw = (Class<?>) generic.getRawType();
      Type[] arguments = generic.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        node.put("type", "array");
        node.set("items", typeSchema(arguments[0]));
        return node;
      }
      if (Map.class.isAssignableFrom(raw)) {
        node.put("type", "object");
        Class<?> key = (Class<?>) arguments[0];
        if (key == Integer.class) {
          node.putObject("propertyNames").put("pattern", "^[+-]?[0-9]+$");
        } else if (key.isEnum()) {
          node.putObject("propertyNames").set("enum", enumNames(key));
        }
        node.set("additionalProperties", typeSchema(arguments[1]));
        return node;
      }
      throw new IllegalArgumentException("No schema for " + type);
    }
    Class<?> plain = (Class<?>) type;
    if (plain == String.class) {
      node.put("type", "string");
    } else if (plain == int.class || plain == Integer.class) {
      node.put("type", "integer")
          .put("minimum", Integer.MIN_VALUE)
          .put("maximum", Integer.MAX_VALUE);
    } else if (plain == long.class || plain == Long.class) {
      node.put("type", "integer").put("minimum", Long.MIN_VALUE).put("maximum", Long.MAX_VALUE);
    } else if (plain == double.class || plain == Double.class) {
      node.put("type", "number");
    } else if (plain == boolean.class || plain == Boolean.class) {
      node.put("type", "boolean");
    } else if (plain.isEnum()) {
      node.put("type", "string");
      node.set("enum", enumNames(plain));
    } else if (plain.isRecord()) {
      String name = plain.getSimpleName();
      if (!definitions.containsKey(name)) {
        definitions.put(name, NODES.objectNode());
        definitions.put(name, recordSchema(plain));
      }
      node.put("$ref", "#/$defs/" + name);
    } else if (plain.isSealed()) {
      String name = plain.getSimpleName();
      if (!definitions.containsKey(name)) {
        definitions.put(name, NODES.objectNode());
        ObjectNode either = NODES.objectNode();
        ArrayNode oneOf = either.putArray("oneOf");
        for (Class<?> variant : plain.getPermittedSubclasses()) {
          String variantName = variant.getSimpleName();
          String typeName = Character.toLowerCase(variantName.charAt(0)) + variantName.substring(1);
          definitions.put(
              variantName, withConstant(recordSchema(variant), "type", NODES.textNode(typeName)));
          oneOf.addObject().put("$ref", "#/$defs/" + variantName);
        }
        definitions.put(name, either);
      }
      node.put("$ref", "#/$defs/" + name);
    } else {
      throw new IllegalArgumentException("No schema for " + type);
    }
    return node;
  }

  private static ArrayNode enumNames(Class<?> type) {
    ArrayNode names = NODES.arrayNode();
    for (Object constant : type.getEnumConstants()) {
      names.add(((Enum<?>) constant).name());
    }
    return names;
  }

  /**
   * The uncertainty schema as committed in {@code schema/uncertainty.schema.json}: every input of
   * {@link Uncertainty} required, each one of the {@link Distribution} kinds it accepts (told apart
   * by {@code distribution}), every parameter a required number. Ranges are the records' to check.
   */
  static String uncertaintySchema() {
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", UNCERTAINTY_ID);
    schema.put("title", "scplan uncertainty");
    schema.put(
        "description",
        "The distribution a Monte Carlo sweep draws each uncertain input from, or off (the"
            + " scenario's value is kept), format version "
            + UncertaintyJson.FORMAT_VERSION
            + ". Every input and every parameter is required. Generated from the Java records;"
            + " do not edit.");
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("formatVersion").put("const", UncertaintyJson.FORMAT_VERSION);
    ArrayNode required = NODES.arrayNode().add("formatVersion");
    for (int i = 0; i < Uncertainty.INPUTS.size(); i++) {
      ArrayNode oneOf = properties.putObject(Uncertainty.INPUTS.get(i)).putArray("oneOf");
      List<String> kinds = new java.util.ArrayList<>(List.of("off"));
      kinds.addAll(Uncertainty.acceptedKinds(i));
      for (String kind : kinds) {
        oneOf
            .addObject()
            .put("$ref", "#/$defs/" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1));
      }
      required.add(Uncertainty.INPUTS.get(i));
    }
    schema.set("required", required);
    schema.put("additionalProperties", false);
    ObjectNode defs = schema.putObject("$defs");
    for (Class<?> kind : Distribution.class.getPermittedSubclasses()) {
      ObjectNode definition = defs.putObject(kind.getSimpleName());
      definition.put("type", "object");
      ObjectNode fields = definition.putObject("properties");
      ArrayNode names = NODES.arrayNode();
      fields
          .putObject("distribution")
          .put("const", Distribution.kindOf(kind.asSubclass(Distribution.class)));
      names.add("distribution");
      for (RecordComponent component : kind.getRecordComponents()) {
        fields.putObject(component.getName()).put("type", "number");
        names.add(component.getName());
      }
      definition.set("required", names);
      definition.put("additionalProperties", false);
    }
    return JsonSupport.print(schema, "uncertainty schema");
  }

  /** For the schema files' test. */
  static List<String> fileNames() {
    return List.of(
        "scenario.schema.json",
        "scenario-delta.schema.json",
        "plan.schema.json",
        "execution.schema.json",
        "uncertainty.schema.json");
  }
}
