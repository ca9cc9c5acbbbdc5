package org.scplan.optimizer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.internal.AllocationInstance;
import org.scplan.internal.GreedySearch;
import org.scplan.internal.LagrangianBound;
import org.scplan.internal.Preparation;
import org.scplan.internal.RelaxationGuidedSearch;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;

/**
 * Partner neighbourhoods: from the greedy plan of a generated scenario, rounds improve the plan,
 * every plan they return passes the plan checker, and the objective they report is the plan's. Also
 * the allocator on a model large enough for them, with a wall-clock limit.
 */
class PartnerNeighbourhoodsTest {
  private static Scenario scenario;
  private static AllocationInstance instance;
  private static GreedySearch.Result greedy;
  private static double greedyObjective;

  @BeforeAll
  static void generate() {
    NativeLibraries.ensureLoaded();
    // 6 partners, 268 options, 2,895 candidates: above the guided-start threshold.
    scenario = ScenarioGenerator.generate(GeneratorConfig.ofPartners(6, 2));
    instance = Preparation.prepare(scenario);
    greedy = GreedySearch.run(instance);
    greedyObjective = GreedySearch.netObjective(instance, greedy.toPlan(instance, 0));
  }

  @Test
  void rounds_improveTheGreedyPlan_andReturnACheckedPlanWithItsObjective() {
    PartnerNeighbourhoods.Result result = improve(6, Double.POSITIVE_INFINITY, new SolveControl());

    assertThat(result.rounds()).isEqualTo(6);
    assertThat(result.improvements()).isPositive();
    assertThat(result.objective()).isGreaterThan(greedyObjective);
    Plan plan = new GreedySearch.Result(result.chosen(), null).toPlan(instance, 0);
    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    // Rounds score plans exactly (CP-SAT's objective can understate a plan cut short by a cap).
    assertThat(GreedySearch.netObjective(instance, plan)).isEqualTo(result.objective());
  }

  @Test
  void rounds_stopAtTheTargetObjective() {
    PartnerNeighbourhoods.Result result = improve(50, greedyObjective + 1e-6, new SolveControl());

    // The first improvement reaches the target, and no round runs after it.
    assertThat(result.improvements()).isEqualTo(1);
    assertThat(result.objective()).isGreaterThanOrEqualTo(greedyObjective + 1e-6);
  }

  @Test
  void cancelledControl_runsNoRound() {
    SolveControl control = new SolveControl();
    control.cancel();
    PartnerNeighbourhoods.Result result = improve(50, Double.POSITIVE_INFINITY, control);

    assertThat(result.rounds()).isZero();
    assertThat(result.chosen()).containsExactly(greedy.chosenCandidate());
  }

  @Test
  void modelWithFixedOptions_nothingFixedIsTheModel_everythingFixedIsThePlan() {
    int[] nothingFixed = new int[instance.options.length];
    java.util.Arrays.fill(nothingFixed, CpSatModel.FREE);
    assertThat(new CpSatModel(instance, nothingFixed).proto())
        .isEqualTo(new CpSatModel(instance).proto());

    CpSatModel everythingFixed = new CpSatModel(instance, greedy.chosenCandidate());
    CpSatSolve.Outcome outcome =
        CpSatSolve.solve(everythingFixed, 60, 1, 1, 0.0, null, event -> {});
    assertThat(outcome.status()).isEqualTo(org.scplan.plan.PlanStatus.OPTIMAL);
    assertThat(outcome.chosen()).containsExactly(greedy.chosenCandidate());
  }

  @Test
  void allocator_withAWallClockLimit_returnsACheckedPlanAboveGreedy() {
    assertThat(LagrangianBound.candidateCount(instance))
        .isGreaterThanOrEqualTo(RelaxationGuidedSearch.MINIMUM_CANDIDATES);
    Plan plan =
        Allocator.create(
                AllocatorConfig.builder().timeLimit(Duration.ofSeconds(4)).workers(2).build())
            .allocate(scenario);

    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    assertThat(plan.riskReduced()).isGreaterThan(plan.solver().greedyRiskReduced());
  }

  /** Rounds from the greedy plan, one worker, solver seed 1, a deadline far away. */
  private static PartnerNeighbourhoods.Result improve(
      int maximumRounds, double targetObjective, SolveControl control) {
    return PartnerNeighbourhoods.improve(
        instance,
        greedy.chosenCandidate(),
        System.nanoTime() + 120_000_000_000L,
        maximumRounds,
        targetObjective,
        1,
        1,
        control,
        objective -> {});
  }
}
