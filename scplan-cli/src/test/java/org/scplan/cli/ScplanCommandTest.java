package org.scplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.json.PlanJson;
import org.scplan.json.ScenarioJson;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.report.HtmlReport;
import org.scplan.report.MarkdownReport;
import org.scplan.report.PlanReport;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;

/** The command line as a planner uses it: exit codes, summaries, files, located errors. */
class ScplanCommandTest {
  private static final Path EXAMPLE_PLAN = Path.of("..", "examples", "notional-theater-plan.json");

  @TempDir Path directory;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ScplanCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void solve_noScenario_solvesEmbeddedTheaterAndWritesCheckedPlan() throws Exception {
    Path planFile = directory.resolve("plan.json");

    // A deterministic limit (the wall clock a 1-h safety net): the solver surely reports progress,
    // however loaded the machine.
    Run run =
        run("solve", "--deterministic-limit", "1", "--workers", "1", "--out", planFile.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Notional")
        .contains("Risk reduced")
        .contains("weighted risk points at stake")
        .contains("funded,")
        .contains("Optimizer vs greedy")
        .contains("Obligations by program and fiscal year")
        .contains("Money lapsing inside the horizon")
        .contains("Plan written to " + planFile);
    assertThat(run.err())
        .contains("Solving the embedded notional theater")
        .containsPattern("(?m)^ +[0-9.]+s  ");
    Plan plan = PlanJson.read(planFile);
    assertThat(PlanChecker.check(NotionalTheater.scenario(), plan)).isEmpty();
    assertThat(run.out())
        .contains(String.format(java.util.Locale.ROOT, "%,.2f of", plan.riskReduced()));
  }

  @Test
  void solve_moneyResolution_overridesTheScenariosAndSaysWhatOptimalMeans() throws Exception {
    // $999 and $1 against $1,000: at a $1,000 resolution the model funds one option, the fill
    // pass the other, and the plan is optimal at that resolution; at $1 simply optimal.
    com.fasterxml.jackson.databind.JsonNode example =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Path.of("..", "docs", "conformance", "03-money-resolution.json").toFile());
    Path scenarioFile = directory.resolve("resolution.json");
    Files.writeString(scenarioFile, example.get("scenario").toString());

    Run coarse =
        run(
            "solve",
            scenarioFile.toString(),
            "--quiet",
            "--workers",
            "1",
            "--deterministic-limit",
            "5",
            "--money-resolution",
            "1000");
    Run exact =
        run(
            "solve",
            scenarioFile.toString(),
            "--quiet",
            "--workers",
            "1",
            "--deterministic-limit",
            "5",
            "--money-resolution",
            "1");
    Run invalid = run("solve", scenarioFile.toString(), "--money-resolution", "0");

    assertThat(coarse.exitCode()).isZero();
    assertThat(coarse.out()).contains("OPTIMAL").contains("Optimal at $1,000 resolution");
    assertThat(coarse.out()).contains("2 funded");
    assertThat(exact.exitCode()).isZero();
    assertThat(exact.out()).contains("OPTIMAL").contains("2 funded").doesNotContain("Optimal at $");
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.err()).contains("--money-resolution must be a whole number of dollars ≥ 1");
  }

  @Test
  void solve_maxMemoryBelowTheJvmsHeap_solvesWithinTheBudgetAndSaysHowToBoundTheHeap() {
    Run run = run("solve", "--deterministic-limit", "0.2", "--workers", "2", "--max-memory", "64m");

    assertThat(run.exitCode()).isZero();
    // The test JVM's heap is larger than 64 MiB.
    assertThat(run.err()).contains("beyond --max-memory; maybe run java -Xmx64m");
    assertThat(run.out()).contains("Memory budget 64 MiB").contains("ran 1 worker instead of 2");
  }

  @Test
  void solve_quiet_printsNoProgress() {
    Run run = run("solve", "--time-limit", "2s", "--quiet");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void version_printsTheProjectVersion() {
    Run run = run("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).matches("scplan \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void validate_negativeCostInJson_locatedByFileAndJsonPath() throws Exception {
    Path file = directory.resolve("negative.json");
    String theater = org.scplan.json.ScenarioJson.write(NotionalTheater.scenario());
    Files.writeString(
        file, theater.replaceFirst("\"costProfile\": \\[\\s*\\d+", "\"costProfile\": [-3000000"));

    Run run = run("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(file + " has 1 problem:")
        .containsPattern(
            "negative\\.json \\$\\.options\\[0\\] \\(SolutionOption '[^']+'\\), costProfile\\[0\\]:"
                + " must be ≥ 0 dollars, but was -3000000\\.");
  }

  @Test
  void validate_truncatedJson_saysItLooksTruncated() throws Exception {
    Path file = directory.resolve("cut.json");
    String theater = org.scplan.json.ScenarioJson.write(NotionalTheater.scenario());
    Files.writeString(file, theater.substring(0, 3000));

    Run run = run("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cut.json line ").contains("it looks truncated");
  }

  @Test
  void validate_embeddedTheater_isValid() {
    Run run = run("validate");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("is valid").contains("partners").contains("options");
  }

  @Test
  void validate_fileWithSeveralProblems_exitsOneListingEveryLocatedProblem() throws Exception {
    Path file = directory.resolve("bad.json");
    Files.writeString(
        file,
        """
        {"formatVersion": 1, "id": "bad", "horizon": {"firstFiscalYear": 2027, "lastFiscalYear": 2029},
         "partners": [{"id": "p-1", "name": "Bandaria", "combatantCommand": "AFRICOM", "priorityTier": 1,
                       "propensty": 0.8, "desireByRole": {}, "vettingStatus": "CLEAR", "scoId": "sco-1"}],
         "programs": [{"id": "prog-1", "name": "Engagement", "title": "TITLE_10", "obligationRule": "INCREMENTAL",
                       "vettingRequirement": "NONE", "appropriations": [{"fiscalYear": 2027, "amount": 1.5}]}]}
        """);

    Run run = run("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("bad.json")
        .contains("$.partners[0]")
        .contains("propensty")
        .contains("propensity")
        .contains("$.programs[0].appropriations[0]")
        .contains("whole dollars")
        .contains("yearsAvailable");
  }

  @Test
  void validate_semanticProblem_exitsOneNamingEntityAndField() throws Exception {
    Path file = directory.resolve("semantic.json");
    String theater = org.scplan.json.ScenarioJson.write(NotionalTheater.scenario());
    Files.writeString(
        file,
        theater.replaceFirst(
            "\"propensity\" : [0-9.]+|\"propensity\": [0-9.]+", "\"propensity\": 1.7"));

    Run run = run("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Partner '").contains("propensity").contains("1.7");
  }

  @Test
  void solve_invalidScenario_exitsOneWithLocatedProblems() throws Exception {
    Path file = directory.resolve("broken.json");
    Files.writeString(file, "{\"formatVersion\": 1, \"id\": \"x\",");

    Run run = run("solve", file.toString(), "--quiet");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("broken.json line");
  }

  @Test
  void solve_badTimeLimit_isAUsageError() {
    Run run = run("solve", "--time-limit", "soon");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'soon' is not a duration");
  }

  @Test
  void report_examplePlanOfTheEmbeddedTheater_writesHtmlMarkdownAndCscsDrafts() throws Exception {
    Path html = directory.resolve("report.html");
    Path markdown = directory.resolve("report.md");
    Path cscs = directory.resolve("cscs");

    Run run =
        run(
            "report",
            EXAMPLE_PLAN.toString(),
            "--html",
            html.toString(),
            "--md",
            markdown.toString(),
            "--cscs-dir",
            cscs.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("HTML report written to " + html)
        .contains("Markdown report written to " + markdown)
        .contains("16 CSCS drafts written to " + cscs);
    PlanReport report = PlanReport.of(NotionalTheater.scenario(), PlanJson.read(EXAMPLE_PLAN));
    assertThat(Files.readString(markdown)).isEqualTo(MarkdownReport.render(report));
    assertThat(Files.readString(html)).isEqualTo(HtmlReport.render(report));
    try (var files = Files.list(cscs)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .hasSize(16)
          .contains("cscs-p-bandaria.md")
          .allMatch(name -> name.startsWith("cscs-p-") && name.endsWith(".md"));
    }
  }

  @Test
  void report_noOutputOption_printsMarkdown() {
    Run run = run("report", EXAMPLE_PLAN.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("# Security cooperation plan: ")
        .contains("## Unfunded options and why");
  }

  @Test
  void report_planOfAnotherScenarioWithoutScenarioFile_exitsOneSayingWhatToGive() throws Exception {
    Scenario tiny = RandomScenarios.tiny(11);
    Path planFile = directory.resolve("tiny-plan.json");
    PlanJson.write(GreedyAllocator.allocate(tiny), planFile);

    Run run = run("report", planFile.toString(), "--md", directory.resolve("r.md").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("tiny-plan.json does not fit the embedded notional theater")
        .contains("the plan is for scenario '" + tiny.id() + "'")
        .contains("--scenario SCENARIO.json");
    assertThat(directory.resolve("r.md")).doesNotExist();
  }

  @Test
  void report_withScenarioFile_usesItsNames() throws Exception {
    Scenario tiny = RandomScenarios.tiny(11);
    Path scenarioFile = directory.resolve("tiny.json");
    ScenarioJson.write(tiny, scenarioFile);
    Path planFile = directory.resolve("tiny-plan.json");
    PlanJson.write(GreedyAllocator.allocate(tiny), planFile);
    Path markdown = directory.resolve("tiny.md");

    Run run =
        run(
            "report",
            planFile.toString(),
            "--scenario",
            scenarioFile.toString(),
            "--md",
            markdown.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(markdown))
        .startsWith("# Security cooperation plan: ")
        .contains(tiny.partners().get(0).name());
  }

  @Test
  void solve_withReportOptions_writesReportsOfTheSolvedPlan() throws Exception {
    // A feasible scenario: solve exits 1 when the result is INFEASIBLE, as tiny(5)'s is.
    Scenario theater = NotionalTheater.scenario();
    Path scenarioFile = directory.resolve("theater.json");
    ScenarioJson.write(theater, scenarioFile);
    Path html = directory.resolve("theater.html");
    Path markdown = directory.resolve("theater.md");

    Run run =
        run(
            "solve",
            scenarioFile.toString(),
            "--quiet",
            "--time-limit",
            "2s",
            "--html",
            html.toString(),
            "--md",
            markdown.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(html))
        .contains("<table class=\"gantt\">")
        .contains("Content-Security-Policy");
    assertThat(Files.readString(markdown)).contains("## Residual risk by partner");
    assertThat(run.out()).contains("HTML report written to " + html);
  }

  @Test
  void durationConverter_plannerSpellings_parse() {
    DurationConverter converter = new DurationConverter();

    assertThat(converter.convert("10s")).hasSeconds(10);
    assertThat(converter.convert("500ms")).hasMillis(500);
    assertThat(converter.convert("2m")).hasMinutes(2);
    assertThat(converter.convert("1.5s")).hasMillis(1500);
    assertThat(converter.convert("PT3S")).hasSeconds(3);
  }
}
