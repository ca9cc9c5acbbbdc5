package org.scplan.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scplan.assessment.Assessment;
import org.scplan.assessment.ExecutionFixtures;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/** Bad execution records get every problem at once, each located by entry and field. */
class ExecutionValidatorTest {
  private final Scenario scenario = ExecutionFixtures.scenario();
  private final Plan plan = ExecutionFixtures.plan();

  @Test
  void fixture_isValid() {
    assertThat(ExecutionValidator.problems(scenario, plan, ExecutionFixtures.execution()))
        .isEmpty();
  }

  @Test
  void badRecord_everyProblemLocated_allAtOnce() {
    ExecutionRecord bad =
        new ExecutionRecord(
            "execution-small",
            2028,
            List.of(
                activity(
                    2027, "o-train", ExecutionStatus.ON_TRACK, null, new Obligation(2027, 400_000)),
                // more than appropriated: 400,000 + 700,000 from the FY2027 $1,000,000
                activity(
                    2027,
                    "o-advise",
                    ExecutionStatus.ON_TRACK,
                    null,
                    new Obligation(2027, 700_000)),
                // unknown option, with a typo
                activity(2027, "o-trian", ExecutionStatus.ON_TRACK, null),
                // expired appropriation: FY2027 1-year money in FY2028
                activity(
                    2028,
                    "o-survey",
                    ExecutionStatus.ON_TRACK,
                    null,
                    new Obligation(2027, 100_000)),
                // status contradicts the obligations, and a delay without its FY
                activity(
                    2028,
                    "o-equip",
                    ExecutionStatus.DELAYED,
                    null,
                    new Obligation(2027, 1_500_000)),
                // obligated after completion
                activity(
                    2028, "o-advise", ExecutionStatus.ON_TRACK, null, new Obligation(2028, 10))),
            List.of(new MeasureObservation(2028, "mop-trian", 3)));
    // (o-advise is reported ON_TRACK in 2027 then obligates in 2028: allowed; see below)

    List<Problem> problems = ExecutionValidator.problems(scenario, plan, bad);

    assertThat(problems)
        .extracting(p -> p.location() + " | " + p.field() + " | " + p.message())
        .containsExactlyInAnyOrder(
            "ActivityExecution at activities[2] (FY2027, option 'o-trian') | optionId | refers to"
                + " unknown SolutionOption 'o-trian'",
            "ActivityExecution at activities[4] (FY2028, option 'o-equip') | delayedToFiscalYear"
                + " | is required for a DELAYED activity but is missing",
            "ActivityExecution at activities[4] (FY2028, option 'o-equip') | status | says DELAYED"
                + " but $1,500,000 was obligated for it that FY",
            "MeasureObservation at observations[0] (FY2028, measure 'mop-trian') | measureId |"
                + " refers to unknown Measure 'mop-trian'",
            "ActivityExecution at activities[3] (FY2028, option 'o-survey') |"
                + " obligations[0].appropriationFiscalYear | FY2027 money of program 'prog-a'"
                + " expired after FY2027 and cannot be obligated in FY2028",
            "Program 'prog-a' appropriation FY2027 | amount | obligated $1,100,000 from it,"
                + " $100,000 more than the $1,000,000 appropriated could give (short at 'o-advise'"
                + " FY2027)");
    assertThat(problems.get(0).hint()).isNotBlank();
    assertThat(
            problems.stream()
                .filter(p -> p.location().contains("o-trian"))
                .findFirst()
                .orElseThrow()
                .hint())
        .contains("o-train");
  }

  @Test
  void statusRules_endedDelayedAndSilentYears() {
    ExecutionRecord bad =
        new ExecutionRecord(
            "other-scenario",
            2030,
            List.of(
                activity(2027, "o-advise", ExecutionStatus.CANCELLED, null),
                activity(2028, "o-advise", ExecutionStatus.ON_TRACK, null, new Obligation(2028, 5)),
                activity(2027, "o-train", ExecutionStatus.ON_TRACK, 2029),
                activity(2027, "o-survey", ExecutionStatus.DELAYED, 2027),
                activity(2027, "o-later", ExecutionStatus.ON_TRACK, null, new Obligation(2027, 0))),
            List.of());

    assertThat(ExecutionValidator.problems(scenario, plan, bad))
        .extracting(p -> p.location() + " | " + p.field())
        .containsExactlyInAnyOrder(
            "ExecutionRecord | scenarioId",
            "ExecutionRecord | throughFiscalYear",
            "ActivityExecution at activities[1] (FY2028, option 'o-advise') | obligations",
            "ActivityExecution at activities[2] (FY2027, option 'o-train') | delayedToFiscalYear",
            "ActivityExecution at activities[2] (FY2027, option 'o-train') | status",
            "ActivityExecution at activities[3] (FY2027, option 'o-survey') | fiscalYear",
            "ActivityExecution at activities[3] (FY2027, option 'o-survey') | delayedToFiscalYear",
            "ActivityExecution at activities[4] (FY2027, option 'o-later') | fiscalYear",
            "ActivityExecution at activities[4] (FY2027, option 'o-later') | obligations[0].amount");
  }

  @Test
  void assessment_refusesABadRecord_withEveryProblem() {
    ExecutionRecord bad =
        new ExecutionRecord(
            "execution-small",
            2028,
            List.of(activity(2027, "o-nowhere", ExecutionStatus.ON_TRACK, null)),
            List.of(new MeasureObservation(2026, "mop-train", 1)));

    assertThatThrownBy(() -> Assessment.of(scenario, plan, bad))
        .isInstanceOf(ScenarioValidationException.class)
        .satisfies(e -> assertThat(((ScenarioValidationException) e).problems()).hasSize(2));
  }

  private static ActivityExecution activity(
      int year, String option, ExecutionStatus status, Integer delayedTo, Obligation... money) {
    return new ActivityExecution(year, option, status, delayedTo, List.of(money), "");
  }
}
