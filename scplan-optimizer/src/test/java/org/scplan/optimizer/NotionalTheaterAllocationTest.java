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

/** The embedded notional theater end to end: optimal, checked, better than greedy, reproducible. */
class NotionalTheaterAllocationTest {
  private static Scenario theater;
  private static Plan plan;
  private static Plan greedy;

  @BeforeAll
  static void solveOnce() {
    theater = NotionalTheater.scenario();
    plan = Allocator.create(AllocatorConfig.builder().timeLimit(Duration.ofSeconds(10)).workers(2).build()).allocate(theater);
    greedy = GreedyAllocator.allocate(theater);
  }

  @Test
  void allocate_notionalTheater_provesOptimalityOrGapAtMostTenthOfPercent() {
    assertThat(plan.status()).isIn(PlanStatus.OPTIMAL, PlanStatus.FEASIBLE);
    assertThat(plan.solver().relativeGap()).isNotNull().isLessThanOrEqualTo(0.001);
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
    assertThat(plan.unfundedOptions()).allSatisfy(u -> assertThat(u.reason().detail()).isNotBlank());
  }

  @Test
  void allocate_oneWorkerSameSeed_givesIdenticalPlanBytes() {
    Allocator allocator =
        Allocator.create(AllocatorConfig.builder().timeLimit(Duration.ofSeconds(30)).workers(1).seed(11).build());
    List<String> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      Plan result = allocator.allocate(theater);
      assertThat(result.status()).isEqualTo(PlanStatus.OPTIMAL);
      runs.add(PlanJson.write(result.withoutTimings()));
    }
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
  }
}
