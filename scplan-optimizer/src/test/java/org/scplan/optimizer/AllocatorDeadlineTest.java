package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.scenario.Scenario;
import org.scplan.time.Deadline;

/**
 * The allocator answers to the {@link Deadline} it is given at every stage: with an expired one it
 * builds no model and runs no solver, and returns the checked greedy plan as far as it got; with
 * one that expires after a set number of looks (no clock), wherever that falls, a checked plan.
 * Deterministic: no assertion depends on how far a wall clock got.
 */
class AllocatorDeadlineTest {
  private static final Allocator ALLOCATOR =
      Allocator.create(
          AllocatorConfig.builder().timeLimit(Duration.ofHours(1)).workers(1).seed(3).build());

  @Test
  void allocate_expiredDeadline_returnsTheCheckedGreedyPlanSoFarWithoutAModel() {
    // Generated scenarios have balance maximums only: the greedy plan so far (empty) is a plan.
    Scenario scenario = ScenarioGenerator.generate(GeneratorConfig.ofPartners(3, 1));

    Plan plan = ALLOCATOR.allocate(scenario, ProgressListener.NONE, Deadline.alreadyExpired());

    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    assertThat(plan.status()).isEqualTo(PlanStatus.FEASIBLE);
    assertThat(plan.fundedOptions()).isEmpty();
    assertThat(plan.solver().booleanVariables()).as("no model was built").isZero();
    assertThat(plan.solver().note())
        .contains("CP-SAT found no plan within the time limit")
        .contains("before the greedy baseline had considered every option");
  }

  @Test
  void allocate_expiredDeadlineBeforeTheBalanceMinimums_saysNotSolvedInTime() {
    Scenario theater = NotionalTheater.scenario();

    Plan plan = ALLOCATOR.allocate(theater, ProgressListener.NONE, Deadline.alreadyExpired());

    assertThat(PlanChecker.check(theater, plan)).isEmpty();
    assertThat(plan.status()).isEqualTo(PlanStatus.UNKNOWN);
    assertThat(plan.fundedOptions()).isEmpty();
    assertThat(plan.solver().booleanVariables()).isZero();
  }

  @Test
  void allocate_largeScenarioDeadlineExpiringAtEveryStage_alwaysReturnsACheckedPlan() {
    // 12 partners: above the relaxation's threshold, so every stage runs.
    Scenario scenario = ScenarioGenerator.generate(GeneratorConfig.ofPartners(12, 1));
    for (long allowed : new long[] {10, 1_000, 3_000, 10_000}) {
      AtomicLong looks = new AtomicLong();

      Plan plan =
          ALLOCATOR.allocate(
              scenario,
              ProgressListener.NONE,
              Deadline.none().orWhen(() -> looks.incrementAndGet() > allowed));

      assertThat(PlanChecker.check(scenario, plan)).as("after %d looks", allowed).isEmpty();
      assertThat(plan.status()).as("after %d looks", allowed).isEqualTo(PlanStatus.FEASIBLE);
      assertThat(looks.get()).as("the deadline was looked at").isGreaterThan(allowed);
    }
  }

  @Test
  void allocateAsync_expiredDeadline_returnsTheCheckedGreedyPlanWithoutAModel() {
    Scenario scenario = ScenarioGenerator.generate(GeneratorConfig.ofPartners(3, 1));
    AllocationHandle handle =
        ALLOCATOR.allocateAsync(scenario, ProgressListener.NONE, Deadline.alreadyExpired());

    Plan plan = handle.join();

    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    assertThat(plan.status()).isEqualTo(PlanStatus.FEASIBLE);
    assertThat(plan.solver().booleanVariables()).isZero();
  }
}
