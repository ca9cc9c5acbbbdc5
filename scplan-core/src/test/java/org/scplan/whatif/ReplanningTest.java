package org.scplan.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;
import org.scplan.validation.ScenarioValidationException;

class ReplanningTest {
  private static final Scenario THEATER = NotionalTheater.scenario();

  /** The asserts every re-plan must pass, whatever produced it. */
  static void assertKeepsThePastAndReportsChurn(Plan previous, ReplanOutcome outcome, int current) {
    Plan plan = outcome.plan();
    assertThat(plan.status().hasPlan()).isTrue();
    assertThat(PlanChecker.check(outcome.scenario(), plan)).isEmpty();
    for (FundedOption old : previous.fundedOptions()) {
      if (old.startFiscalYear() < current) {
        FundedOption now = plan.funded(old.optionId()).orElseThrow();
        assertThat(now.programId()).isEqualTo(old.programId());
        assertThat(now.startFiscalYear()).isEqualTo(old.startFiscalYear());
        assertThat(now.locked()).isTrue();
      }
    }
    for (FundedOption now : plan.fundedOptions()) {
      if (now.startFiscalYear() < current) {
        assertThat(previous.funded(now.optionId()))
            .as("%s starts before FY%d only if it was obligated then", now.optionId(), current)
            .isPresent();
      }
    }
    Churn churn = outcome.churn();
    assertThat(
            churn.obligated().size()
                + churn.kept().size()
                + churn.moved().size()
                + churn.dropped().size())
        .isEqualTo(previous.fundedOptions().size());
    assertThat(
            churn.obligated().size()
                + churn.kept().size()
                + churn.moved().size()
                + churn.added().size())
        .isEqualTo(plan.fundedOptions().size());
    assertThat(churn.obligated())
        .containsExactlyInAnyOrderElementsOf(
            previous.fundedOptions().stream()
                .filter(f -> f.startFiscalYear() < current)
                .map(FundedOption::optionId)
                .toList());
  }

  @Test
  void greedy_afterAPartnerChangeAndACut_keepsObligatedOptions_andReportsChurn() {
    Plan previous = GreedyAllocator.allocate(THEATER);
    Scenario cut =
        new ScenarioDelta(
                "cut",
                "",
                List.of(
                    new ScenarioChange.ChangePartner("p-bandaria", 4, 0.3, null),
                    new ScenarioChange.ScaleAppropriation("prog-333", 2031, 0.5)))
            .apply(THEATER)
            .scenario();

    ReplanOutcome outcome = new Replanning(previous, 2029, 1.0).greedy(cut);

    assertThat(outcome.churn().obligated()).isNotEmpty();
    assertThat(outcome.churn().changedCount() + outcome.churn().added().size()).isPositive();
    assertKeepsThePastAndReportsChurn(previous, outcome, 2029);
  }

  @Test
  void prepare_locksThePast_boundsNewStarts_andRemovesWhatCanNoLongerStartWithAReason() {
    Plan previous = GreedyAllocator.allocate(THEATER);

    Replanning.Setup setup = new Replanning(previous, 2029, 1.0).prepare(THEATER);

    long obligated =
        previous.fundedOptions().stream().filter(f -> f.startFiscalYear() < 2029).count();
    assertThat(setup.scenario().lockedDecisions().size()).isGreaterThanOrEqualTo((int) obligated);
    assertThat(setup.planned())
        .allSatisfy(d -> assertThat(d.startFiscalYear()).isGreaterThanOrEqualTo(2029));
    setup.scenario().options().stream()
        .filter(
            o ->
                setup.scenario().lockedDecisions().stream()
                    .noneMatch(l -> l.optionId().equals(o.id())))
        .forEach(o -> assertThat(o.earliestStartFiscalYear()).isGreaterThanOrEqualTo(2029));
    assertThat(setup.scenario().options().size() + setup.removals().size())
        .isEqualTo(THEATER.options().size());
    assertThat(setup.removals()).allSatisfy(r -> assertThat(r.because()).isNotBlank());
  }

  @Test
  void prepare_currentYearOutsideTheHorizon_isALocatedError() {
    Plan previous = GreedyAllocator.allocate(THEATER);

    assertThatThrownBy(() -> new Replanning(previous, 2040, 1.0).prepare(THEATER))
        .isInstanceOfSatisfying(
            ScenarioValidationException.class,
            e -> assertThat(e.problems().get(0).field()).isEqualTo("currentFiscalYear"));
  }
}
