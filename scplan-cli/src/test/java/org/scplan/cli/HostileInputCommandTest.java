package org.scplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scplan.csv.PlanCsv;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.json.PlanJson;
import org.scplan.json.ScenarioJson;
import org.scplan.scenario.EndState;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;
import org.scplan.testing.SpreadsheetCells;
import org.scplan.valuation.Candidate;
import org.scplan.valuation.Valuation;

/**
 * Hostile and inconsistent input as a new user or an attacker gives it (issue 20, items 3, 4 and
 * 7–11): each is refused with a located message and the documented exit code, never a stack trace,
 * and nothing is written where it should not be.
 */
class HostileInputCommandTest {
  @TempDir Path directory;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ScplanCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private static void assertNoStackTrace(Run run) {
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception:");
  }

  // Item 7: every option's value is checked by picocli.

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--workers=0",
        "--workers=-3",
        "--workers=100000",
        "--time-limit=0s",
        "--time-limit=-5s",
        "--gap-limit=2",
        "--gap-limit=NaN",
        "--gap-limit=-0.5",
        "--deterministic-limit=-1",
        "--deterministic-limit=Infinity"
      })
  void solve_outOfRangeOption_isAUsageErrorNamingIt(String option) {
    Run run = run("solve", option, "--quiet");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '" + option.split("=")[0] + "'");
    assertNoStackTrace(run);
  }

  @Test
  void sweepAndExplain_outOfRangeOptions_areUsageErrors() {
    Path out = directory.resolve("sweep");
    for (String[] args :
        List.of(
            new String[] {"sweep", "--runs", "0", "--out", out.toString()},
            new String[] {"sweep", "--threads", "-1", "--out", out.toString()},
            new String[] {"sweep", "--deterministic-limit", "0", "--out", out.toString()},
            new String[] {"explain", "--resolve-limit", "NaN"},
            new String[] {"explain", "--counterfactuals", "-1"})) {
      Run run = run(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertNoStackTrace(run);
    }
    assertThat(out).doesNotExist();
  }

  // Items 7 and 11: diff of plans of two scenarios.

  @Test
  void diff_plansOfTwoScenarios_exitsOneSayingSo_withOrWithoutTheater() throws IOException {
    Path theaterPlan = directory.resolve("theater-plan.json");
    PlanJson.write(GreedyAllocator.allocate(NotionalTheater.scenario()), theaterPlan);
    Scenario tiny = RandomScenarios.tiny(3);
    Path tinyPlan = directory.resolve("tiny-plan.json");
    PlanJson.write(GreedyAllocator.allocate(tiny), tinyPlan);

    Run plain = run("diff", theaterPlan.toString(), tinyPlan.toString());
    Run theater = run("diff", tinyPlan.toString(), tinyPlan.toString(), "--theater");

    assertThat(plain.exitCode()).isEqualTo(1);
    assertThat(plain.err())
        .contains("is a plan of scenario '" + NotionalTheater.scenario().id() + "'")
        .contains("of scenario '" + tiny.id() + "'");
    assertThat(plain.out()).isEmpty();
    assertThat(theater.exitCode()).isEqualTo(1);
    assertThat(theater.err())
        .contains("The plans are of scenario '" + tiny.id() + "'")
        .contains("the embedded notional theater");
    assertNoStackTrace(plain);
    assertNoStackTrace(theater);
  }

  // Items 7 and 9: ids with a tab or an escape are refused by every command alike.

  @Test
  void programIdHoldingATab_refusedByValidateSolveAndExportAlike() throws IOException {
    Path file = directory.resolve("tab.json");
    Files.writeString(
        file,
        ScenarioJson.write(NotionalTheater.scenario()).replace("\"prog-333\"", "\"prog\\t333\""));

    for (String[] args :
        List.of(
            new String[] {"validate", file.toString()},
            new String[] {"solve", file.toString(), "--quiet"},
            new String[] {
              "export-csv",
              "--scenario",
              file.toString(),
              "--out",
              directory.resolve("x").toString()
            })) {
      Run run = run(args);
      assertThat(run.exitCode()).as(args[0]).isEqualTo(1);
      assertThat(run.err())
          .as(args[0])
          .contains(
              "$.programs[0] (Program at programs[0]), id: must not contain control characters")
          .contains("U+0009");
      assertNoStackTrace(run);
    }
    assertThat(directory.resolve("x")).doesNotExist();
  }

  // Item 9: names reach the terminal with their control characters shown, not obeyed.

  @Test
  void report_toStandardOutput_showsEscapeSequencesInNamesInsteadOfPassingThem() {
    Scenario theater = NotionalTheater.scenario();
    Partner first = theater.partners().get(0);
    String hostileName = "Bandaria\u001b[2J\u001b]0;pwned\u0007\u0000\u009b31m";
    List<Partner> partners = new ArrayList<>(theater.partners());
    partners.set(
        0,
        new Partner(
            first.id(),
            hostileName,
            first.combatantCommand(),
            first.priorityTier(),
            first.propensity(),
            first.desireByRole(),
            first.absorptiveCapacityPerYear(),
            first.sustainmentBudgetPerYear(),
            first.vettingStatus(),
            first.scoId()));
    Scenario hostile = theater.toBuilder().partners(partners).build();
    Path scenarioFile = directory.resolve("hostile.json");
    ScenarioJson.write(hostile, scenarioFile);
    Path planFile = directory.resolve("plan.json");
    PlanJson.write(GreedyAllocator.allocate(hostile), planFile);

    Run run = run("report", planFile.toString(), "--scenario", scenarioFile.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        // Markdown escapes the brackets; the control characters are shown as \xHH.
        .contains("Bandaria\\x1B\\[2J\\x1B\\]0;pwned\\x07\\x00\\x9B31m")
        .doesNotContain("\u001b")
        .doesNotContain("\u0007")
        .doesNotContain("\u0000")
        .doesNotContain("\u009b");
  }

  @Test
  void usageError_controlCharactersInTheArgument_areShownNotPassed() {
    Run run = run("solve", "--bogus\u001b]0;x\u0007");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--bogus\\x1B]0;x\\x07").doesNotContain("\u001b");
  }

  // Item 3: no exported cell runs as a formula in a spreadsheet.

  @Test
  void exports_formulaIdsAndNames_neutralisedInEveryTable_andImportedBackAsGiven()
      throws IOException {
    // Every kind of id that reaches a table, and the scenario's name, start a formula.
    String json =
        ScenarioJson.write(NotionalTheater.scenario())
            .replace("\"notional-theater\"", "\"=cmd|' /C calc'!A0\"")
            .replace("\"Notional theater, FY2027–FY2031\"", "\"=HYPERLINK(\\\"http://x\\\")\"")
            .replace("\"p-", "\"-p-")
            .replace("\"o-", "\"+o-")
            .replace("\"g-", "\"@g-")
            .replace("\"prog-", "\"=prog-")
            .replace("\"sco-", "\"@sco-");
    Path scenarioFile = directory.resolve("formulas.json");
    Files.writeString(scenarioFile, json);
    Scenario scenario = ScenarioJson.read(scenarioFile);
    Path planFile = directory.resolve("plan.json");
    PlanJson.write(GreedyAllocator.allocate(scenario), planFile);
    Path solved = directory.resolve("solved");
    Path exported = directory.resolve("exported");
    Path workbook = directory.resolve("workbook");

    List<Run> runs =
        List.of(
            run(
                "solve",
                scenarioFile.toString(),
                "--quiet",
                "--workers",
                "1",
                "--deterministic-limit",
                "0.2",
                "--csv-out",
                solved.toString()),
            run("export-csv", planFile.toString(), "--out", exported.toString()),
            run("export-csv", "--scenario", scenarioFile.toString(), "--out", workbook.toString()),
            run("import", workbook.toString(), "--out", directory.resolve("back.json").toString()));

    assertThat(runs).allSatisfy(r -> assertThat(r.exitCode()).as(r.err()).isZero());
    for (Path folder : List.of(solved, exported)) {
      for (String table : PlanCsv.fileNames()) {
        String text = SpreadsheetCells.text(folder.resolve(table));
        assertThat(SpreadsheetCells.formulas(text)).as(folder + "/" + table).isEmpty();
        assertThat(SpreadsheetCells.neutralised(text)).as(folder + "/" + table).isNotEmpty();
      }
    }
    try (Stream<Path> sheets = Files.list(workbook)) {
      for (Path sheet : sheets.toList()) {
        assertThat(SpreadsheetCells.formulas(SpreadsheetCells.text(sheet)))
            .as(sheet.toString())
            .isEmpty();
      }
    }
    for (String sheet : List.of("scenario.csv", "partners.csv", "programs.csv", "options.csv")) {
      assertThat(SpreadsheetCells.neutralised(SpreadsheetCells.text(workbook.resolve(sheet))))
          .as(sheet)
          .isNotEmpty();
    }
    assertThat(ScenarioJson.read(directory.resolve("back.json"))).isEqualTo(scenario);
  }

  // Item 4: output files replace regular files only; CSCS drafts never share a name.

  @Test
  void solve_outputPathIsASymlink_exitsTwoAndWritesNothing() throws IOException {
    Path target = directory.resolve("precious.txt");
    Files.writeString(target, "keep me");
    Path link = directory.resolve("plan.json");
    Files.createSymbolicLink(link, target);
    Path markdown = directory.resolve("report.md");

    Run run =
        run(
            "solve",
            "--quiet",
            "--deterministic-limit",
            "0.1",
            "--workers",
            "1",
            "--md",
            markdown.toString(),
            "--out",
            link.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Cannot write " + link + ": it is a symbolic link");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).isEqualTo("keep me");
    assertThat(markdown).doesNotExist();
    assertNoStackTrace(run);
  }

  @Test
  void exportCsv_tableIsAFifo_exitsTwoAndWritesNoTable() throws Exception {
    Path folder = directory.resolve("tables");
    Files.createDirectories(folder);
    Path fifo = folder.resolve("draws.csv");
    assumeTrue(mkfifo(fifo), "mkfifo is not available");
    Path planFile = directory.resolve("plan.json");
    PlanJson.write(GreedyAllocator.allocate(NotionalTheater.scenario()), planFile);

    Run run = run("export-csv", planFile.toString(), "--out", folder.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("draws.csv: it is not a regular file");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("draws.csv");
    }
  }

  @Test
  void report_partnerIdsThatSanitiseAlike_getOneDraftEach() throws IOException {
    String json =
        ScenarioJson.write(NotionalTheater.scenario())
            .replace("\"p-bandaria\"", "\"p/a\"")
            .replace("\"p-kelmar\"", "\"p_a\"")
            .replace("\"p-sorvana\"", "\"p\\\\a\"")
            .replace("\"p-duvessa\"", "\"P_A\"");
    Path scenarioFile = directory.resolve("alike.json");
    Files.writeString(scenarioFile, json);
    Scenario scenario = ScenarioJson.read(scenarioFile);
    Path planFile = directory.resolve("plan.json");
    PlanJson.write(GreedyAllocator.allocate(scenario), planFile);
    Path drafts = directory.resolve("cscs");

    Run run =
        run(
            "report",
            planFile.toString(),
            "--scenario",
            scenarioFile.toString(),
            "--cscs-dir",
            drafts.toString());

    assertThat(run.exitCode()).isZero();
    int partners = scenario.partners().size();
    assertThat(run.out()).contains(partners + " CSCS drafts written");
    try (Stream<Path> files = Files.list(drafts)) {
      List<String> names = files.map(f -> f.getFileName().toString().toLowerCase()).toList();
      assertThat(names).hasSize(partners).doesNotHaveDuplicates();
    }
  }

  // Item 10: an import folder does not follow links out of itself.

  @Test
  void import_sheetLinkedToAFileOutsideTheFolder_isRefusedWithoutEchoingIt() throws IOException {
    Path folder = directory.resolve("workbook");
    Run exported = run("export-csv", "--scenario", "theater", "--out", folder.toString());
    assertThat(exported.exitCode()).isZero();
    Path secret = directory.resolve("secret.txt");
    Files.writeString(secret, "root:x:0:0:TOP-SECRET-LINE\n");
    Files.delete(folder.resolve("partners.csv"));
    Files.createSymbolicLink(folder.resolve("partners.csv"), secret);

    Run run = run("import", folder.toString(), "--out", directory.resolve("s.json").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("partners.csv").contains("link to a file outside the folder");
    assertThat(run.err()).doesNotContain("TOP-SECRET-LINE").doesNotContain("root:x");
    assertThat(directory.resolve("s.json")).doesNotExist();
  }

  // Item 11: one verdict per input.

  @Test
  void lockedDecisionThatCannotHold_validateRefusesItAsSolveDoes() throws IOException {
    Scenario theater = NotionalTheater.scenario();
    Valuation valuation = Valuation.of(theater);
    LockedDecision impossible = impossibleLock(theater, valuation);
    List<LockedDecision> locks = new ArrayList<>(theater.lockedDecisions());
    locks.add(impossible);
    Path file = directory.resolve("locked.json");
    ScenarioJson.write(theater.toBuilder().lockedDecisions(locks).build(), file);

    Run validate = run("validate", file.toString());
    Run solve = run("solve", file.toString(), "--quiet");

    assertThat(solve.exitCode()).isEqualTo(1);
    assertThat(validate.exitCode()).isEqualTo(1);
    String located = "LockedDecision for option '" + impossible.optionId() + "', programId";
    assertThat(solve.err()).contains(located).contains("the locked decision cannot hold");
    assertThat(validate.err()).contains(located).contains("the locked decision cannot hold");
  }

  @Test
  void solve_infeasibleResult_exitsOne() throws IOException {
    Scenario theater = NotionalTheater.scenario();
    Valuation valuation = Valuation.of(theater);
    // Two options of one exclusion group, each a candidate alone, cannot both be locked.
    Candidate uas = valuation.candidates("o-bandaria-border-isr-uas").get(0);
    Candidate towers = valuation.candidates("o-bandaria-border-isr-towers").get(0);
    List<LockedDecision> locks = new ArrayList<>(theater.lockedDecisions());
    locks.add(new LockedDecision(uas.optionId(), uas.programId(), uas.startFiscalYear(), ""));
    locks.add(
        new LockedDecision(towers.optionId(), towers.programId(), towers.startFiscalYear(), ""));
    Path file = directory.resolve("infeasible.json");
    ScenarioJson.write(theater.toBuilder().lockedDecisions(locks).build(), file);

    Run run =
        run("solve", file.toString(), "--quiet", "--workers", "1", "--deterministic-limit", "5");

    assertThat(run.out()).contains("INFEASIBLE");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("No plan satisfies the scenario's rules");
  }

  @Test
  void report_invalidScenario_refusedWithLocatedProblems() throws IOException {
    Scenario theater = NotionalTheater.scenario();
    EndState first = theater.endStates().get(0);
    String json = ScenarioJson.write(theater);
    String weight = "\"weight\": " + first.weight();
    assertThat(json.indexOf(weight)).isGreaterThan(json.indexOf("\"endStates\""));
    Path scenarioFile = directory.resolve("invalid.json");
    Files.writeString(scenarioFile, json.replaceFirst(weight, "\"weight\": -1.0"));
    Path planFile = directory.resolve("plan.json");
    PlanJson.write(GreedyAllocator.allocate(theater), planFile);

    Run run = run("report", planFile.toString(), "--scenario", scenarioFile.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("(EndState '" + first.id() + "'), weight: must be a finite number > 0");
    assertThat(run.out()).isEmpty();
  }

  // Item 8: problem lists are bounded.

  @Test
  void validate_thousandsOfProblems_printsTheFirstHundredAndTheCountOfTheRest() throws IOException {
    Scenario.Builder builder = NotionalTheater.scenario().toBuilder();
    for (int i = 0; i < 2_500; i++) {
      builder.endState(new EndState("es-bad-" + i, "Bad " + i, -1.0));
    }
    Path file = directory.resolve("many.json");
    ScenarioJson.write(builder.build(), file);

    Run run = run("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith(file + " has 2500 problems:");
    assertThat(run.err().lines().filter(line -> line.startsWith("  - "))).hasSize(100);
    assertThat(run.err()).contains("… and 2400 more problems");
  }

  @Test
  void outOfMemory_messageNamesTheInputItsSizeAndTheHeap() throws IOException {
    Path input = directory.resolve("partners.json");
    Files.write(input, new byte[2_500_000]);

    String message = ScplanCommand.outOfMemory(List.of(input), 256L * 1000 * 1000);

    assertThat(message)
        .isEqualTo(
            "Out of memory reading "
                + input
                + " (2.5 MB) with a Java heap of at most 256.0 MB. Maybe give Java more memory,"
                + " e.g. java -Xmx8g -jar scplan.jar …, or split the input.");
  }

  private static LockedDecision impossibleLock(Scenario scenario, Valuation valuation) {
    List<String> locked =
        scenario.lockedDecisions().stream().map(LockedDecision::optionId).toList();
    for (var option : scenario.options()) {
      if (locked.contains(option.id())) {
        continue;
      }
      for (String programId : option.programIds()) {
        for (int fy = scenario.horizon().firstFiscalYear();
            fy <= scenario.horizon().lastFiscalYear();
            fy++) {
          if (valuation.candidate(option.id(), programId, fy).isEmpty()
              && !valuation.candidates(option.id()).isEmpty()) {
            return new LockedDecision(option.id(), programId, fy, "");
          }
        }
      }
    }
    throw new AssertionError("the theater has no lock that cannot hold");
  }

  private static boolean mkfifo(Path path) {
    try {
      Process process = new ProcessBuilder("mkfifo", path.toString()).start();
      return process.waitFor() == 0 && Files.exists(path);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
