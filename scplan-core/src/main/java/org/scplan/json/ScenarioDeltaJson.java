package org.scplan.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.Partner;
import org.scplan.scenario.RiskAssessment;
import org.scplan.scenario.SolutionOption;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.whatif.ScenarioChange;
import org.scplan.whatif.ScenarioDelta;

/**
 * Reads scenario delta files: JSON, UTF-8, format version {@value ScenarioDelta#FORMAT_VERSION}.
 *
 * <h2>Format</h2>
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "id": "cut-333",
 *   "description": "Congress cuts 10 U.S.C. 333 by 20 % in FY2028",
 *   "changes": [
 *     {"type": "scaleAppropriation", "programId": "p-333", "fiscalYear": 2028, "factor": 0.8},
 *     {"type": "cutAppropriation", "programId": "p-fmf", "fiscalYear": 2029, "dollars": 5000000},
 *     {"type": "changePartner", "partnerId": "p-bandaria", "priorityTier": 2,
 *      "propensity": 0.6, "desireByRole": {"maritime-security": 0.9}},
 *     {"type": "rescoreRisk", "gapId": "g-1",
 *      "risk": {"likelihood": 4, "consequence": 5, "politicalRiskOfNotProviding": 3}},
 *     {"type": "changeNeedBy", "gapId": "g-1", "needByFiscalYear": 2029},
 *     {"type": "addPartner", "partner": {...}},
 *     {"type": "addGap", "gap": {...}},
 *     {"type": "addOption", "option": {...}},
 *     {"type": "removePartner", "partnerId": "p-x"},
 *     {"type": "removeGap", "gapId": "g-2"},
 *     {"type": "removeOption", "optionId": "o-3"}
 *   ]
 * }
 * }</pre>
 *
 * <p>Each change has a {@code type} and the component names of its record in {@link
 * ScenarioChange}; the partner, gap and option of the {@code add…} changes are written as in a
 * scenario file ({@link ScenarioJson}). Optional: {@code description} (""), {@code
 * scaleAppropriation.programId} (every program) and {@code .fiscalYear} (every FY), the three
 * fields of {@code changePartner} after {@code partnerId} (unchanged).
 *
 * <p>Reading is strict like {@link ScenarioJson}: unknown fields and types are errors with the
 * closest known name, and every problem of the document is reported at once in one {@link
 * ScenarioValidationException}, located as {@code "<source> $.changes[2] (removePartner)"} with the
 * field. References to the scenario (ids) are checked when the delta is applied ({@link
 * ScenarioDelta#apply(org.scplan.scenario.Scenario, String)}), with the same locations.
 *
 * <p>Thread-safe: the class holds no state.
 */
public final class ScenarioDeltaJson {
  /** How each change type is read, by its JSON type name. */
  private static final Map<String, ChangeType> TYPES = types();

  private record ChangeType(
      Class<? extends Record> type, Function<NodeReader, ScenarioChange> reader) {}

  private ScenarioDeltaJson() {}

  /**
   * Reads the delta in {@code file}, naming the file by its path in problems.
   *
   * @throws ScenarioValidationException when the file is missing, unreadable, malformed or not a
   *     structurally sound delta, with every problem found
   */
  public static ScenarioDelta read(Path file) {
    Objects.requireNonNull(file, "file");
    return JsonSupport.readFile(
        file,
        (in, sourceName) ->
            delta(JsonSupport.parse(factory -> factory.createParser(in), sourceName), sourceName));
  }

