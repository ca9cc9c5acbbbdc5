package org.scplan.optimizer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.GreedySearch;
import org.scplan.engine.LagrangianBound;
import org.scplan.engine.Preparation;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.time.Deadline;

/**
 * The subgradient search carried on beside the solve: it follows exactly the path an uninterrupted
 * search would have taken, stops when told, and never reports a bound above the one it was given.
 */
class RelaxationContinuationTest {
  private static AllocationInstance instance;
  private static double greedyObjective;

  @BeforeAll
  static void generate() {
    instance = Preparation.prepare(ScenarioGenerator.generate(GeneratorConfig.ofPartners(12, 4)));
    GreedySearch.Result greedy = GreedySearch.run(instance);
    greedyObjective = GreedySearch.netObjective(instance, greedy.toPlan(instance, 0));
  }

  @Test
  void continuation_reachesTheBoundOfAnUninterruptedSearch() throws InterruptedException {
    double uninterrupted =
        LagrangianBound.compute(instance, greedyObjective, RelaxationContinuation.ITERATIONS);
    LagrangianBound.Search search = LagrangianBound.start(instance, greedyObjective);
    search.run(10, () -> false, bound -> {});
    double afterTen = search.bound();

    RelaxationContinuation continuation =
        RelaxationContinuation.startIfUnfinished(search, Deadline.none());

    assertThat(continuation).isNotNull();
    long waitUntil = System.nanoTime() + 120_000_000_000L;
    while (continuation.bound() > uninterrupted && System.nanoTime() < waitUntil) {
      Thread.sleep(20);
    }
    double finished = continuation.finish();
    assertThat(afterTen).isGreaterThan(uninterrupted);
    assertThat(finished).isEqualTo(uninterrupted);
  }

  @Test
  void continuation_pastItsDeadline_isNotStarted() {
    LagrangianBound.Search search = LagrangianBound.start(instance, greedyObjective);
    search.run(10, () -> false, bound -> {});

    assertThat(RelaxationContinuation.startIfUnfinished(search, Deadline.alreadyExpired()))
        .isNull();
    assertThat(search.iterations()).isEqualTo(10);
  }

  @Test
  void continuation_whoseDeadlineExpires_stopsThereWithAValidBound() {
    LagrangianBound.Search search = LagrangianBound.start(instance, greedyObjective);
    search.run(10, () -> false, bound -> {});
    double afterTen = search.bound();
    // Expires at its sixth look, wherever the clock stands: the search looks before every step.
    java.util.concurrent.atomic.AtomicInteger looks =
        new java.util.concurrent.atomic.AtomicInteger();

    RelaxationContinuation continuation =
        RelaxationContinuation.startIfUnfinished(
            search, Deadline.none().orWhen(() -> looks.incrementAndGet() > 5));

    assertThat(continuation).isNotNull();
    assertThat(continuation.finish()).isLessThanOrEqualTo(afterTen);
    assertThat(search.iterations()).isBetween(10, 15);
  }

  @Test
  void finishedSearch_needsNoContinuation() {
    LagrangianBound.Search search = LagrangianBound.start(instance, greedyObjective);
    search.run(RelaxationContinuation.ITERATIONS, () -> false, bound -> {});

    assertThat(RelaxationContinuation.startIfUnfinished(search, Deadline.none())).isNull();
  }
}
