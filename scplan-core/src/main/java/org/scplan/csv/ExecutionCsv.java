package org.scplan.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scplan.execution.ActivityExecution;
import org.scplan.execution.ExecutionRecord;
import org.scplan.execution.ExecutionStatus;
import org.scplan.execution.ExecutionValidator;
import org.scplan.execution.MeasureObservation;
import org.scplan.execution.Obligation;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.support.AtomicFiles;
import org.scplan.support.CsvText;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/**
 * Reads and writes an execution record as CSV files in a folder or a zip archive, as {@link
 * ScenarioCsv} does a scenario: {@code execution.csv} (one row: scenario id and the last FY
 * recorded), {@code activities.csv} (one row per FY and activity: status, delay, note), {@code
 * obligations.csv} (one row per obligation, naming its activity by FY and option) and {@code
 * observations.csv} (one row per measure and FY). {@code docs/CSV.md} documents every column. The
 * cells, limits and errors follow the scenario workbook's rules; problems of {@link
 * ExecutionValidator} are located in the files ({@code obligations.csv row 3 (…)}).
 *
 * <p>Thread-safe: the class holds no state.
 */
public final class ExecutionCsv {
  private static final Pattern ACTIVITY =
      Pattern.compile("ActivityExecution at activities\\[(\\d+)\\].*");
  private static final Pattern OBSERVATION =
      Pattern.compile("MeasureObservation at observations\\[(\\d+)\\].*");
  private static final Pattern OBLIGATION = Pattern.compile("obligations\\[(\\d+)\\]\\.(\\w+)");

  private ExecutionCsv() {}

  /**
   * Reads the record in a folder of CSV files or a {@code .zip} archive of them and checks it
   * against its scenario and plan.
   *
   * @throws ScenarioValidationException with every problem found, located by file, row and column
   */
  public static ExecutionRecord read(Path folderOrZip, Scenario scenario, Plan plan) {
    Objects.requireNonNull(folderOrZip, "folderOrZip");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(plan, "plan");
    String title = folderOrZip.toString();
    CsvSource.Files files = CsvSource.load(folderOrZip);
    if (!files.problems().isEmpty()) {
      throw new ScenarioValidationException(title, files.problems());
    }
    Reader reader = new Reader();
    ExecutionRecord record = reader.read(files.texts());
    if (!reader.problems.isEmpty()) {
      throw new ScenarioValidationException(title, reader.problems);
    }
    List<Problem> located = new ArrayList<>();
    for (Problem problem : ExecutionValidator.problems(scenario, plan, record)) {
      located.add(reader.locate(problem));
    }
    if (!located.isEmpty()) {
      throw new ScenarioValidationException(title, located);
    }
    return record;
  }

