package org.scplan.cli;

import java.nio.file.Path;
import org.scplan.csv.ExecutionCsv;
import org.scplan.execution.ExecutionRecord;
import org.scplan.json.ExecutionJson;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;

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
  static ExecutionRecord load(Path path, Scenario scenario, Plan plan) {
    return ScenarioSource.isCsv(path)
        ? ExecutionCsv.read(path, scenario, plan)
        : ExecutionJson.read(path);
  }
}