  /**
   * Reads the delta in {@code json}.
   *
   * @param sourceName what to call the input in problems, e.g. a file name
   * @throws ScenarioValidationException when {@code json} is malformed or not a structurally sound
   *     delta, with every problem found
   */
  public static ScenarioDelta read(String json, String sourceName) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sourceName, "sourceName");
    return delta(JsonSupport.parse(factory -> factory.createParser(json), sourceName), sourceName);
  }

  private static ScenarioDelta delta(JsonNode root, String sourceName) {
    if (!root.isObject()) {
      throw JsonSupport.invalid(
          sourceName,
          new Problem(
              sourceName + " $",
              "",
              "Expected a delta object but found " + NodeReader.describe(root) + ".",
              "a delta file holds one JSON object that starts with {\"formatVersion\": "
                  + ScenarioDelta.FORMAT_VERSION
                  + ", …}."));
    }
    List<Problem> problems = new ArrayList<>();
    if (!JsonSupport.checkFormatVersion(root, ScenarioDelta.FORMAT_VERSION, sourceName, problems)) {
      throw new ScenarioValidationException(sourceName, problems);
    }
    NodeReader r =
        NodeReader.root(
            problems, sourceName, (ObjectNode) root, "delta", ScenarioDelta.class, "formatVersion");
    String id = r.requiredString("id");
    String description = r.optionalString("description");
    List<ScenarioChange> changes = new ArrayList<>();
    JsonNode array = root.get("changes");
    if (array == null || array.isNull()) {
      problems.add(
          new Problem(
              sourceName + " $",
              "changes",
              "Required field 'changes' is missing.",
              "add \"changes\": [ … ] with at least one change."));
    } else if (!array.isArray()) {
      problems.add(
          new Problem(
              sourceName + " $",
              "changes",
              "Expected an array but found " + NodeReader.describe(array) + ".",
              ""));
    } else {
      for (int i = 0; i < array.size(); i++) {
        ScenarioChange change = change(array.get(i), "$.changes[" + i + "]", sourceName, problems);
        if (change != null) {
          changes.add(change);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(sourceName, problems);
    }
    return new ScenarioDelta(id, description, changes);
  }

  private static ScenarioChange change(
      JsonNode element, String path, String sourceName, List<Problem> problems) {
    if (!element.isObject()) {
      problems.add(
          new Problem(
              sourceName + " " + path,
              "",
              "Expected a change object but found " + NodeReader.describe(element) + ".",
              "write {\"type\": \"scaleAppropriation\", …}."));
      return null;
    }
    JsonNode typeNode = element.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      problems.add(
          new Problem(
              sourceName + " " + path,
              "type",
              typeNode == null
                  ? "Required field 'type' is missing."
                  : "Expected a string but found " + NodeReader.describe(typeNode) + ".",
              "use one of " + String.join(", ", TYPES.keySet()) + "."));
      return null;
    }
    String typeName = typeNode.textValue();
    ChangeType type = TYPES.get(typeName);
    if (type == null) {
      String closest = Hints.closest(typeName, List.copyOf(TYPES.keySet()));
      problems.add(
          new Problem(
              sourceName + " " + path,
              "type",
              "Unknown change type \"" + typeName + "\".",
              closest != null
                  ? "did you mean \"" + closest + "\"?"
                  : "use one of " + String.join(", ", TYPES.keySet()) + "."));
      return null;
    }
    NodeReader r =
        NodeReader.element(
            problems,
            sourceName,
            (ObjectNode) element,
            path,
            " (" + typeName + ")",
            "change",
            type.type(),
            "type");
    ScenarioChange change = type.reader().apply(r);
    return r.clean() ? change : null;
  }

  private static Map<String, ChangeType> types() {
    Map<String, ChangeType> types = new LinkedHashMap<>();
    types.put(
        "scaleAppropriation",
        new ChangeType(
            ScenarioChange.ScaleAppropriation.class,
            r ->
                new ScenarioChange.ScaleAppropriation(
                    r.optionalString("programId"),
                    r.nullableInt("fiscalYear"),
                    r.requiredDouble("factor"))));
    types.put(
        "cutAppropriation",
        new ChangeType(
            ScenarioChange.CutAppropriation.class,
            r -> {
              String programId = r.requiredString("programId");
              int fiscalYear = r.requiredInt("fiscalYear");
              long dollars = r.requiredMoney("dollars");
              return programId == null
                  ? null
                  : new ScenarioChange.CutAppropriation(programId, fiscalYear, dollars);
            }));
    types.put(
        "changePartner",
        new ChangeType(
            ScenarioChange.ChangePartner.class,
            r -> {
              String partnerId = r.requiredString("partnerId");
              Integer tier = r.nullableInt("priorityTier");
              Double propensity = r.nullableDouble("propensity");
              Map<String, Double> desire = r.doublesByString("desireByRole");
              return partnerId == null
                  ? null
                  : new ScenarioChange.ChangePartner(partnerId, tier, propensity, desire);
            }));
    types.put(
        "rescoreRisk",
        new ChangeType(
            ScenarioChange.RescoreRisk.class,
            r -> {
              String gapId = r.requiredString("gapId");
              RiskAssessment risk =
                  r.object("risk", RiskAssessment.class, "risk", true, ScenarioReader::risk);
              return gapId == null || risk == null
                  ? null
                  : new ScenarioChange.RescoreRisk(gapId, risk);
            }));
    types.put(
        "changeNeedBy",
        new ChangeType(
            ScenarioChange.ChangeNeedBy.class,
            r -> {
              String gapId = r.requiredString("gapId");
              int needBy = r.requiredInt("needByFiscalYear");
              return gapId == null ? null : new ScenarioChange.ChangeNeedBy(gapId, needBy);
            }));
    types.put(
        "addPartner",
        new ChangeType(
            ScenarioChange.AddPartner.class,
            r -> {
              Partner partner =
                  r.object("partner", Partner.class, "partner", true, ScenarioReader::partner);
              return partner == null ? null : new ScenarioChange.AddPartner(partner);
            }));
    types.put(
        "addGap",
        new ChangeType(
            ScenarioChange.AddGap.class,
            r -> {
              CapabilityGap gap =
                  r.object("gap", CapabilityGap.class, "gap", true, ScenarioReader::gap);
              return gap == null ? null : new ScenarioChange.AddGap(gap);
            }));
    types.put(
        "addOption",
        new ChangeType(
            ScenarioChange.AddOption.class,
            r -> {
              SolutionOption option =
                  r.object("option", SolutionOption.class, "option", true, ScenarioReader::option);
              return option == null ? null : new ScenarioChange.AddOption(option);
            }));
    types.put(
        "removePartner",
        new ChangeType(
            ScenarioChange.RemovePartner.class,
            r -> {
              String id = r.requiredString("partnerId");
              return id == null ? null : new ScenarioChange.RemovePartner(id);
            }));
    types.put(
        "removeGap",
        new ChangeType(
            ScenarioChange.RemoveGap.class,
            r -> {
              String id = r.requiredString("gapId");
              return id == null ? null : new ScenarioChange.RemoveGap(id);
            }));
    types.put(
        "removeOption",
        new ChangeType(
            ScenarioChange.RemoveOption.class,
            r -> {
              String id = r.requiredString("optionId");
              return id == null ? null : new ScenarioChange.RemoveOption(id);
            }));
    return java.util.Collections.unmodifiableMap(types);
  }
}
