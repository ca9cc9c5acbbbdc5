package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scplan.examples.NotionalTheater;
import org.scplan.json.PlanJson;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;

/**
 * Cancellation from another thread and concurrent solves in one JVM. The timeouts only guard
 * against a hang (a cancellation that does not work would otherwise wait out the 10-minute limit);
 * nothing here measures speed.
 */
class SolverRobustnessTest {
  private static final Allocator LONG_SOLVE =
      Allocator.create(
          AllocatorConfig.builder().timeLimit(Duration.ofMinutes(10)).workers(1).seed(3).build());

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void cancel_afterFirstSolution_returnsBestIncumbentAsFeasible() throws Exception {
    Scenario theater = NotionalTheater.scenario();
    CountDownLatch firstSolution = new CountDownLatch(1);
    AtomicReference<Double> lastIncumbent = new AtomicReference<>();
    AllocationHandle handle =
        LONG_SOLVE.allocateAsync(
            theater,
            event -> {
              if (event.newSolution()) {
                lastIncumbent.set(event.objective().orElseThrow());
                firstSolution.countDown();
              }
            });

    assertThat(firstSolution.await(4, TimeUnit.MINUTES)).as("a first solution").isTrue();
    handle.cancel();
    Plan plan = handle.join();

    assertThat(handle.isCancelled()).isTrue();
    assertThat(plan.status()).isEqualTo(PlanStatus.FEASIBLE);
    assertThat(PlanChecker.check(theater, plan)).isEmpty();
    assertThat(plan.solver().note()).contains("cancelled");
    // The solver's objective rounds values to 1e-5 points per option: 258 options.
    assertThat(plan.solver().objective()).isGreaterThanOrEqualTo(lastIncumbent.get() - 0.01);
    assertThat(plan.solver().wallTimeSeconds()).isLessThan(600);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void cancel_fromInsideTheProgressListener_stopsWithoutCallingTheSolverFromItsCallback() {
    Scenario theater = NotionalTheater.scenario();
    AtomicReference<AllocationHandle> handle = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    handle.set(
        LONG_SOLVE.allocateAsync(
            theater,
            event -> {
              try {
                started.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (event.newSolution()) {
                handle.get().cancel();
              }
            }));
    started.countDown();

    Plan plan = handle.get().join();

    assertThat(plan.status()).isEqualTo(PlanStatus.FEASIBLE);
    assertThat(PlanChecker.check(theater, plan)).isEmpty();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void cancel_beforeTheSolveStarts_stillReturnsACheckedPlan() {
    Scenario theater = NotionalTheater.scenario();
    AllocationHandle handle = LONG_SOLVE.allocateAsync(theater, ProgressListener.NONE);
    handle.cancel();

    Plan plan = handle.join();

    assertThat(plan.status().hasPlan()).isTrue();
    assertThat(plan.status()).isNotEqualTo(PlanStatus.OPTIMAL);
    assertThat(PlanChecker.check(theater, plan)).isEmpty();
  }

  @Test
  void allocateAsync_invalidScenario_joinThrowsTheValidationException() {
    Scenario invalid =
        RandomScenarios.tiny(1).toBuilder()
            .horizon(new org.scplan.scenario.PlanningHorizon(2030, 2027))
            .build();

    AllocationHandle handle = LONG_SOLVE.allocateAsync(invalid, ProgressListener.NONE);

    org.assertj.core.api.Assertions.assertThatThrownBy(handle::join)
        .isInstanceOf(org.scplan.validation.ScenarioValidationException.class);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void allocate_manyConcurrentSolves_allSucceedAndMatchSequentialPlans() throws Exception {
    // Plans are compared byte for byte: a deterministic limit, the wall clock a safety net, so that
    // eight solves on two cores stop where one alone does.
    Allocator allocator =
        Allocator.create(
            AllocatorConfig.builder()
                .timeLimit(Duration.ofMinutes(10))
                .deterministicTimeLimit(10.0)
                .workers(1)
                .seed(5)
                .build());
    int threads = 8;
    int perThread = 12;
    List<Scenario> scenarios = new ArrayList<>();
    for (int i = 0; i < threads * perThread; i++) {
      scenarios.add(RandomScenarios.tiny(10_000 + i));
    }
    List<String> sequential = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      sequential.add(PlanJson.write(allocator.allocate(scenario).withoutTimings()));
    }

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> concurrent = new ArrayList<>();
      for (Scenario scenario : scenarios) {
        concurrent.add(
            pool.submit(
                () -> {
                  Plan plan = allocator.allocate(scenario);
                  assertThat(PlanChecker.check(scenario, plan)).isEmpty();
                  return PlanJson.write(plan.withoutTimings());
                }));
      }
      for (int i = 0; i < scenarios.size(); i++) {
        assertThat(concurrent.get(i).get()).as("scenario %d", i).isEqualTo(sequential.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void allocate_concurrentTheaterSolvesWithTwoWorkers_allReturnCheckedPlans() throws Exception {
    Allocator allocator =
        Allocator.create(
            AllocatorConfig.builder()
                .timeLimit(Duration.ofSeconds(60))
                .deterministicTimeLimit(0.5)
                .workers(2)
                .build());
    Scenario theater = NotionalTheater.scenario();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Plan>> plans = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        plans.add(pool.submit(() -> allocator.allocate(theater)));
      }
      for (Future<Plan> plan : plans) {
        assertThat(plan.get().status().hasPlan()).isTrue();
        assertThat(PlanChecker.check(theater, plan.get())).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
