package org.scplan.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scplan.execution.ActivityExecution;
import org.scplan.execution.ExecutionRecord;
import org.scplan.execution.ExecutionStatus;
import org.scplan.execution.MeasureObservation;
import org.scplan.execution.Obligation;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/**
 * Reads and writes execution records: JSON, UTF-8, format version {@value
 * ExecutionRecord#FORMAT_VERSION}.
 *
 * <p>One top-level object: {@code formatVersion}, then the components of {@link ExecutionRecord}
 * ({@code scenarioId}, {@code throughFiscalYear}, {@code activities}, {@code observations}), nested
 * records likewise. Optional: {@code activities} and {@code observations} (empty), an activity's
 * {@code delayedToFiscalYear} (null), {@code obligations} (empty) and {@code note} (""). Money in
 * whole US dollars, years written in full. Reading is strict like {@link ScenarioJson}'s and
 * reports every structural problem at once, located by JSON path; whether the record agrees with
 * its scenario and plan is checked by {@link org.scplan.execution.ExecutionValidator}. The writer
 * writes every field, nulls included.
 *
 * <p>Thread-safe: the class holds no state.
 */
public final class ExecutionJson {
  private ExecutionJson() {}

  /**
   * Reads the record in {@code file}, naming the file by its path in problems.
   *
   * @throws ScenarioValidationException when the file is missing, unreadable, malformed or not a
   *     structurally sound execution record, with every problem found
   */
  public static ExecutionRecord read(Path file) {
    Objects.requireNonNull(file, "file");
    return JsonSupport.readFile(
        file, (in, sourceName) -> record(JsonSupport.parse(in, sourceName), sourceName));
  }

  /**
   * Reads the record in {@code json}.
   *
   * @param sourceName what to call the input in problems, e.g. a file name
   * @throws ScenarioValidationException when {@code json} is malformed or not a structurally sound
   *     execution record, with every problem found
   */
  public static ExecutionRecord read(String json, String sourceName) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sourceName, "sourceName");
    return record(JsonSupport.parse(factory -> factory.createParser(json), sourceName), sourceName);
  }

  /** The record as JSON text, identical byte for byte for equal records. */
  public static String write(ExecutionRecord record) {
    Objects.requireNonNull(record, "record");
    return JsonSupport.printVersioned(
        ExecutionRecord.FORMAT_VERSION,
        record,
        "execution record of scenario " + record.scenarioId());
  }

  /** Writes the record to {@code file} as by {@link #write(ExecutionRecord)}, atomically. */
  public static void write(ExecutionRecord record, Path file) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(record, "record");
    JsonSupport.writeAtomically(
        file,
        JsonSupport.versioned(ExecutionRecord.FORMAT_VERSION, record),
        "execution record of scenario " + record.scenarioId());
  }

  private static ExecutionRecord record(JsonNode root, String sourceName) {
    if (!root.isObject()) {
      throw JsonSupport.invalid(
          sourceName,
          new Problem(
              sourceName + " $",
              "",
              "Expected an execution record object but found " + NodeReader.describe(root) + ".",
              "an execution file holds one JSON object that starts with {\"formatVersion\": "
                  + ExecutionRecord.FORMAT_VERSION
                  + ", …}."));
    }
    List<Problem> problems = new ArrayList<>();
    if (!JsonSupport.checkFormatVersion(
        root, ExecutionRecord.FORMAT_VERSION, sourceName, problems)) {
      throw new ScenarioValidationException(sourceName, problems);
    }
    NodeReader r =
        NodeReader.root(
            problems,
            sourceName,
            (ObjectNode) root,
            "execution record",
            ExecutionRecord.class,
            "formatVersion");
    String scenarioId = r.requiredString("scenarioId");
    int through = r.requiredInt("throughFiscalYear");
    List<ActivityExecution> activities =
        r.objects(
            "activities", ActivityExecution.class, "activity", "optionId", ExecutionJson::activity);
    List<MeasureObservation> observations =
        r.objects(
            "observations",
            MeasureObservation.class,
            "observation",
            "measureId",
            ExecutionJson::observation);
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(sourceName, problems);
    }
    return new ExecutionRecord(scenarioId, through, activities, observations);
  }

  private static ActivityExecution activity(NodeReader r) {
    int fiscalYear = r.requiredInt("fiscalYear");
    String optionId = r.requiredString("optionId");
    ExecutionStatus status = r.requiredEnum("status", ExecutionStatus.class);
    Integer delayedTo = r.nullableInt("delayedToFiscalYear");
    List<Obligation> obligations =
        r.objects("obligations", Obligation.class, "obligation", null, ExecutionJson::obligation);
    String note = r.optionalString("note");
    return r.clean()
        ? new ActivityExecution(fiscalYear, optionId, status, delayedTo, obligations, note)
        : null;
  }

  private static Obligation obligation(NodeReader r) {
    int appropriationFiscalYear = r.requiredInt("appropriationFiscalYear");
    long amount = r.requiredMoney("amount");
    return r.clean() ? new Obligation(appropriationFiscalYear, amount) : null;
  }

  private static MeasureObservation observation(NodeReader r) {
    int fiscalYear = r.requiredInt("fiscalYear");
    String measureId = r.requiredString("measureId");
    double value = r.requiredDouble("value");
    return r.clean() ? new MeasureObservation(fiscalYear, measureId, value) : null;
  }
}
