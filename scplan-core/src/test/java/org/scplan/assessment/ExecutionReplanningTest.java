package org.scplan.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scplan.execution.ExecutionRecord;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.whatif.Removal;

/**
 * Re-planning {@link ExecutionFixtures} from its execution through FY2028 in FY2029, with the
 * greedy baseline: the scenario agrees with what happened, and the plan honours every obligation
 * and spends no money that has lapsed.
 */
class ExecutionReplanningTest {
  private final Scenario scenario = ExecutionFixtures.scenario();
  private final Plan executed = ExecutionFixtures.plan();
  private final ExecutionReplanning replanning =
      new ExecutionReplanning(executed, ExecutionFixtures.execution(), 2029, 1.0);

  @Test
  void prepare_namesEveryAdjustment() {
    ExecutionReplanning.Setup setup = replanning.prepare(scenario);

    assertThat(setup.adjustments())
        .extracting(Adjustment::kind, Adjustment::id)
        .containsExactly(
            tuple(AdjustmentKind.APPROPRIATION_DRAWN, "prog-a"),
            tuple(AdjustmentKind.OBLIGATED_LOCKED, "o-advise"),
            tuple(AdjustmentKind.RE_TIMED, "o-equip"),
            tuple(AdjustmentKind.NOT_STARTED, "o-survey"),
            tuple(AdjustmentKind.OBLIGATED_LOCKED, "o-train"),
            tuple(AdjustmentKind.EFFECTIVENESS, "o-train"));
    assertThat(setup.adjustments().get(0).description())
        .isEqualTo(
            "less what the record obligated: FY2027 $1,000,000 → $350,000,"
                + " FY2028 $1,000,000 → $700,000");
    assertThat(setup.adjustments().get(5).description())
        .startsWith("closure 0.8000 → 0.5600: MOP mop-train at 70% of its straight line");
    assertThat(setup.removals()).isEmpty();
  }

