package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
          AllocatorConfig.builder().timeLimit(Duration.ofSeconds(20)).workers(1).seed(7).build());

  private static final AtomicLong WITH_PLAN = new AtomicLong();
  private static final AtomicLong INFEASIBLE = new AtomicLong();
  private static final AtomicLong ASSIGNMENTS = new AtomicLong();

  @AfterAll
  static void summarise() {
    System.out.printf(
        "Brute-force cross-check: %d scenarios with a plan (optimizer objective = exhaustive best), %d infeasible"
            + " (both agree), %,d assignments enumerated and checked%n",
        WITH_PLAN.get(), INFEASIBLE.get(), ASSIGNMENTS.get());
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 400);
  }

  static LongStream slowSeeds() {
    return LongStream.rangeClosed(401, 2_400);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void allocate_tinyScenario_matchesExhaustiveEnumeration(long seed) {
    crossCheck(seed);
  }

  /** Two thousand more seeds, in the slow profile: {@code mvn -B -ntp verify -Pslow}. */
  @Tag("slow")
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("slowSeeds")
  void allocate_moreTinyScenarios_matchExhaustiveEnumeration(long seed) {
    crossCheck(seed);
  }

  private static void crossCheck(long seed) {
    Scenario scenario = RandomScenarios.tiny(seed);
    assertThat(ScenarioValidator.problems(scenario)).as("generated scenario is valid").isEmpty();
    assertThat(RandomScenarios.assignments(scenario))
        .as("small enough to enumerate")
        .isLessThanOrEqualTo(RandomScenarios.MAXIMUM_ASSIGNMENTS);

    BruteForce.Result exhaustive = BruteForce.solve(scenario);
    ASSIGNMENTS.addAndGet(exhaustive.assignmentsChecked());
    Plan optimized = ALLOCATOR.allocate(scenario);
    Plan greedy = GreedyAllocator.allocate(scenario);

    assertThat(PlanChecker.check(scenario, optimized)).isEmpty();
    assertThat(PlanChecker.check(scenario, greedy)).isEmpty();
    if (exhaustive.bestObjective() == null) {
      assertThat(optimized.status()).isEqualTo(PlanStatus.INFEASIBLE);
      INFEASIBLE.incrementAndGet();
      return;
    }
    assertThat(optimized.status()).isEqualTo(PlanStatus.OPTIMAL);
    double optimizerObjective = netObjective(scenario, optimized);
    assertThat(optimizerObjective).isLessThanOrEqualTo(exhaustive.bestObjective() + 1e-9);
    assertThat(optimizerObjective)
        .isGreaterThanOrEqualTo(exhaustive.bestObjective() - VALUE_ROUNDING);
    if (greedy.status().hasPlan()) {
      assertThat(optimizerObjective).isGreaterThanOrEqualTo(netObjective(scenario, greedy) - 1e-9);
    }
    WITH_PLAN.incrementAndGet();
  }

  private static double netObjective(Scenario scenario, Plan plan) {
    return plan.riskReduced()
        - scenario.policy().lapsePenaltyPointsPerMillion() * plan.totals().totalLapsed() / 1e6;
  }
}
