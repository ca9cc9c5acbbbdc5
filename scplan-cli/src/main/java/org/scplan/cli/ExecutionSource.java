package org.scplan.cli;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.scplan.csv.ExecutionCsv;
import org.scplan.execution.ExecutionRecord;
import org.scplan.json.ExecutionJson;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.validation.ScenarioValidationException;

/** Where a command's execution record comes from: a JSON file, or a folder or zip of CSV files. */
final class ExecutionSource {
  /** The parameter's description, shared by the commands that take an execution record. */
  static final String DESCRIPTION =
      "Execution record: a .json file, or a folder or .zip of CSV files (see docs/CSV.md).";

  private ExecutionSource() {}

  /**
   * The record at {@code path}, CSV when it is a folder or ends in {@code .zip}; CSV files are
   * checked against {@code scenario} and {@code plan} as they are read, so problems name file, row
   * and column.
   */
  /**
   * Runs {@code work}, which checks the record at {@code path}, naming the file in the problems'
   * heading if it finds any.
   */
  static <T> T checked(Path path, Supplier<T> work) {
    try {
      return work.get();
    } catch (ScenarioValidationException invalid) {
      throw new ScenarioValidationException(path + " (execution record)", invalid.problems());
    }
  }

  static ExecutionRecord load(Path path, Scenario scenario, Plan plan) {
    return ScenarioSource.isCsv(path)
        ? ExecutionCsv.read(path, scenario, plan)
        : ExecutionJson.read(path);
  }
}
