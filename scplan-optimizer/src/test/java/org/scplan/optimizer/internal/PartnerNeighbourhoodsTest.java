package org.scplan.optimizer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.GreedySearch;
import org.scplan.engine.LagrangianBound;
import org.scplan.engine.Preparation;
import org.scplan.engine.RelaxationGuidedSearch;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.json.PlanJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;
import org.scplan.time.Deadline;

/**
 * Partner neighbourhoods: from the greedy plan of a generated scenario, rounds improve the plan,
 * every plan they return passes the plan checker, and the objective they report is the plan's, with
 * partners drawn uniformly or by their disagreement with the relaxation. Also the allocator on a
 * model large enough for the relaxation and on one too small for it, with a wall-clock limit.
 *
 * <p>Rounds here stop at a deterministic limit and the allocator's wall-clock runs are held only to
 * what holds under any load (a checked plan no worse than its start), so the outcomes do not depend
 * on how busy the machine is.
 */
class PartnerNeighbourhoodsTest {
  /** CP-SAT deterministic time per round: short, yet enough for every round set here to improve. */
  private static final double ROUND_WORK = 0.1;

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
    assertSixRoundsImproveTheGreedyPlan(
        improve(6, Double.POSITIVE_INFINITY, new SolveControl(), null));
  }

  @Test
  void roundsGuidedByTheRelaxation_improveTheGreedyPlan_andReturnACheckedPlan() {
    LagrangianBound.Search search = LagrangianBound.start(instance, greedyObjective);
    search.run(100, () -> false, bound -> {});

    assertSixRoundsImproveTheGreedyPlan(
        improve(6, Double.POSITIVE_INFINITY, new SolveControl(), search.guidance()));
  }

  @Test
  void disagreement_sumsPerPartnerTheReducedProfitsTheRelaxationAndThePlanDifferBy() {
    // Partner 0 holds options 0 and 1, partner 1 option 2; reduced profits per candidate (points).
    LagrangianBound.Guidance guidance =
        new LagrangianBound.Guidance(
            100, new int[] {0, -1, 1}, new double[][] {{5, 2}, {3}, {-1, 4}});
    int[] chosen = {1, 0, 1};

    double[] disagreement =
        PartnerNeighbourhoods.disagreement(new int[][] {{0, 1}, {2}}, guidance, chosen);

    // |5 − 2| for option 0's other candidate, |0 − 3| for funding option 1; option 2 agrees.
    assertThat(disagreement).containsExactly(6.0, 0.0);
  }

  @Test
  void drawOrder_drawsAPartnerOfMuchGreaterWeightFirstInNearlyAllDraws() {
    double[] weight = new double[10];
    java.util.Arrays.fill(weight, 1.0);
    weight[3] = 1000.0;
    Random random = new Random(1);
    int first = 0;
    for (int draw = 0; draw < 1000; draw++) {
      List<Integer> partners = partners(10);
      PartnerNeighbourhoods.drawOrder(partners, weight, random);
      assertThat(partners).containsExactlyInAnyOrderElementsOf(partners(10));
      if (partners.get(0) == 3) {
        first++;
      }
    }
    // Expected 1000.01 / (1000.01 + 9 × 1.01) = 99.1 % of draws.
    assertThat(first).isGreaterThanOrEqualTo(970);
  }

  @Test
  void drawOrder_withEqualWeights_drawsEveryPartnerFirstAboutEquallyOften() {
    double[] weight = new double[10];
    Random random = new Random(1);
    int[] first = new int[10];
    for (int draw = 0; draw < 5000; draw++) {
      List<Integer> partners = partners(10);
      PartnerNeighbourhoods.drawOrder(partners, weight, random);
      first[partners.get(0)]++;
    }
    // 500 expected each, with a standard deviation of 21.
    for (int count : first) {
      assertThat(count).isBetween(400, 600);
    }
  }

  @Test
  void rounds_stopAtTheTargetObjective() {
    PartnerNeighbourhoods.Result result =
        improve(50, greedyObjective + 1e-6, new SolveControl(), null);

    // The first improvement reaches the target, and no round runs after it.
    assertThat(result.improvements()).isEqualTo(1);
    assertThat(result.objective()).isGreaterThanOrEqualTo(greedyObjective + 1e-6);
  }

  @Test
  void cancelledControl_runsNoRound() {
    SolveControl control = new SolveControl();
    control.cancel();
    PartnerNeighbourhoods.Result result = improve(50, Double.POSITIVE_INFINITY, control, null);

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
        CpSatSolve.solve(everythingFixed, 3_600, 1, 1, 0.0, 60.0, event -> {});
    assertThat(outcome.status()).isEqualTo(org.scplan.plan.PlanStatus.OPTIMAL);
    assertThat(outcome.chosen()).containsExactly(greedy.chosenCandidate());
  }

  @Test
  void allocator_withAWallClockLimit_returnsACheckedPlanAtLeastAsGoodAsGreedy() {
    assertThat(LagrangianBound.candidateCount(instance))
        .isGreaterThanOrEqualTo(RelaxationGuidedSearch.MINIMUM_CANDIDATES);

    assertAllocatesACheckedPlanAtLeastAsGoodAsGreedyIn4Seconds(scenario);
  }

  /**
   * At a deterministic limit the rounds share what the whole-model search leaves of it, in work
   * units: the plan is checked, above greedy, and the same bytes on a second solve (one worker),
   * however loaded the machine.
   */
  @Test
  void allocator_withADeterministicLimit_returnsACheckedPlanAboveGreedy_byteForByteAgain() {
    Allocator allocator =
        Allocator.create(
            AllocatorConfig.builder()
                .timeLimit(Duration.ofMinutes(10))
                .deterministicTimeLimit(1.0)
                .workers(1)
                .seed(1)
                .build());
    Plan plan = allocator.allocate(scenario);

    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    assertThat(GreedySearch.netObjective(instance, plan)).isGreaterThan(greedyObjective);
    assertThat(PlanJson.write(allocator.allocate(scenario).withoutTimings()))
        .isEqualTo(PlanJson.write(plan.withoutTimings()));
  }

  @Test
  void
      allocator_onAModelTooSmallForTheRelaxation_withAWallClockLimit_returnsACheckedPlanAtLeastAsGoodAsGreedy() {
    Scenario theater = NotionalTheater.scenario();
    AllocationInstance small = Preparation.prepare(theater);
    // Below the relaxation's threshold, yet above the 1,000 Booleans from which rounds follow
    // CP-SAT's share.
    assertThat(LagrangianBound.candidateCount(small))
        .isLessThan(RelaxationGuidedSearch.MINIMUM_CANDIDATES);
    assertThat(new CpSatModel(small).booleanVariables()).isGreaterThanOrEqualTo(1_000);

    assertAllocatesACheckedPlanAtLeastAsGoodAsGreedyIn4Seconds(theater);
  }

  /**
   * The allocator with a 4-s wall-clock limit on 2 workers (rounds follow CP-SAT's share) returns a
   * checked plan whose exact objective is at least the greedy plan's: the allocator keeps the
   * better of its start and the search's plan, however little time the search got.
   */
  private static void assertAllocatesACheckedPlanAtLeastAsGoodAsGreedyIn4Seconds(
      Scenario scenario) {
    Plan plan =
        Allocator.create(
                AllocatorConfig.builder().timeLimit(Duration.ofSeconds(4)).workers(2).build())
            .allocate(scenario);

    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    if (plan.solver().note().contains("before the greedy baseline had considered every option")) {
      // The limit ran out before the greedy baseline was complete (a machine loaded beyond
      // measure): its plan so far is all there is, checked above.
      return;
    }
    AllocationInstance prepared = Preparation.prepare(scenario);
    GreedySearch.Result baseline = GreedySearch.run(prepared);
    assertThat(GreedySearch.netObjective(prepared, plan))
        .isGreaterThanOrEqualTo(
            GreedySearch.netObjective(prepared, baseline.toPlan(prepared, 0)) - 1e-9);
  }

  private static void assertSixRoundsImproveTheGreedyPlan(PartnerNeighbourhoods.Result result) {
    assertThat(result.rounds()).isEqualTo(6);
    assertThat(result.improvements()).isPositive();
    assertThat(result.objective()).isGreaterThan(greedyObjective);
    Plan plan = new GreedySearch.Result(result.chosen(), null).toPlan(instance, 0);
    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    // Rounds score plans exactly (CP-SAT's objective can understate a plan cut short by a cap).
    assertThat(GreedySearch.netObjective(instance, plan)).isEqualTo(result.objective());
  }

  /**
   * Rounds from the greedy plan, one worker, solver seed 1, no deadline, each round limited to
   * {@link #ROUND_WORK}, partners drawn by {@code guidance} (null: uniformly).
   */
  private static PartnerNeighbourhoods.Result improve(
      int maximumRounds,
      double targetObjective,
      SolveControl control,
      LagrangianBound.Guidance guidance) {
    return PartnerNeighbourhoods.improve(
        instance,
        greedy.chosenCandidate(),
        Deadline.none(),
        maximumRounds,
        ROUND_WORK,
        targetObjective,
        1,
        1,
        control,
        guidance,
        objective -> {});
  }

  private static List<Integer> partners(int count) {
    List<Integer> partners = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      partners.add(p);
    }
    return partners;
  }
}
