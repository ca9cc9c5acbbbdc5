package org.scplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.assessment.Adjustment;
import org.scplan.assessment.AdjustmentKind;
import org.scplan.assessment.Assessment;
import org.scplan.assessment.ExecutionFixtures;
import org.scplan.assessment.ExecutionReplan;
import org.scplan.assessment.ExecutionReplanning;
import org.scplan.assessment.LaggingOption;
import org.scplan.assessment.MeasureAssessment;
import org.scplan.assessment.MeasureStatus;
import org.scplan.assessment.OffPlanActivity;
import org.scplan.assessment.OffPlanKind;
import org.scplan.examples.NotionalTheater;
import org.scplan.execution.ActivityExecution;
import org.scplan.execution.ExecutionRecord;
import org.scplan.json.ExecutionJson;
import org.scplan.json.PlanJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;

/**
 * The committed example execution record is what {@link ExampleExecution} makes from the committed
 * example plan; it assesses as designed, and re-planning from it honours every obligation, spends
 * no lapsed money and names what it changed; {@code scplan assess} and {@code solve --execution}
 * print and write it.
 */
class ExampleExecutionTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Path PLAN = EXAMPLES.resolve("notional-theater-plan.json");
  private static final Path SCENARIO = EXAMPLES.resolve("notional-theater.json");
  private static final Path EXECUTION = EXAMPLES.resolve("notional-theater-execution.json");

  @TempDir Path directory;

  private final Scenario scenario = NotionalTheater.scenario();
  private final Plan plan = PlanJson.read(PLAN);

  @Test
  void committedExecution_isInSync() throws IOException {
    String rendered = ExecutionJson.write(ExampleExecution.of(plan));
    String current =
        Files.isRegularFile(EXECUTION) ? Files.readString(EXECUTION, StandardCharsets.UTF_8) : "";
    if (!current.equals(rendered)) {
      Path fresh = Path.of("target", "examples", EXECUTION.getFileName().toString());
      Files.createDirectories(fresh.getParent());
      Files.writeString(fresh, rendered, StandardCharsets.UTF_8);
      throw new AssertionError(
          EXECUTION.normalize()
              + " is out of date with ExampleExecution. If the change is intended: cp "
              + fresh.toAbsolutePath()
              + " "
              + EXECUTION.toAbsolutePath().normalize());
    }
  }

  @Test
  void exampleAssessment_showsTheDesignedDepartures() {
    Assessment assessment = Assessment.of(scenario, plan, ExecutionJson.read(EXECUTION));

    assertThat(assessment.offPlan())
        .extracting(OffPlanActivity::optionId, OffPlanActivity::kind)
        .contains(
            tuple("o-bandaria-border-isr-towers", OffPlanKind.DELAYED),
            tuple("o-meridia-hadr-response-warehouse", OffPlanKind.DELAYED),
            tuple("o-qadiran-pme-rule-of-law-human-rights-training", OffPlanKind.CANCELLED),
            tuple("o-bandaria-dib-resource-advisor", OffPlanKind.UNDER_OBLIGATED),
            tuple("o-lestmark-dib-resource-advisor", OffPlanKind.UNDER_OBLIGATED),
            tuple("o-tarsova-dib-resource-budget-system", OffPlanKind.UNDER_OBLIGATED));
    // Section 332 obligates 150,000 less in FY2027 and 180,000 + 380,000 less in FY2028.
    assertThat(assessment.programYears())
        .filteredOn(row -> row.programId().equals("prog-332"))
        .extracting(row -> row.planned() - row.obligated())
        .containsExactly(150_000L, 560_000L);
    // The towers' $7,500,000 of FY2027 FMF money expired unobligated at the end of FY2028.
    assertThat(assessment.appropriations())
        .filteredOn(a -> a.programId().equals("prog-fmf") && a.fiscalYear() == 2027)
        .singleElement()
        .satisfies(a -> assertThat(a.lapsed()).isGreaterThanOrEqualTo(7_500_000L));
    assertThat(assessment.measures())
        .extracting(m -> m.measure().id(), MeasureAssessment::status)
        .contains(
            tuple("moe-mda-coverage", MeasureStatus.ON_TRACK),
            tuple("moe-cn-interdicted-share", MeasureStatus.ON_TRACK),
            tuple("moe-border-detection-days", MeasureStatus.OFF_TRACK),
            tuple("moe-pko-certified-battalions", MeasureStatus.OFF_TRACK),
            tuple("mop-ribera-radar-availability", MeasureStatus.MET),
            tuple("mop-meridia-boarding-crews", MeasureStatus.MISSED),
            tuple("mop-bandaria-tower-coverage", MeasureStatus.NO_DATA));
    assertThat(assessment.laggingOptions())
        .extracting(LaggingOption::optionId)
        .containsExactly(
            "o-kelmar-pko-battalion-train-the-trainer", "o-meridia-cn-interdiction-training");
  }

  @Test
  void replanFromExample_honoursEveryObligation_spendsNoLapsedMoney_namesItsChanges() {
    ExecutionRecord execution = ExecutionJson.read(EXECUTION);
    ExecutionReplanning replanning = new ExecutionReplanning(plan, execution, 2029, 1.0);
    ExecutionReplanning.Setup setup = replanning.prepare(scenario);
    Allocator allocator =
        Allocator.create(
            AllocatorConfig.builder()
                .workers(1)
                .seed(1)
                .deterministicTimeLimit(0.5)
                .timeLimit(Duration.ofSeconds(120))
                .build());
    ExecutionReplan replan =
        replanning.finish(
            setup,
            allocator.replan(
                setup.scenario(),
                setup.replanning(),
                org.scplan.optimizer.progress.ProgressListener.NONE));
    Plan next = replan.outcome().plan();

    assertThat(PlanChecker.check(replan.outcome().scenario(), next)).isEmpty();
    for (ActivityExecution activity : execution.activities()) {
      if (activity.obligated() > 0
          && activity.status() != org.scplan.execution.ExecutionStatus.CANCELLED
          && !activity.optionId().equals("o-qadiran-pme-rule-of-law-human-rights-training")) {
        FundedOption before = plan.funded(activity.optionId()).orElseThrow();
        assertThat(next.funded(activity.optionId()))
            .as(activity.optionId())
            .hasValueSatisfying(
                f -> {
                  assertThat(f.programId()).isEqualTo(before.programId());
                  assertThat(f.startFiscalYear()).isEqualTo(before.startFiscalYear());
                });
      }
    }
    ExecutionFixtures.assertSpendsNoLapsedMoney(scenario, plan, execution, next, 2029);
    assertThat(replan.adjustments())
        .extracting(Adjustment::kind, Adjustment::id)
        .contains(
            tuple(AdjustmentKind.CANCELLED, "o-qadiran-pme-rule-of-law-human-rights-training"),
            tuple(AdjustmentKind.RE_TIMED, "o-bandaria-border-isr-towers"),
            tuple(AdjustmentKind.RE_TIMED, "o-meridia-hadr-response-warehouse"),
            tuple(AdjustmentKind.EFFECTIVENESS, "o-kelmar-pko-battalion-train-the-trainer"),
            tuple(AdjustmentKind.EFFECTIVENESS, "o-meridia-cn-interdiction-training"),
            tuple(AdjustmentKind.APPROPRIATION_DRAWN, "prog-332"));
    assertThat(next.funded("o-qadiran-pme-rule-of-law-human-rights-training")).isEmpty();
    next.funded("o-meridia-hadr-response-warehouse")
        .ifPresent(f -> assertThat(f.startFiscalYear()).isGreaterThanOrEqualTo(2030));
  }

  @Test
  void assess_printsAndWritesTheAssessment() throws IOException {
    Path markdown = directory.resolve("assessment.md");
    Path html = directory.resolve("assessment.html");

    Run run =
        run(
            "assess",
            SCENARIO.toString(),
            PLAN.toString(),
            EXECUTION.toString(),
            "--md",
            markdown.toString(),
            "--html",
            html.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("## Assessment of execution through FY2028")
        .contains("### Planned against obligated")
        .contains("### Activities off plan")
        .contains(
            "| FY2028 | Fixed surveillance towers with ground radar, Bandaria (o-bandaria-border-isr-towers) |")
        .contains("### Options whose measures lag")
        .contains("Markdown report written to");
    assertThat(Files.readString(markdown))
        .contains("# Security cooperation plan")
        .contains("## Assessment of execution through FY2028");
    assertThat(Files.readString(html))
        .contains("<section id=\"assessment\">")
        .contains("<td>cancelled</td>");
  }

  @Test
  void assess_badRecord_everyProblemLocated() throws IOException {
    String json =
        Files.readString(EXECUTION)
            // an unknown option
            .replaceFirst(
                "\"optionId\": \"o-bandaria-border-interagency-dv-tour\"",
                "\"optionId\": \"o-bandaria-border-interagency-dv-tuor\"")
            // more than appropriated: $60,000,000 from CCMD engagement's FY2027 $1,800,000
            .replaceFirst("\"amount\": 60000\n", "\"amount\": 60000000\n")
            // an expired appropriation: FY2027 1-year money obligated in FY2028
            .replaceFirst(
                "(\"fiscalYear\": 2028,\\s*\"optionId\":"
                    + " \"o-bandaria-border-interagency-legal-advisor\",[^\\]]*"
                    + "\"appropriationFiscalYear\": )2028",
                "$12027")
            // a status that contradicts the obligations
            .replaceFirst("\"status\": \"DELAYED\"", "\"status\": \"ON_TRACK\"");
    Path bad = directory.resolve("bad-execution.json");
    Files.writeString(bad, json);

    Run run = run("assess", SCENARIO.toString(), PLAN.toString(), bad.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith(bad + " (execution record) has 5 problems:")
        .contains("refers to unknown SolutionOption 'o-bandaria-border-interagency-dv-tuor'")
        .contains("Did you mean 'o-bandaria-border-interagency-dv-tour'?")
        .contains("more than the $1,800,000 appropriated")
        .contains(
            "money of program 'prog-332' expired after FY2027 and cannot be obligated in FY2028")
        .contains("is given (FY2029) but the status is ON_TRACK");
  }

  @Test
  void solve_fromExecution_printsWhatTheAssessmentChanged() throws IOException {
    Path markdown = directory.resolve("replan.md");
    Run run =
        run(
            "solve",
            "--previous",
            PLAN.toString(),
            "--execution",
            EXECUTION.toString(),
            "--current-fy",
            "2029",
            "--workers",
            "1",
            "--seed",
            "1",
            "--deterministic-limit",
            "0.2",
            "--time-limit",
            "60s",
            "--quiet",
            "--md",
            markdown.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(markdown))
        .contains("## Assessment of execution through FY2028")
        .contains("### What the execution and its assessment changed")
        .contains("| obligated locked | o-meridia-cn-interdiction-training |")
        .contains("| cancelled | o-qadiran-pme-rule-of-law-human-rights-training |");
    assertThat(run.out())
        .contains("Re-planning in FY2029")
        .contains("obligated locked    " + startedActivities() + " activities that obligated money")
        .contains("Execution through FY2028:")
        .contains("What the execution and its assessment changed")
        .contains("cancelled           o-qadiran-pme-rule-of-law-human-rights-training")
        .contains("effectiveness       o-kelmar-pko-battalion-train-the-trainer: closure");
  }

  @Test
  void solve_executionWithoutPrevious_isAUsageError() {
    Run run = run("solve", "--execution", EXECUTION.toString(), "--current-fy", "2029");

    assertThat(run.exitCode()).isEqualTo(2);
  }

  /** Activities of the example record that obligated money and were not cancelled. */
  private static long startedActivities() {
    ExecutionRecord execution = ExecutionJson.read(EXECUTION);
    java.util.Set<String> cancelled = new java.util.HashSet<>();
    java.util.Set<String> obligated = new java.util.HashSet<>();
    for (ActivityExecution activity : execution.activities()) {
      if (activity.status() == org.scplan.execution.ExecutionStatus.CANCELLED) {
        cancelled.add(activity.optionId());
      } else if (activity.obligated() > 0) {
        obligated.add(activity.optionId());
      }
    }
    obligated.removeAll(cancelled);
    return obligated.size();
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ScplanCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }
}
