package org.scplan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;
import org.scplan.testing.Shrinker;

/**
 * {@link GreedySearch#netObjective(AllocationInstance, int[])}, scored from the engine's arrays,
 * equals the net objective of the plan {@link org.scplan.plan.PlanAssembler} assembles from the
 * same choice, to the last bit: for the greedy plan and for random choices (which overdraw
 * appropriations and break limits, so the draws' overdraft path is scored too), on random tiny
 * scenarios, generated theaters and the embedded theater. A failing seed is shrunk to a minimal
 * scenario.
 */
class NetObjectiveTest {
  private static final int RANDOM_CHOICES = 8;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  static LongStream moreSeeds() {
    return LongStream.rangeClosed(41, 400);
  }

  @ParameterizedTest(name = "tiny seed {0}")
  @MethodSource("seeds")
  void directScore_equalsTheAssembledPlans_onTinyScenarios(long seed) {
    holds(RandomScenarios.tiny(seed), seed);
  }

  @ParameterizedTest(name = "generated, seed {0}")
  @MethodSource("seeds")
  void directScore_equalsTheAssembledPlans_onGeneratedTheaters(long seed) {
    holds(ScenarioGenerator.generate(GeneratorConfig.ofPartners(2 + (int) (seed % 6), seed)), seed);
  }

  @org.junit.jupiter.api.Test
  void directScore_equalsTheAssembledPlans_onTheEmbeddedTheater() {
    holds(NotionalTheater.scenario(), 0);
  }

  @Tag("slow")
  @ParameterizedTest(name = "tiny seed {0}")
  @MethodSource("moreSeeds")
  void directScore_equalsTheAssembledPlans_onMoreTinyScenarios(long seed) {
    holds(RandomScenarios.tiny(seed), seed);
  }

  private static void holds(Scenario scenario, long seed) {
    String failure = failure(scenario, seed);
    if (failure != null) {
      Scenario shrunk = Shrinker.shrink(scenario, s -> failure(s, seed) != null);
      fail(Shrinker.report("direct net objective", seed, shrunk) + "\n" + failure(shrunk, seed));
    }
  }

  /** Null when every choice scores the same both ways, else the first that does not. */
  private static String failure(Scenario scenario, long seed) {
    AllocationInstance instance = Preparation.prepare(scenario);
    GreedySearch.Result greedy = GreedySearch.run(instance);
    if (greedy.found()) {
      String greedyFailure = compare(instance, greedy.chosenCandidate(), "greedy");
      if (greedyFailure != null) {
        return greedyFailure;
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = 0; t < RANDOM_CHOICES; t++) {
      int[] chosen = new int[instance.options.length];
      double funded = random.nextDouble();
      for (int o = 0; o < chosen.length; o++) {
        int count = instance.candidates[o].length;
        chosen[o] = count > 0 && random.nextDouble() < funded ? random.nextInt(count) : -1;
      }
      String randomFailure = compare(instance, chosen, "random choice " + t);
      if (randomFailure != null) {
        return randomFailure;
      }
    }
    return null;
  }

  private static String compare(AllocationInstance instance, int[] chosen, String what) {
    double direct = GreedySearch.netObjective(instance, chosen);
    double assembled =
        GreedySearch.netObjective(
            instance, new GreedySearch.Result(chosen, null).toPlan(instance, 0));
    return Double.compare(direct, assembled) == 0
        ? null
        : what + ": direct " + direct + " points, assembled plan " + assembled;
  }

  @org.junit.jupiter.api.Test
  void directScore_countsLapse_whenNothingIsFunded() {
    AllocationInstance instance = Preparation.prepare(NotionalTheater.scenario());
    int[] nothing = new int[instance.options.length];
    java.util.Arrays.fill(nothing, -1);

    double score = GreedySearch.netObjective(instance, nothing);

    assertThat(score)
        .isEqualTo(
            GreedySearch.netObjective(
                instance, new GreedySearch.Result(nothing, null).toPlan(instance, 0)))
        .isNegative();
  }
}
