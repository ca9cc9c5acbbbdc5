package org.scplan.optimizer.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;
import org.scplan.whatif.Churn;
import org.scplan.whatif.ReplanOutcome;
import org.scplan.whatif.Replanning;
import org.scplan.whatif.ScenarioChange;
import org.scplan.whatif.ScenarioDelta;

/** Re-planning the embedded theater in FY2029 after a change of partner standing and money. */
class ReplanTest {
  private static final int CURRENT = 2029;
  private static final Scenario THEATER = NotionalTheater.scenario();
  private static Allocator allocator;
  private static Plan previous;
  private static Scenario changed;

  @BeforeAll
  static void planTheLastCycle() {
    allocator =
        Allocator.create(
            AllocatorConfig.builder()
                .timeLimit(Duration.ofSeconds(120))
                .deterministicTimeLimit(0.5)
                .workers(1)
                .seed(1)
                .build());
    previous = allocator.allocate(THEATER);
    changed =
        new ScenarioDelta(
                "next-cycle",
                "",
                List.of(
                    new ScenarioChange.ChangePartner("p-bandaria", 4, 0.3, null),
                    new ScenarioChange.ScaleAppropriation("prog-333", 2031, 0.5)))
            .apply(THEATER)
            .scenario();
  }

  @Test
  void replan_keepsObligatedOptions_startsNothingNewInThePast_andReportsChurn() {
    ReplanOutcome outcome =
        allocator.replan(changed, new Replanning(previous, CURRENT, 1.0), ProgressListener.NONE);

    Plan plan = outcome.plan();
    assertThat(plan.status().hasPlan()).isTrue();
    assertThat(PlanChecker.check(outcome.scenario(), plan)).isEmpty();
    for (FundedOption old : previous.fundedOptions()) {
      if (old.startFiscalYear() < CURRENT) {
        FundedOption now = plan.funded(old.optionId()).orElseThrow();
        assertThat(now.programId()).isEqualTo(old.programId());
        assertThat(now.startFiscalYear()).isEqualTo(old.startFiscalYear());
      }
    }
    assertThat(plan.fundedOptions())
        .filteredOn(f -> f.startFiscalYear() < CURRENT)
        .allSatisfy(f -> assertThat(previous.funded(f.optionId())).isPresent());
    Churn churn = outcome.churn();
    assertThat(churn.obligated()).isNotEmpty();
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
  }

  @Test
  void replan_aHigherStabilityPenalty_changesNoMorePlannedOptions() {
    ReplanOutcome free =
        allocator.replan(changed, new Replanning(previous, CURRENT, 0.0), ProgressListener.NONE);
    ReplanOutcome stable =
        allocator.replan(changed, new Replanning(previous, CURRENT, 50.0), ProgressListener.NONE);

    assertThat(free.churn().changedCount()).isPositive();
    assertThat(stable.churn().changedCount()).isLessThan(free.churn().changedCount());
    assertThat(PlanChecker.check(stable.scenario(), stable.plan())).isEmpty();
  }
}
