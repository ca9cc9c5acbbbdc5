package org.scplan.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scplan.plan.Plan;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/**
 * Reads and writes plan files: JSON, UTF-8, format version {@value Plan#FORMAT_VERSION}.
 *
 * <p>One top-level object: {@code formatVersion}, then the components of {@link Plan} in
 * declaration order, nested records likewise, every field written ({@code null} included). Money is
 * in whole US dollars; maps keyed by fiscal year have the year as a string key ({@code "2027"});
 * enums are their upper-case names; values are in weighted risk points.
 *
 * <p>Plans are written by scplan, not by hand, so reading is strict and stops at the first problem:
 * every field must be present, unknown fields and fractional dollars are errors. Problems come as a
 * {@link ScenarioValidationException} with one problem, located by line and column for malformed
 * JSON, otherwise by JSON path ({@code "<source> $.fundedOptions[2]"}, field {@code "value"}). No
 * Jackson exception leaves this class. Input limits are those of {@link ScenarioJson}.
 *
 * <p>Thread-safe: the class holds no state.
 */
public final class PlanJson {
  private PlanJson() {}

  /**
   * The plan as JSON text, identical byte for byte for equal plans: 2-space indent, {@code \n} line
   * endings, a trailing newline.
   *
   * @throws IllegalArgumentException if a number in it is NaN or infinite, which JSON cannot
   *     represent
   */
  public static String write(Plan plan) {
    Objects.requireNonNull(plan, "plan");
    return JsonSupport.printVersioned(
        Plan.FORMAT_VERSION, plan, "plan of scenario " + plan.scenarioId());
  }

  /**
   * Writes the plan to {@code file} as by {@link #write(Plan)}, atomically: readers see the old
   * file or the new one, never a part.
   *
   * @throws IllegalArgumentException if a number in it is NaN or infinite
   * @throws ScenarioValidationException if the file would be longer than the 256 MB the readers
   *     take; nothing is written then
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(Plan plan, Path file) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(plan, "plan");
    JsonSupport.writeAtomically(
        file,
        JsonSupport.versioned(Plan.FORMAT_VERSION, plan),
        "plan of scenario " + plan.scenarioId());
  }

  /**
   * Reads the plan in {@code file}, naming the file by its path in problems.
   *
   * @throws ScenarioValidationException when the file is missing, unreadable, malformed or not a
   *     plan of this format version
   */
  public static Plan read(Path file) {
    Objects.requireNonNull(file, "file");
    return JsonSupport.readFile(
        file, (in, sourceName) -> plan(JsonSupport.parse(in, sourceName), sourceName));
  }

  /**
   * Reads the plan in {@code json}.
   *
   * @param sourceName what to call the input in problems, e.g. a file name
   * @throws ScenarioValidationException when {@code json} is malformed or not a plan of this format
   *     version
   */
  public static Plan read(String json, String sourceName) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sourceName, "sourceName");
    return plan(JsonSupport.parse(factory -> factory.createParser(json), sourceName), sourceName);
  }

  /**
   * Reads the plan in {@code in} (UTF-8, UTF-16 or UTF-32, detected); does not close it.
   *
   * @param sourceName what to call the input in problems, e.g. a file name
   * @throws ScenarioValidationException when the input cannot be read, is malformed or is not a
   *     plan of this format version
   */
  public static Plan read(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    return plan(JsonSupport.parse(in, sourceName), sourceName);
  }

  private static Plan plan(JsonNode root, String sourceName) {
    if (!root.isObject()) {
      throw JsonSupport.invalid(
          sourceName,
          new Problem(
              sourceName + " $",
              "",
              "Expected a plan object but found " + NodeReader.describe(root) + ".",
              "a plan file holds one JSON object that starts with {\"formatVersion\": "
                  + Plan.FORMAT_VERSION
                  + ", …}."));
    }
    List<Problem> problems = new ArrayList<>();
    JsonSupport.checkFormatVersion(root, Plan.FORMAT_VERSION, sourceName, problems);
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(sourceName, problems);
    }
    ((ObjectNode) root).remove("formatVersion");
    try {
      return JsonSupport.MAPPER.treeToValue(root, Plan.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw JsonSupport.invalid(sourceName, problem(e, sourceName));
    }
  }

  /** Locates a databind failure by the JSON path of its reference chain. */
  private static Problem problem(Exception failure, String sourceName) {
    if (!(failure instanceof JsonMappingException mapping)) {
      String message =
          failure instanceof JsonProcessingException processing
              ? JsonSupport.message(processing)
              : String.valueOf(failure.getMessage());
      return new Problem(sourceName + " $", "", message, "");
    }
    List<JsonMappingException.Reference> path = mapping.getPath();
    // The field is the last property named in the chain, with any indexes after it.
    int fieldStart = path.size();
    while (fieldStart > 0 && path.get(fieldStart - 1).getFieldName() == null) {
      fieldStart--;
    }
    fieldStart = fieldStart == 0 ? path.size() : fieldStart - 1;
    String location = sourceName + " " + jsonPath("$", path.subList(0, fieldStart));
    String field = jsonPath("", path.subList(fieldStart, path.size()));
    field = field.startsWith(".") ? field.substring(1) : field;
    if (failure instanceof UnrecognizedPropertyException unknown) {
      List<String> known =
          unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
      String closest = Hints.closest(unknown.getPropertyName(), known);
      return new Problem(
          location,
          field,
          "Unknown field '" + unknown.getPropertyName() + "'.",
          closest != null
              ? "did you mean '" + closest + "'?"
              : "the known fields here are " + String.join(", ", known) + ".");
    }
    return new Problem(location, field, JsonSupport.message(mapping), "");
  }

  private static String jsonPath(String start, List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder(start);
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append('.').append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
