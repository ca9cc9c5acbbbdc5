package org.scplan.optimizer.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.scplan.json.BudgetCurveJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;
import org.scplan.whatif.BudgetCurve;

class BudgetSweepTest {
  @Test
  void run_sameSeedOneWorkerDeterministicLimit_givesIdenticalCurveBytes() {
    // A tiny scenario keeps the default test run fast; the theater's curve is in the README.
    Scenario theater = RandomScenarios.tiny(42);
    Allocator allocator =
        Allocator.create(
            AllocatorConfig.builder()
                .timeLimit(Duration.ofSeconds(120))
                .deterministicTimeLimit(0.3)
                .workers(1)
                .seed(5)
                .build());

    BudgetCurve first = BudgetSweep.run(allocator, theater, 0.5, 1.0, 0.5);
    BudgetCurve second = BudgetSweep.run(allocator, theater, 0.5, 1.0, 0.5);

    assertThat(BudgetCurveJson.write(second)).isEqualTo(BudgetCurveJson.write(first));
    assertThat(first.points()).extracting(BudgetCurve.Point::multiplier).containsExactly(0.5, 1.0);
    BudgetCurve.Point half = first.points().get(0);
    BudgetCurve.Point full = first.points().get(1);
    assertThat(full.appropriated()).isEqualTo(BudgetCurve.appropriated(theater));
    assertThat(half.appropriated()).isLessThanOrEqualTo(full.appropriated() / 2);
    assertThat(half.obligated()).isLessThanOrEqualTo(half.appropriated());
    // Tiny scenarios solve to optimality, where less money can never retire more risk.
    assertThat(full.status()).isEqualTo(org.scplan.plan.PlanStatus.OPTIMAL);
    assertThat(half.riskReduced()).isLessThanOrEqualTo(full.riskReduced());
  }
}
