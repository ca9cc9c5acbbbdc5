package org.scplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.json.PlanJson;
import org.scplan.json.ScenarioJson;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;

/** {@code scplan explain} and {@code scplan analyze} as a planner runs them. */
class ExplainCommandTest {
  @TempDir Path directory;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ScplanCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** A tiny scenario that admits a plan with unfunded options, written to a file. */
  private Path tinyScenario() {
    for (long seed = 1; ; seed++) {
      Scenario scenario = RandomScenarios.tiny(seed);
      Plan greedy = GreedyAllocator.allocate(scenario);
      if (greedy.status().hasPlan()
          && !greedy.fundedOptions().isEmpty()
          && !greedy.unfundedOptions().isEmpty()) {
        Path file = directory.resolve("tiny-" + seed + ".json");
        ScenarioJson.write(scenario, file);
        return file;
      }
    }
  }

  @Test
  void explain_scenarioFile_printsReasonsAndWritesSameJsonTwice() throws Exception {
    Path scenario = tinyScenario();
    Path first = directory.resolve("first.json");
    Path second = directory.resolve("second.json");

    Run run = run("explain", scenario.toString(), "--step", "100000", "--out", first.toString());
    Run again = run("explain", scenario.toString(), "--step", "100000", "--out", second.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Explanation of the plan")
        .contains("Marginal value of money")
        .contains("Unfunded options")
        .contains("Explanation written to " + first);
    assertThat(again.exitCode()).isZero();
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    assertThat(Files.readString(first)).startsWith("{\n  \"formatVersion\": 1,");
  }

  @Test
  void explain_printsEachStageAndTheReSolvesDoneToStandardError() {
    Path scenario = tinyScenario();

    Run run = run("explain", scenario.toString(), "--step", "100000", "--counterfactuals", "2");

    assertThat(run.exitCode()).isZero();
    String err = run.err();
    int solving = err.indexOf("solving the scenario first");
    int reasons = err.indexOf("reasons found for ");
    int reference = err.indexOf("reference re-solve: 1 of ");
    int done = err.indexOf("s  done");
    assertThat(solving).isNotNegative();
    assertThat(reasons).isGreaterThan(solving);
    assertThat(reference).isGreaterThan(reasons);
    assertThat(done).isGreaterThan(reference);
    assertThat(err).containsPattern("marginal values of money: \\d+ of \\d+ re-solves? done");
  }

  @Test
  void explain_reasonsFirst_printsTheReasonsBeforeTheReport() {
    Path scenario = tinyScenario();

    Run run = run("explain", scenario.toString(), "--step", "100000", "--reasons-first");

    assertThat(run.exitCode()).isZero();
    int early = run.out().indexOf("Unfunded options (reasons before the re-solves)");
    assertThat(early).isZero();
    assertThat(run.out().indexOf("Explanation of the plan")).isGreaterThan(early);
    // Options by name, as a person reads them, in the early list and in the report.
    Scenario read = ScenarioJson.read(scenario);
    assertThat(read.options())
        .allSatisfy(o -> assertThat(run.out()).doesNotContain("  " + o.id() + " ["));
    assertThat(read.options().stream().map(o -> "  " + o.name() + " ["))
        .anyMatch(line -> run.out().contains(line));
  }

  @Test
  void explain_quiet_printsNothingToStandardError() {
    Run run = run("explain", tinyScenario().toString(), "--step", "100000", "--quiet");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("Unfunded options");
  }

  @Test
  void analyze_handEditedPlan_exitsOneListingEveryViolation() throws Exception {
    Path scenarioFile = tinyScenario();
    Scenario scenario = ScenarioJson.read(scenarioFile);
    Plan plan = GreedyAllocator.allocate(scenario);
    Path planFile = directory.resolve("plan.json");
    PlanJson.write(plan, planFile);

    Run valid = run("analyze", scenarioFile.toString(), planFile.toString());
    assertThat(valid.exitCode()).isZero();
    assertThat(valid.out()).contains("keeps every rule");

    List<FundedOption> funded = new ArrayList<>(plan.fundedOptions());
    FundedOption first = funded.get(0);
    funded.set(
        0,
        new FundedOption(
            first.optionId(),
            first.gapId(),
            first.partnerId(),
            first.programId(),
            first.startFiscalYear() + 7,
            first.completionFiscalYear(),
            first.costByFiscalYear(),
            first.obligationsByFiscalYear(),
            first.value(),
            first.draws(),
            first.locked()));
    Plan edited =
        new Plan(
            plan.scenarioId(),
            plan.status(),
            plan.totalWeightAtStake(),
            plan.riskReduced(),
            funded,
            plan.unfundedOptions(),
            plan.gaps(),
            plan.appropriations(),
            plan.totals(),
            plan.solver());
    Path editedFile = directory.resolve("edited.json");
    PlanJson.write(edited, editedFile);

    Run broken = run("analyze", scenarioFile.toString(), editedFile.toString());

    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.err()).contains("breaks").contains("[START_WINDOW]").contains("[COST]");
  }
}
