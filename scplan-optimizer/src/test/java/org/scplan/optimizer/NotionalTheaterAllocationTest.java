package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.json.PlanJson;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.scenario.Scenario;

/**
 * The embedded notional theater end to end: a checked plan, at least as good as greedy, with an
 * honest gap, reproducible. How close to optimal it gets in a given time is measured by the
 * benchmarks (docs/BENCHMARKS.md), not here: a unit test must not depend on machine speed.
 */
class NotionalTheaterAllocationTest {
  private static Scenario theater;
  private static Plan plan;
  private static Plan greedy;

  @BeforeAll
  static void solveOnce() {
    theater = NotionalTheater.scenario();
    // A deterministic limit, not a wall-clock one: on a loaded build machine a 10 s wall limit
    // ran out before CP-SAT found a plan or a bound. The wall limit is only a safety net.
    plan =
        Allocator.create(
                AllocatorConfig.builder()
                    .timeLimit(Duration.ofMinutes(10))
                    .deterministicTimeLimit(3.0)
                    .workers(2)
                    .build())
            .allocate(theater);
    greedy = GreedyAllocator.allocate(theater);
  }

  @Test
  void allocate_notionalTheater_reportsAConsistentBoundAndGap() {
    assertThat(plan.status()).isIn(PlanStatus.OPTIMAL, PlanStatus.FEASIBLE);
    double objective = plan.solver().objective();
    double bound = plan.solver().bestBound();
    // The bound is in model units (values rounded to 1e-5 points per option): ~258 options
    // can put the exact objective of an optimal plan above it by at most 258 × 5e-6 points.
    assertThat(bound).isGreaterThanOrEqualTo(objective - 258 * 5e-6);
    assertThat(plan.solver().relativeGap())
        .isCloseTo(
            Math.max(0, bound - objective) / bound, org.assertj.core.data.Offset.offset(1e-12));
    double lapsePenalty =
        theater.policy().lapsePenaltyPointsPerMillion() * plan.totals().totalLapsed() / 1e6;
    assertThat(objective)
        .as("the objective is the plan's risk reduced net of the lapse penalty")
        .isCloseTo(plan.riskReduced() - lapsePenalty, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void allocate_notionalTheater_passesCheckerAndBeatsGreedy() {
    assertThat(PlanChecker.check(theater, plan)).isEmpty();
    assertThat(PlanChecker.check(theater, greedy)).isEmpty();
    assertThat(greedy.status()).isEqualTo(PlanStatus.FEASIBLE);
    assertThat(plan.riskReduced()).isGreaterThanOrEqualTo(greedy.riskReduced());
    assertThat(plan.solver().greedyRiskReduced()).isEqualTo(greedy.riskReduced());
  }

  @Test
  void allocate_notionalTheater_leavesAThirdOrMoreUnfundedEachWithAReason() {
    int options = theater.options().size();
    assertThat(plan.fundedOptions().size() + plan.unfundedOptions().size()).isEqualTo(options);
    assertThat(plan.unfundedOptions().size()).isGreaterThanOrEqualTo(options / 3);
    assertThat(plan.unfundedOptions())
        .allSatisfy(u -> assertThat(u.reason().detail()).isNotBlank());
  }

  @Test
  void allocate_oneWorkerSameSeedDeterministicLimit_givesIdenticalPlanBytes() {
    Allocator allocator =
        Allocator.create(
            AllocatorConfig.builder()
                .timeLimit(Duration.ofSeconds(120))
                .deterministicTimeLimit(2.0)
                .workers(1)
                .seed(11)
                .build());
    List<String> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      Plan result = allocator.allocate(theater);
      assertThat(result.status()).isIn(PlanStatus.OPTIMAL, PlanStatus.FEASIBLE);
      runs.add(PlanJson.write(result.withoutTimings()));
    }
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
  }
}
