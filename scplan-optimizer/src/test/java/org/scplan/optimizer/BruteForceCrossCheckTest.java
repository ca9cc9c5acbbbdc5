package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;
import org.scplan.validation.ScenarioValidator;

/**
 * The optimizer against exhaustive enumeration on random tiny scenarios (at most 8 options): same
 * feasibility verdict and the same net objective, and every optimizer and greedy plan passes the
 * independent checker. Money is in whole thousands, so the model's $1,000 units are exact; the only
 * slack is the rounding of each option's value to 1/100,000 point.
 */
class BruteForceCrossCheckTest {
  /** Per option, values are rounded to 1e-5 points in the model: 8 options, both directions. */
  private static final double VALUE_ROUNDING = 2e-4;

  private static final Allocator ALLOCATOR =
      Allocator.create(
          // OPTIMAL is asserted: a deterministic limit, with the wall clock only a safety net, so
          // that a loaded machine cannot stop a solve before its proof.
          AllocatorConfig.builder()
              .timeLimit(Duration.ofHours(1))
              .deterministicTimeLimit(20.0)
              .workers(1)
              .seed(7)
              .build());

  private static final AtomicLong WITH_PLAN = new AtomicLong();
  private static final AtomicLong INFEASIBLE = new AtomicLong();
  private static final AtomicLong ASSIGNMENTS = new AtomicLong();

  /** Largest shortfall of the optimizer's objective against the exhaustive optimum, in points. */
  private static final DoubleAccumulator LARGEST_SHORTFALL = new DoubleAccumulator(Math::max, 0.0);

  /**
   * Seeds per test invocation: one JUnit invocation per scenario costs more than a tiny solve, and
   * a failure still names its seed.
   */
  private static final int BATCH = 20;

  @AfterAll
  static void summarise() {
    System.out.printf(
        "Brute-force cross-check: %d scenarios with a plan (optimizer objective = exhaustive best,"
            + " largest shortfall %.2e points), %d infeasible (both agree), %,d assignments"
            + " assembled%n",
        WITH_PLAN.get(), LARGEST_SHORTFALL.get(), INFEASIBLE.get(), ASSIGNMENTS.get());
  }

  /** Seeds 1–2,000 in batches of {@link #BATCH}: the first seed of each batch. */
  static LongStream batches() {
    return LongStream.range(0, 2_000 / BATCH).map(b -> 1 + b * BATCH);
  }

  /** Seeds 2,001–8,000, in the slow profile. */
  static LongStream slowBatches() {
    return LongStream.range(0, 6_000 / BATCH).map(b -> 2_001 + b * BATCH);
  }

  @ParameterizedTest(name = "seeds {0}+")
  @MethodSource("batches")
  void allocate_tinyScenarios_matchExhaustiveEnumeration(long firstSeed) {
    for (long seed = firstSeed; seed < firstSeed + BATCH; seed++) {
      crossCheck(seed);
    }
  }

  /** Six thousand more seeds, in the slow profile: {@code mvn -B -ntp verify -Pslow}. */
  @Tag("slow")
  @ParameterizedTest(name = "seeds {0}+")
  @MethodSource("slowBatches")
  void allocate_moreTinyScenarios_matchExhaustiveEnumeration(long firstSeed) {
    for (long seed = firstSeed; seed < firstSeed + BATCH; seed++) {
      crossCheck(seed);
    }
  }

  private static void crossCheck(long seed) {
    Scenario scenario = RandomScenarios.tiny(seed);
    String what = "seed " + seed;
    assertThat(ScenarioValidator.problems(scenario)).as(what + ": valid").isEmpty();
    assertThat(RandomScenarios.assignments(scenario))
        .as(what + ": small enough to enumerate")
        .isLessThanOrEqualTo(RandomScenarios.MAXIMUM_ASSIGNMENTS);

    BruteForce.Result exhaustive = BruteForce.solve(scenario);
    ASSIGNMENTS.addAndGet(exhaustive.assignmentsChecked());
    Plan optimized = ALLOCATOR.allocate(scenario);
    Plan greedy = GreedyAllocator.allocate(scenario);

    assertThat(PlanChecker.check(scenario, optimized)).as(what).isEmpty();
    assertThat(PlanChecker.check(scenario, greedy)).as(what).isEmpty();
    if (exhaustive.bestObjective() == null) {
      assertThat(optimized.status()).as(what).isEqualTo(PlanStatus.INFEASIBLE);
      INFEASIBLE.incrementAndGet();
      return;
    }
    assertThat(optimized.status()).as(what).isEqualTo(PlanStatus.OPTIMAL);
    double optimizerObjective = netObjective(scenario, optimized);
    assertThat(optimizerObjective).as(what).isLessThanOrEqualTo(exhaustive.bestObjective() + 1e-9);
    assertThat(optimizerObjective)
        .as(what)
        .isGreaterThanOrEqualTo(exhaustive.bestObjective() - VALUE_ROUNDING);
    LARGEST_SHORTFALL.accumulate(exhaustive.bestObjective() - optimizerObjective);
    if (greedy.status().hasPlan()) {
      assertThat(optimizerObjective)
          .as(what)
          .isGreaterThanOrEqualTo(netObjective(scenario, greedy) - 1e-9);
    }
    WITH_PLAN.incrementAndGet();
  }

  private static double netObjective(Scenario scenario, Plan plan) {
    return plan.riskReduced()
        - scenario.policy().lapsePenaltyPointsPerMillion() * plan.totals().totalLapsed() / 1e6;
  }
}
