package org.scplan.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scplan.uncertainty.Distribution;
import org.scplan.uncertainty.Uncertainty;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/**
 * Reads and writes uncertainty files: JSON, UTF-8, format version {@value #FORMAT_VERSION}; the
 * schema is {@code schema/uncertainty.schema.json}.
 *
 * <h2>Format</h2>
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "costOverrun": {"distribution": "logNormal", "median": 1.05, "logSd": 0.15},
 *   "riskScore": {"distribution": "step", "probability": 0.4},
 *   "propensity": {"distribution": "off"},
 *   "appropriationCut":
 *       {"distribution": "bernoulliUniform", "probability": 0.2, "minimum": 0.05, "maximum": 0.3}
 * }
 * }</pre>
 *
 * <p>All four inputs are required (an input left out is an error, not a silent default); {@code
 * "off"} keeps the base scenario's value. Each distribution object has a {@code distribution} kind
 * and the components of its {@link Distribution} record, every one required. Which kinds each input
 * accepts is on {@link Uncertainty}.
 *
 * <p>Reading is strict like {@link ScenarioJson}: unknown fields and kinds are errors with the
 * closest known name, parameters out of range are errors naming the input and parameter, and every
 * problem of the document is reported at once in one {@link ScenarioValidationException}, located
 * as {@code "<source> $.costOverrun (logNormal)"} with the field. Writing is deterministic (fields
 * in the order above). Thread-safe: the class holds no state.
 */
public final class UncertaintyJson {
  /** Version of the uncertainty file format. */
  public static final int FORMAT_VERSION = 1;

  /** The record of each kind, by its name in files. */
  private static final Map<String, Class<? extends Distribution>> KINDS = kinds();

  /** The record type whose components are the top-level fields. */
  private record Inputs(
      JsonNode costOverrun, JsonNode riskScore, JsonNode propensity, JsonNode appropriationCut) {}

  private UncertaintyJson() {}

  /**
   * Reads the uncertainty in {@code file}, naming the file by its path in problems.
   *
   * @throws ScenarioValidationException when the file is missing, unreadable, malformed or not a
   *     sound uncertainty file, with every problem found
   */
  public static Uncertainty read(Path file) {
    Objects.requireNonNull(file, "file");
    return JsonSupport.readFile(
        file,
        (in, sourceName) ->
            uncertainty(
                JsonSupport.parse(factory -> factory.createParser(in), sourceName), sourceName));
  }

