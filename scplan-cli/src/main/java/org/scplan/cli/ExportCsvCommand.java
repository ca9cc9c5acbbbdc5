package org.scplan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scplan.csv.PlanCsv;
import org.scplan.csv.ScenarioCsv;
import org.scplan.json.PlanJson;
import org.scplan.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scplan export-csv PLAN.json --out DIR} writes a plan's tables; {@code scplan export-csv
 * --scenario SCENARIO --out DIR} writes a scenario as a CSV workbook that {@code import} reads
 * back.
 */
@Command(
    name = "export-csv",
    mixinStandardHelpOptions = true,
    description =
        "Writes a plan as CSV tables for spreadsheets, or with --scenario a scenario as a CSV"
            + " workbook (one file per entity type, see docs/CSV.md).")
final class ExportCsvCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PLAN.json",
      description = "Plan file written by solve --out.")
  Path planFile;

  @Option(
      names = "--scenario",
      paramLabel = ScenarioSource.LABEL,
      description =
          "Export this scenario (a .json file, or a CSV folder or .zip) instead of a plan;"
              + " 'theater' for the embedded notional theater.")
  String scenario;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write the CSV files into (created if need be).")
  Path out;

  @Override
  public Integer call() {
    if ((planFile == null) == (scenario == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "Give either a PLAN.json or --scenario SCENARIO, not both or neither.");
    }
    if (planFile != null) {
      PlanCsv.write(PlanJson.read(planFile), out);
      spec.commandLine()
          .getOut()
          .printf("Plan tables written to %s: %s%n", out, String.join(", ", PlanCsv.fileNames()));
    } else {
      Scenario valid =
          ScenarioSource.loadValid(scenario.equals("theater") ? null : Path.of(scenario));
      try {
        ScenarioCsv.write(valid, out);
      } catch (IllegalArgumentException unwritable) {
        spec.commandLine().getErr().println(unwritable.getMessage());
        return ScplanCommand.INVALID_INPUT;
      }
      spec.commandLine()
          .getOut()
          .printf(
              "Scenario workbook written to %s (%d files)%n", out, ScenarioCsv.fileNames().size());
    }
    return 0;
  }
}
