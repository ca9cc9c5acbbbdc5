package org.scplan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scplan.csv.ScenarioCsv;
import org.scplan.json.ScenarioJson;
import org.scplan.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scplan import DIR|ZIP --out scenario.json}: a CSV workbook to a scenario JSON file. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Reads a scenario from a folder or .zip of CSV files (see docs/CSV.md), checks it, and"
            + " writes it as scenario JSON. Every problem is listed with its file, row and column;"
            + " exits 1 if there is any.")
final class ImportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR|ZIP",
      description = "Folder of CSV files, or a .zip archive of them.")
  Path source;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "SCENARIO.json",
      description = "Write the scenario as JSON to this file (atomically).")
  Path out;

  @Override
  public Integer call() {
    Scenario scenario = ScenarioCsv.read(source);
    ScenarioJson.write(scenario, out);
    spec.commandLine()
        .getOut()
        .printf(
            "Imported %s: %d partners, %d gaps, %d options, %d programs, FY%d–FY%d.%n"
                + "Scenario written to %s%n",
            source,
            scenario.partners().size(),
            scenario.gaps().size(),
            scenario.options().size(),
            scenario.programs().size(),
            scenario.horizon().firstFiscalYear(),
            scenario.horizon().lastFiscalYear(),
            out);
    return 0;
  }
}