  /**
   * Writes {@code record} into {@code folder} (created if need be), every file and column written,
   * each file atomically.
   *
   * @throws UncheckedIOException when a file cannot be written
   */
  public static void write(ExecutionRecord record, Path folder) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(folder, "folder");
    Map<ExecutionSheet, List<String[]>> rows = new LinkedHashMap<>();
    for (ExecutionSheet sheet : ExecutionSheet.values()) {
      List<String[]> table = new ArrayList<>();
      table.add(sheet.columns().toArray(String[]::new));
      rows.put(sheet, table);
    }
    rows.get(ExecutionSheet.EXECUTION)
        .add(new String[] {record.scenarioId(), String.valueOf(record.throughFiscalYear())});
    for (ActivityExecution activity : record.activities()) {
      String year = String.valueOf(activity.fiscalYear());
      rows.get(ExecutionSheet.ACTIVITIES)
          .add(
              new String[] {
                year,
                activity.optionId(),
                activity.status().name(),
                activity.delayedToFiscalYear() == null
                    ? ""
                    : activity.delayedToFiscalYear().toString(),
                activity.note()
              });
      for (Obligation obligation : activity.obligations()) {
        rows.get(ExecutionSheet.OBLIGATIONS)
            .add(
                new String[] {
                  year,
                  activity.optionId(),
                  String.valueOf(obligation.appropriationFiscalYear()),
                  String.valueOf(obligation.amount())
                });
      }
    }
    for (MeasureObservation observation : record.observations()) {
      rows.get(ExecutionSheet.OBSERVATIONS)
          .add(
              new String[] {
                String.valueOf(observation.fiscalYear()),
                observation.measureId(),
                ScenarioCsvWriter.number(observation.value())
              });
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + folder + ": " + e.getMessage(), e);
    }
    rows.forEach(
        (sheet, table) ->
            AtomicFiles.write(folder.resolve(sheet.fileName()), CsvText.print(table)));
  }

  /** The file names of an execution workbook, in the writer's order. */
  public static List<String> fileNames() {
    List<String> names = new ArrayList<>();
    for (ExecutionSheet sheet : ExecutionSheet.values()) {
      names.add(sheet.fileName());
    }
    return List.copyOf(names);
  }

  /** One reading: the record's parts and the row each came from. */
  private static final class Reader {
    final List<Problem> problems = new ArrayList<>();
    final Set<String> rowsWithCellProblems = new HashSet<>();
    final Map<ExecutionSheet, Table> tables = new LinkedHashMap<>();
    final List<Integer> activityRows = new ArrayList<>();
    final List<List<Integer>> obligationRows = new ArrayList<>();
    final List<Integer> observationRows = new ArrayList<>();
    int executionRow;

    ExecutionRecord read(Map<String, String> texts) {
      List<String> known = fileNames();
      for (String name : texts.keySet()) {
        if (!known.contains(name)) {
          String closest = Table.closest(name, known);
          problems.add(
              new Problem(
                  name,
                  "",
                  "Unknown CSV file '" + name + "'.",
                  closest != null
                      ? "you meant '" + closest + "'?"
                      : "the files of an execution record are " + String.join(", ", known) + "."));
        }
      }
      for (ExecutionSheet sheet : ExecutionSheet.values()) {
        String text = texts.get(sheet.fileName());
        tables.put(sheet, text == null ? Table.absent(sheet) : Table.read(sheet, text, problems));
      }
      List<RowReader> header = rows(ExecutionSheet.EXECUTION);
      String scenarioId = "";
      int through = 0;
      if (header.size() != 1) {
        problems.add(
            new Problem(
                ExecutionSheet.EXECUTION.fileName(),
                "",
                "Expected exactly one data row, but found " + header.size() + ".",
                "give the scenario id and the last FY recorded in one row under the header."));
      } else {
        executionRow = header.get(0).row();
        scenarioId = header.get(0).text("scenarioId");
        through = header.get(0).requiredInt("throughFiscalYear");
      }
      List<ActivityExecution> activities = new ArrayList<>();
      List<List<Obligation>> obligations = new ArrayList<>();
      Map<String, Integer> activityByKey = new HashMap<>();
      for (RowReader r : rows(ExecutionSheet.ACTIVITIES)) {
        int year = r.requiredInt("fiscalYear");
        String optionId = r.text("optionId");
        ExecutionStatus status = r.requiredEnum("status", ExecutionStatus.class);
        Integer delayedTo = r.nullableInt("delayedToFiscalYear");
        String note = r.optionalText("note");
        if (!r.clean()) {
          continue;
        }
        activityByKey.putIfAbsent(year + " " + optionId, activities.size());
        activities.add(new ActivityExecution(year, optionId, status, delayedTo, List.of(), note));
        obligations.add(new ArrayList<>());
        obligationRows.add(new ArrayList<>());
        activityRows.add(r.row());
      }
      for (RowReader r : rows(ExecutionSheet.OBLIGATIONS)) {
        int year = r.requiredInt("fiscalYear");
        String optionId = r.text("optionId");
        int appropriationYear = r.requiredInt("appropriationFiscalYear");
        long amount = r.requiredMoney("amount");
        if (!r.clean()) {
          continue;
        }
        Integer activity = activityByKey.get(year + " " + optionId);
        if (activity == null) {
          r.problem(
              "optionId",
              "no row of activities.csv reports option '" + optionId + "' in FY" + year + ".",
              "add the activity's status for FY" + year + " to activities.csv.");
          continue;
        }
        obligations.get(activity).add(new Obligation(appropriationYear, amount));
        obligationRows.get(activity).add(r.row());
      }
      List<ActivityExecution> complete = new ArrayList<>();
      for (int i = 0; i < activities.size(); i++) {
        ActivityExecution a = activities.get(i);
        complete.add(
            new ActivityExecution(
                a.fiscalYear(),
                a.optionId(),
                a.status(),
                a.delayedToFiscalYear(),
                obligations.get(i),
                a.note()));
      }
      List<MeasureObservation> observations = new ArrayList<>();
      for (RowReader r : rows(ExecutionSheet.OBSERVATIONS)) {
        int year = r.requiredInt("fiscalYear");
        String measureId = r.text("measureId");
        double value = r.requiredDouble("value");
        if (r.clean()) {
          observations.add(new MeasureObservation(year, measureId, value));
          observationRows.add(r.row());
        }
      }
      return new ExecutionRecord(scenarioId, through, complete, observations);
    }

    private List<RowReader> rows(ExecutionSheet sheet) {
      Table table = tables.get(sheet);
      List<RowReader> readers = new ArrayList<>();
      for (CsvText.Record record : table.rows()) {
        readers.add(new RowReader(table, record, problems, rowsWithCellProblems));
      }
      return readers;
    }

    /** The validator's problem located in the files, or as it was when it has no row. */
    Problem locate(Problem problem) {
      Matcher activity = ACTIVITY.matcher(problem.location());
      if (activity.matches()) {
        int index = Integer.parseInt(activity.group(1));
        Matcher obligation = OBLIGATION.matcher(problem.field());
        if (obligation.matches()) {
          int row = obligationRows.get(index).get(Integer.parseInt(obligation.group(1)));
          String column =
              obligation.group(2).equals("appropriationFiscalYear")
                  ? "appropriationFiscalYear"
                  : "amount";
          return at(ExecutionSheet.OBLIGATIONS, row, column, problem);
        }
        String column = problem.field().equals("obligations") ? "status" : problem.field();
        return at(ExecutionSheet.ACTIVITIES, activityRows.get(index), column, problem);
      }
      Matcher observation = OBSERVATION.matcher(problem.location());
      if (observation.matches()) {
        int row = observationRows.get(Integer.parseInt(observation.group(1)));
        return at(ExecutionSheet.OBSERVATIONS, row, problem.field(), problem);
      }
      if (problem.location().equals("ExecutionRecord") && executionRow > 0) {
        return at(ExecutionSheet.EXECUTION, executionRow, problem.field(), problem);
      }
      return problem;
    }

    private static Problem at(ExecutionSheet sheet, int row, String column, Problem problem) {
      return new Problem(
          sheet.fileName() + " row " + row + " (" + problem.location() + ")",
          column,
          problem.message(),
          problem.hint());
    }
  }
}
