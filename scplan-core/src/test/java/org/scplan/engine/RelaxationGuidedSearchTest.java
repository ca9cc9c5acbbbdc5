package org.scplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;
import org.scplan.time.Deadline;

/**
 * The relaxation-guided start: every plan it returns passes the independent checker, it is never
 * worse than the baseline greedy plan, and its bound is never below it; on a generated scenario it
 * beats the greedy order.
 */
class RelaxationGuidedSearchTest {
  @ParameterizedTest(name = "seeds {0}+")
  @ValueSource(longs = {1, 101, 201, 301})
  void run_tinyScenarios_givesCheckedPlansNoWorseThanGreedy(long firstSeed) {
    int checked = 0;
    for (long seed = firstSeed; seed < firstSeed + 100; seed++) {
      Scenario scenario = RandomScenarios.tiny(seed);
      AllocationInstance instance = Preparation.prepare(scenario);
      GreedySearch.Result greedy = GreedySearch.run(instance);
      if (!greedy.found()) {
        continue;
      }
      double greedyObjective = GreedySearch.netObjective(instance, greedy.toPlan(instance, 0));
      RelaxationGuidedSearch.Outcome outcome =
          RelaxationGuidedSearch.run(instance, greedy, Deadline.none(), Deadline.none());
      Plan plan = new GreedySearch.Result(outcome.chosenCandidate(), null).toPlan(instance, 0);

      assertThat(PlanChecker.check(scenario, plan)).as("seed %d", seed).isEmpty();
      assertThat(outcome.objective())
          .as("seed %d", seed)
          .isEqualTo(GreedySearch.netObjective(instance, plan))
          .isGreaterThanOrEqualTo(greedyObjective);
      assertThat(outcome.bound()).as("seed %d", seed).isGreaterThanOrEqualTo(outcome.objective());
      checked++;
    }
    assertThat(checked).as("scenarios with a greedy plan").isGreaterThan(50);
  }

  @ParameterizedTest(name = "seeds {0}+")
  @ValueSource(longs = {1, 201})
  void greedyFromKeptDecisions_keepsThemAndPassesTheChecker(long firstSeed) {
    int checked = 0;
    for (long seed = firstSeed; seed < firstSeed + 100; seed++) {
      Scenario scenario = RandomScenarios.tiny(seed);
      AllocationInstance instance = Preparation.prepare(scenario);
      GreedySearch.Result greedy = GreedySearch.run(instance);
      if (!greedy.found()) {
        continue;
      }
      int n = instance.options.length;
      double[] reverseOrder = new double[n];
      double[][] candidateScore = new double[n][];
      for (int o = 0; o < n; o++) {
        reverseOrder[o] = o;
        candidateScore[o] = new double[instance.candidates[o].length];
      }
      int[] keep = greedy.chosenCandidate().clone();

      GreedySearch.Result result = GreedySearch.run(instance, reverseOrder, candidateScore, keep);

      assertThat(result.found()).as("seed %d", seed).isTrue();
      for (int o = 0; o < n; o++) {
        if (keep[o] >= 0) {
          assertThat(result.chosenCandidate()[o])
              .as("seed %d, option %d", seed, o)
              .isEqualTo(keep[o]);
        }
      }
      assertThat(PlanChecker.check(scenario, result.toPlan(instance, 0)))
          .as("seed %d", seed)
          .isEmpty();
      checked++;
    }
    assertThat(checked).isGreaterThan(50);
  }

  @ParameterizedTest(name = "theater preset, seed {0}")
  @ValueSource(longs = {1, 2})
  void run_generatedTheater_beatsTheGreedyOrderByThreePercent(long seed) {
    Scenario scenario = ScenarioGenerator.generate(GeneratorConfig.theater(seed));
    AllocationInstance instance = Preparation.prepare(scenario);
    GreedySearch.Result greedy = GreedySearch.run(instance);
    double greedyObjective = GreedySearch.netObjective(instance, greedy.toPlan(instance, 0));

    RelaxationGuidedSearch.Outcome outcome =
        RelaxationGuidedSearch.run(instance, greedy, Deadline.none(), Deadline.none());

    assertThat(outcome.improved()).isTrue();
    assertThat(outcome.objective()).isGreaterThan(1.03 * greedyObjective);
    Plan plan = new GreedySearch.Result(outcome.chosenCandidate(), null).toPlan(instance, 0);
    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
  }
}