  @Test
  void prepare_locksTheObligatedAndRetimesTheRest() {
    Scenario adjusted = replanning.prepare(scenario).scenario();

    // The money obligated leaves the appropriations: 650,000 of FY2027, 300,000 of FY2028.
    Program a = program(adjusted, "prog-a");
    assertThat(a.appropriations())
        .extracting(Appropriation::fiscalYear, Appropriation::amount)
        .containsExactly(tuple(2027, 350_000L), tuple(2028, 700_000L), tuple(2029, 500_000L));
    assertThat(program(adjusted, "prog-b").appropriations())
        .extracting(Appropriation::amount)
        .containsExactly(2_000_000L, 1_000_000L);
    // Started activities: locked at their start, no cost left (both completed).
    assertThat(adjusted.lockedDecisions())
        .extracting(
            LockedDecision::optionId, LockedDecision::programId, LockedDecision::startFiscalYear)
        .containsExactlyInAnyOrder(
            tuple("o-train", "prog-a", 2027),
            tuple("o-advise", "prog-a", 2027),
            tuple("o-later", "prog-a", 2029));
    assertThat(option(adjusted, "o-train").costProfile()).containsExactly(0L, 0L);
    assertThat(option(adjusted, "o-advise").costProfile()).containsExactly(0L);
    // Delayed and unreported activities start no earlier than FY2029, their locks released.
    assertThat(option(adjusted, "o-equip").earliestStartFiscalYear()).isEqualTo(2029);
    assertThat(option(adjusted, "o-survey").earliestStartFiscalYear()).isEqualTo(2029);
    assertThat(option(adjusted, "o-equip").costProfile()).containsExactly(1_500_000L);
    // o-train's MOP is at 70% of its line: closure 0.8 × 0.7.
    assertThat(option(adjusted, "o-train").closure())
        .isCloseTo(0.56, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(option(adjusted, "o-advise").closure()).isEqualTo(0.8);
  }

  @Test
  void greedyReplan_honoursEveryObligation_andSpendsNoLapsedMoney() {
    ExecutionReplan replan = replanning.greedy(scenario);
    Plan plan = replan.outcome().plan();

    assertThat(PlanChecker.check(replan.outcome().scenario(), plan)).isEmpty();
    for (String obligated : List.of("o-train", "o-advise")) {
      FundedOption before = executed.funded(obligated).orElseThrow();
      assertThat(plan.funded(obligated))
          .hasValueSatisfying(
              f -> {
                assertThat(f.programId()).isEqualTo(before.programId());
                assertThat(f.startFiscalYear()).isEqualTo(before.startFiscalYear());
                assertThat(f.totalObligated()).isZero();
              });
    }
    ExecutionFixtures.assertSpendsNoLapsedMoney(
        scenario, executed, ExecutionFixtures.execution(), plan, 2029);
    // prog-b has only its FY2029 $1,000,000 left: the delayed $1,500,000 equipment cannot restart.
    assertThat(plan.funded("o-equip")).isEmpty();
    assertThat(plan.funded("o-survey").orElseThrow().startFiscalYear()).isEqualTo(2029);
    assertThat(plan.funded("o-later").orElseThrow().startFiscalYear()).isEqualTo(2029);
    assertThat(replan.outcome().churn().obligated()).containsExactly("o-advise", "o-train");
    assertThat(replan.outcome().churn().kept()).containsExactly("o-later");
    assertThat(replan.outcome().churn().dropped())
        .extracting(change -> change.optionId())
        .containsExactly("o-equip");
    assertThat(replan.outcome().churn().moved())
        .extracting(change -> change.optionId())
        .containsExactly("o-survey");
  }

  @Test
  void cancelledActivity_isRemovedAndItsMoneyFreed() {
    ExecutionRecord base = ExecutionFixtures.execution();
    List<org.scplan.execution.ActivityExecution> activities =
        new java.util.ArrayList<>(base.activities());
    activities.set(
        3,
        ExecutionFixtures.activity(
            2028, "o-equip", org.scplan.execution.ExecutionStatus.CANCELLED, null));
    ExecutionRecord cancelled =
        new ExecutionRecord(base.scenarioId(), 2028, activities, base.observations());

    ExecutionReplan replan =
        new ExecutionReplanning(executed, cancelled, 2029, 1.0).greedy(scenario);

    assertThat(replan.outcome().scenario().options())
        .extracting(SolutionOption::id)
        .doesNotContain("o-equip");
    assertThat(replan.outcome().removals())
        .extracting(Removal::kind, Removal::id)
        .contains(tuple("option", "o-equip"));
    assertThat(replan.adjustments())
        .filteredOn(a -> a.kind() == AdjustmentKind.CANCELLED)
        .extracting(Adjustment::id)
        .containsExactly("o-equip");
    assertThat(PlanChecker.check(replan.outcome().scenario(), replan.outcome().plan())).isEmpty();
  }

  @Test
  void badInput_everyProblemAtOnce() {
    ExecutionRecord base = ExecutionFixtures.execution();
    List<org.scplan.execution.ActivityExecution> activities =
        new java.util.ArrayList<>(base.activities());
    activities.add(
        ExecutionFixtures.activity(
            2028, "o-ghost", org.scplan.execution.ExecutionStatus.ON_TRACK, null));
    ExecutionRecord bad =
        new ExecutionRecord(base.scenarioId(), 2028, activities, base.observations());

    assertThatThrownBy(() -> new ExecutionReplanning(executed, bad, 2030, 1.0).prepare(scenario))
        .isInstanceOf(ScenarioValidationException.class)
        .satisfies(
            e ->
                assertThat(((ScenarioValidationException) e).problems())
                    .extracting(Problem::field)
                    .containsExactlyInAnyOrder("optionId", "currentFiscalYear"));
  }

  private static Program program(Scenario scenario, String id) {
    return scenario.programs().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  private static SolutionOption option(Scenario scenario, String id) {
    return scenario.options().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }
}
