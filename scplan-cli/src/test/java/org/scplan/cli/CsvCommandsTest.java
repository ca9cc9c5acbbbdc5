package org.scplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.csv.PlanCsv;
import org.scplan.examples.NotionalTheater;
import org.scplan.json.PlanJson;
import org.scplan.json.ScenarioJson;
import org.scplan.plan.PlanChecker;

/** import, export-csv and solve on CSV workbooks, as a planner runs them. */
class CsvCommandsTest {
  @TempDir Path directory;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ScplanCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void exportScenarioThenImport_givesTheTheatersJsonByteForByte() throws Exception {
    Path workbook = directory.resolve("workbook");
    Path json = directory.resolve("scenario.json");

    Run export = run("export-csv", "--scenario", "theater", "--out", workbook.toString());
    Run imported = run("import", workbook.toString(), "--out", json.toString());

    assertThat(export.exitCode()).isZero();
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("16 partners").contains("Scenario written to " + json);
    assertThat(Files.readString(json))
        .isEqualTo(ScenarioJson.write(NotionalTheater.scenario()))
        .isEqualTo(Files.readString(Path.of("..", "examples", "notional-theater.json")));
  }

  @Test
  void import_badWorkbook_exitsOneListingLocatedProblems() throws Exception {
    Path workbook = directory.resolve("workbook");
    run("export-csv", "--scenario", "theater", "--out", workbook.toString());
    Path partners = workbook.resolve("partners.csv");
    Files.writeString(partners, Files.readString(partners).replaceFirst(",AFRICOM,", ",AFRICA,"));

    Run run = run("import", workbook.toString(), "--out", directory.resolve("x.json").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("partners.csv row 2, combatantCommand: 'AFRICA' is not one of")
        .contains("Did you mean 'AFRICOM'?");
    assertThat(directory.resolve("x.json")).doesNotExist();
  }

  @Test
  void solve_csvWorkbook_writesCheckedPlanAndItsTables() throws Exception {
    Path workbook = directory.resolve("workbook");
    run("export-csv", "--scenario", "theater", "--out", workbook.toString());
    Path planFile = directory.resolve("plan.json");
    Path tables = directory.resolve("tables");

    Run run =
        run(
            "solve",
            workbook.toString(),
            "--quiet",
            "--time-limit",
            "2s",
            "--out",
            planFile.toString(),
            "--csv-out",
            tables.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Plan tables written to " + tables);
    assertThat(PlanChecker.check(NotionalTheater.scenario(), PlanJson.read(planFile))).isEmpty();
    for (String name : PlanCsv.fileNames()) {
      assertThat(tables.resolve(name)).exists();
    }
  }

  @Test
  void exportCsv_planFile_writesTables() throws Exception {
    Path planFile = directory.resolve("plan.json");
    run("solve", "--quiet", "--time-limit", "2s", "--out", planFile.toString());
    Path tables = directory.resolve("tables");

    Run run = run("export-csv", planFile.toString(), "--out", tables.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(tables.resolve("funded-options.csv")))
        .startsWith("optionId,gapId,partnerId,programId,startFiscalYear");
  }

  @Test
  void exportCsv_planAndScenarioTogether_isAUsageError() {
    Run run =
        run("export-csv", "plan.json", "--scenario", "theater", "--out", directory.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Give either a PLAN.json or --scenario SCENARIO");
  }
}