  /**
   * Reads the uncertainty in {@code json}.
   *
   * @param sourceName what to call the input in problems, e.g. a file name
   * @throws ScenarioValidationException when {@code json} is malformed or not a sound uncertainty
   *     file, with every problem found
   */
  public static Uncertainty read(String json, String sourceName) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sourceName, "sourceName");
    return uncertainty(
        JsonSupport.parse(factory -> factory.createParser(json), sourceName), sourceName);
  }

  /** {@code uncertainty} as JSON text: 2-space indent, {@code \n} line endings, final newline. */
  public static String write(Uncertainty uncertainty) {
    return JsonSupport.print(tree(uncertainty), "uncertainty");
  }

  private static ObjectNode tree(Uncertainty uncertainty) {
    Objects.requireNonNull(uncertainty, "uncertainty");
    ObjectNode root = JsonSupport.MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    List<Distribution> inputs = uncertainty.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      Distribution distribution = inputs.get(i);
      ObjectNode node = root.putObject(Uncertainty.INPUTS.get(i));
      node.put("distribution", distribution.kind());
      for (RecordComponent component : distribution.getClass().getRecordComponents()) {
        node.put(component.getName(), parameter(component, distribution));
      }
    }
    return root;
  }

  /**
   * Writes {@code uncertainty} to {@code file} atomically.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(Uncertainty uncertainty, Path file) {
    Objects.requireNonNull(file, "file");
    JsonSupport.writeAtomically(file, tree(uncertainty), "uncertainty");
  }

  private static Uncertainty uncertainty(JsonNode root, String sourceName) {
    if (!root.isObject()) {
      throw JsonSupport.invalid(
          sourceName,
          new Problem(
              sourceName + " $",
              "",
              "Expected an uncertainty object but found " + NodeReader.describe(root) + ".",
              "an uncertainty file holds one JSON object that starts with {\"formatVersion\": "
                  + FORMAT_VERSION
                  + ", …}."));
    }
    List<Problem> problems = new ArrayList<>();
    if (!JsonSupport.checkFormatVersion(root, FORMAT_VERSION, sourceName, problems)) {
      throw new ScenarioValidationException(sourceName, problems);
    }
    NodeReader.root(
        problems, sourceName, (ObjectNode) root, "uncertainty", Inputs.class, "formatVersion");
    List<Distribution> inputs = new ArrayList<>();
    for (int i = 0; i < Uncertainty.INPUTS.size(); i++) {
      inputs.add(input(root, i, sourceName, problems));
    }
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(sourceName, problems);
    }
    return new Uncertainty(inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3));
  }

  private static Distribution input(
      JsonNode root, int index, String sourceName, List<Problem> problems) {
    String name = Uncertainty.INPUTS.get(index);
    String path = "$." + name;
    String accepted = String.join(", ", Uncertainty.acceptedKinds(index)) + " or off";
    JsonNode element = root.get(name);
    if (element == null || !element.isObject()) {
      problems.add(
          new Problem(
              sourceName + " $",
              name,
              element == null
                  ? "Required input '" + name + "' is missing."
                  : "Expected a distribution object but found "
                      + NodeReader.describe(element)
                      + ".",
              "write \""
                  + name
                  + "\": {\"distribution\": \"off\"} to keep the scenario's values, or one of "
                  + accepted
                  + " with its parameters."));
      return null;
    }
    JsonNode kindNode = element.get("distribution");
    if (kindNode == null || !kindNode.isTextual()) {
      problems.add(
          new Problem(
              sourceName + " " + path,
              "distribution",
              kindNode == null
                  ? "Required field 'distribution' is missing."
                  : "Expected a string but found " + NodeReader.describe(kindNode) + ".",
              "use one of " + accepted + "."));
      return null;
    }
    String kind = kindNode.textValue();
    Class<? extends Distribution> type = KINDS.get(kind);
    if (type == null) {
      String closest = Hints.closest(kind, List.copyOf(KINDS.keySet()));
      problems.add(
          new Problem(
              sourceName + " " + path,
              "distribution",
              "Unknown distribution \"" + kind + "\".",
              closest != null ? "you meant \"" + closest + "\"?" : "use one of " + accepted + "."));
      return null;
    }
    @SuppressWarnings("unchecked")
    Class<? extends Record> recordType = (Class<? extends Record>) type;
    NodeReader r =
        NodeReader.element(
            problems,
            sourceName,
            (ObjectNode) element,
            path,
            " (" + kind + ")",
            "distribution",
            recordType,
            "distribution");
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = r.requiredDouble(components[i].getName());
      types[i] = double.class;
    }
    if (!r.clean()) {
      return null;
    }
    Distribution distribution;
    try {
      distribution = type.getDeclaredConstructor(types).newInstance(values);
    } catch (InvocationTargetException e) {
      String message = e.getCause().getMessage();
      problems.add(
          new Problem(
              sourceName + " " + path + " (" + kind + ")",
              message.substring(0, message.indexOf(' ')),
              name + ": " + message + ".",
              "see the parameters of each distribution in docs/MODEL.md (Monte Carlo sweeps)."));
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("every distribution has a canonical constructor", e);
    }
    String unacceptable = Uncertainty.unacceptable(index, distribution);
    if (unacceptable != null) {
      problems.add(
          new Problem(
              sourceName + " " + path,
              "distribution",
              "Input '" + name + "' cannot be drawn from a " + kind + " distribution.",
              "use one of " + accepted + "."));
      return null;
    }
    return distribution;
  }

  private static double parameter(RecordComponent component, Distribution distribution) {
    try {
      return (double) component.getAccessor().invoke(distribution);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("every distribution parameter is a public double", e);
    }
  }

  private static Map<String, Class<? extends Distribution>> kinds() {
    Map<String, Class<? extends Distribution>> kinds = new LinkedHashMap<>();
    for (Class<?> type : Distribution.class.getPermittedSubclasses()) {
      Class<? extends Distribution> kind = type.asSubclass(Distribution.class);
      kinds.put(Distribution.kindOf(kind), kind);
    }
    return java.util.Collections.unmodifiableMap(kinds);
  }
}
