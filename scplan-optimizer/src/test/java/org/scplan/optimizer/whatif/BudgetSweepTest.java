package org.scplan.optimizer.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  void run_sameSeedOneWorkerDeterministicLimit_givesIdenticalCurveBytes() throws Exception {
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

    // The JSON reads back with the points' own field names and values.
    JsonNode points = new ObjectMapper().readTree(BudgetCurveJson.write(first)).get("points");
    assertThat(points).hasSize(2);
    for (int i = 0; i < 2; i++) {
      BudgetCurve.Point point = first.points().get(i);
      JsonNode json = points.get(i);
      assertThat(json.get("multiplier").asDouble()).isEqualTo(point.multiplier());
      assertThat(number(json.get("objective"))).isEqualTo(point.objective());
      assertThat(number(json.get("bestBound"))).isEqualTo(point.bestBound());
      assertThat(number(json.get("relativeGap"))).isEqualTo(point.relativeGap());
      assertThat(json.get("gapExceedsStep").asBoolean()).isEqualTo(point.gapExceedsStep());
      assertThat(json.get("riskReduced").asDouble()).isEqualTo(point.riskReduced());
    }
  }

  /** A JSON number, or {@code null} for JSON null (an unknown value). */
  private static Double number(JsonNode value) {
    return value.isNull() ? null : value.asDouble();
  }
}
