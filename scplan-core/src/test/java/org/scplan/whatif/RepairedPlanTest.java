package org.scplan.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;

/**
 * A plan carried into another scenario, on 200 random tiny scenarios: checked there, every decision
 * accounted for, and a scenario that only loosens keeps every decision.
 */
class RepairedPlanTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void repair_keepsWhatFits_andTheResultPassesTheChecker(long seed) {
    Scenario scenario = RandomScenarios.tiny(seed);
    Plan start = GreedyAllocator.allocate(scenario);
    if (!start.status().hasPlan()) {
      return;
    }
    int decisions = start.fundedOptions().size();

    RepairedPlan same = RepairedPlan.of(scenario, start);
    assertThat(same.intact()).isTrue();
    assertThat(same.kept()).isEqualTo(decisions);
    assertThat(RepairedPlan.decisions(same.plan())).containsAll(RepairedPlan.decisions(start));

    // More money everywhere: every decision still fits, and nothing is lost.
    Scenario richer = BudgetCurve.scaled(scenario, 1.5);
    RepairedPlan loosened = RepairedPlan.of(richer, start);
    assertThat(PlanChecker.check(richer, loosened.plan())).isEmpty();
    assertThat(loosened.intact()).isTrue();
    assertThat(RepairedPlan.decisions(loosened.plan())).containsAll(RepairedPlan.decisions(start));
    assertThat(loosened.plan().riskReduced()).isGreaterThanOrEqualTo(start.riskReduced() - 1e-9);

    // Less money: what no longer fits is re-timed or dropped, and every decision is counted once.
    Scenario poorer = BudgetCurve.scaled(scenario, 0.4);
    RepairedPlan tightened = RepairedPlan.of(poorer, start);
    assertThat(PlanChecker.check(poorer, tightened.plan())).isEmpty();
    assertThat(tightened.kept() + tightened.retimed() + tightened.dropped()).isEqualTo(decisions);
    assertThat(RepairedPlan.of(poorer, start)).isEqualTo(tightened);
  }
}
