package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.FundedOption;
import org.scplan.plan.FundingDecision;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanAssembler;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.plan.SolverStatistics;
import org.scplan.plan.UnfundedOption;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;
import org.scplan.testing.Shrinker;
import org.scplan.valuation.Candidate;
import org.scplan.valuation.ReasonCode;
import org.scplan.valuation.Valuation;

/**
 * Issue 25's properties of every returned plan, on random tiny scenarios at three money resolutions
 * ($1, the scenario's own $1,000, and a coarse $7,000 that rounds every figure): no single addition
 * keeps every rule in dollars ({@link PlanChecker}) and raises the net objective, and no addition
 * of an option called CROWDED_OUT keeps every rule, for the optimizer (one worker, deterministic
 * limit) and the greedy baseline; and every OPTIMAL plan's objective is its exact net objective,
 * with its bound in the same unit and the gap closed. Failures are shrunk by {@link Shrinker}.
 */
class TruthfulPlansTest {
  static final int TRIES = 25;
  static final int SLOW_TRIES = 400;

  private static final long[] RESOLUTIONS = {1, 1_000, 7_000};

  private static final Allocator ALLOCATOR =
      Allocator.create(
          AllocatorConfig.builder().workers(1).seed(3).deterministicTimeLimit(2.0).build());

  static Stream<Arguments> tries() {
    return runs(1, TRIES);
  }

  static Stream<Arguments> slowTries() {
    return runs(TRIES + 1, SLOW_TRIES);
  }

  private static Stream<Arguments> runs(long first, int count) {
    return LongStream.range(first, first + count)
        .boxed()
        .flatMap(
            seed ->
                LongStream.of(RESOLUTIONS).mapToObj(resolution -> Arguments.of(seed, resolution)));
  }

  @ParameterizedTest(name = "seed {0} at ${1}")
  @MethodSource("tries")
  void everyReturnedPlan_isCompleteAndItsStatusTrue(long seed, long resolution) {
    holds(seed, resolution);
  }

  @Tag("slow")
  @ParameterizedTest(name = "seed {0} at ${1}")
  @MethodSource("slowTries")
  void everyReturnedPlan_isCompleteAndItsStatusTrue_onMoreSeeds(long seed, long resolution) {
    holds(seed, resolution);
  }

  private static void holds(long seed, long resolution) {
    Scenario scenario = atResolution(RandomScenarios.tiny(seed), resolution);
    Throwable original = failure(scenario);
    if (original != null) {
      Scenario shrunk = Shrinker.shrink(scenario, s -> failure(s) != null);
      fail(
          Shrinker.report("truthful plans at $" + resolution, seed, shrunk)
              + "\nFailure on the shrunk scenario: "
              + failure(shrunk));
    }
  }

  private static Throwable failure(Scenario scenario) {
    try {
      for (Plan plan : List.of(ALLOCATOR.allocate(scenario), GreedyAllocator.allocate(scenario))) {
        assertThat(PlanChecker.check(scenario, plan)).isEmpty();
        assertNoSingleAddition(scenario, plan);
        assertStatusTrue(scenario, plan);
      }
      return null;
    } catch (AssertionError | RuntimeException e) {
      return e;
    }
  }

  static Scenario atResolution(Scenario scenario, long resolution) {
    return scenario.toBuilder()
        .policy(scenario.policy().toBuilder().moneyResolutionDollars(resolution).build())
        .build();
  }

  /**
   * No option the plan leaves unfunded can join it, at any of its candidates, so that the checker
   * finds no broken rule and the net objective rises by more than 1e-9 points.
   */
  static void assertNoSingleAddition(Scenario scenario, Plan plan) {
    if (!plan.status().hasPlan()) {
      return;
    }
    Valuation valuation = Valuation.of(scenario);
    List<FundingDecision> decisions = new ArrayList<>();
    for (FundedOption funded : plan.fundedOptions()) {
      decisions.add(
          new FundingDecision(funded.optionId(), funded.programId(), funded.startFiscalYear()));
    }
    double net = net(scenario, plan);
    for (UnfundedOption unfunded : plan.unfundedOptions()) {
      for (Candidate candidate : valuation.candidates(unfunded.optionId())) {
        List<FundingDecision> more = new ArrayList<>(decisions);
        more.add(
            new FundingDecision(
                candidate.optionId(), candidate.programId(), candidate.startFiscalYear()));
        Plan added =
            PlanAssembler.assemble(
                valuation, more, PlanStatus.FEASIBLE, SolverStatistics.builder("test").build(), "");
        boolean keepsEveryRule = PlanChecker.check(scenario, added).isEmpty();
        assertThat(keepsEveryRule && unfunded.reason().code() == ReasonCode.CROWDED_OUT)
            .as(
                "%s is CROWDED_OUT of the %s plan, but program %s from FY%d fits: %s",
                candidate.optionId(),
                plan.solver().engine(),
                candidate.programId(),
                candidate.startFiscalYear(),
                unfunded.reason())
            .isFalse();
        if (keepsEveryRule) {
          assertThat(net(scenario, added))
              .as(
                  "adding %s (program %s from FY%d) to the %s plan keeps every rule; %s",
                  candidate.optionId(),
                  candidate.programId(),
                  candidate.startFiscalYear(),
                  plan.solver().engine(),
                  unfunded.reason())
              .isLessThanOrEqualTo(net + 1e-9);
        }
      }
    }
  }

  /**
   * The reported objective is the plan's exact net objective; an OPTIMAL plan's bound is in the
   * same unit and its gap closed.
   */
  static void assertStatusTrue(Scenario scenario, Plan plan) {
    if (!plan.status().hasPlan() || plan.solver().objective() == null) {
      return;
    }
    assertThat(plan.solver().objective()).isCloseTo(net(scenario, plan), within(1e-9));
    if (plan.status() == PlanStatus.OPTIMAL) {
      assertThat(plan.solver().bestBound()).isNotNull();
      assertThat(plan.solver().relativeGap()).isZero();
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }

  static double net(Scenario scenario, Plan plan) {
    return plan.riskReduced()
        - scenario.policy().lapsePenaltyPointsPerMillion() * plan.totals().totalLapsed() / 1e6;
  }
}
