package org.scplan.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.optimizer.settings.SolverSettings;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.uncertainty.Distribution;
import org.scplan.uncertainty.Uncertainty;
import org.scplan.validation.ScenarioValidator;

class SweepTest {
  private static final Scenario BASE =
      ScenarioGenerator.generate(GeneratorConfig.ofPartners(2, 5).withGapsPerPartner(2, 3));

  /** One worker, the seed, deterministic limit 0.2 under a 30-s safety net. */
  private static SolverSettings settings(long seed) {
    return SolverSettings.builder()
        .workers(1)
        .seed(seed)
        .timeLimit(Duration.ofSeconds(30))
        .deterministicTimeLimit(0.2)
        .build();
  }

  private static SweepTask task(long seed) {
    return SweepTask.of(BASE, Uncertainty.defaults(), seed, settings(seed));
  }

  @Test
  void samplesDependOnSeedAndRunIndexOnlyAndStayValid() {
    Scenario first = ScenarioSampler.sample(BASE, Uncertainty.defaults(), 9, 3);
    assertThat(ScenarioSampler.sample(BASE, Uncertainty.defaults(), 9, 3)).isEqualTo(first);
    assertThat(ScenarioSampler.sample(BASE, Uncertainty.defaults(), 9, 4)).isNotEqualTo(first);
    assertThat(ScenarioSampler.sample(BASE, Uncertainty.defaults(), 10, 3)).isNotEqualTo(first);
    assertThat(ScenarioValidator.problems(first)).isEmpty();
    assertThat(first.options().get(0).totalCost()).isNotEqualTo(BASE.options().get(0).totalCost());
    assertThat(ScenarioSampler.sample(BASE, Uncertainty.none(), 9, 3)).isEqualTo(BASE);
  }

  /** One thread or two, the same runs: results are placed by index, samples by (seed, index). */
  @Test
  void sweepIsReproducibleWhateverTheThreadCount() {
    SweepResult one = Sweep.run(BASE, task(11), 6, 1, Sweep.Progress.NONE);
    SweepResult two = Sweep.run(BASE, task(11), 6, 2, Sweep.Progress.NONE);
    assertThat(two.runsWithoutTimings()).isEqualTo(one.runsWithoutTimings());
    assertThat(two.fundedShareByOption()).isEqualTo(one.fundedShareByOption());
    assertThat(one.runs()).extracting(RunResult::runIndex).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(one.fundedShareByOption()).hasSize(BASE.options().size());
    assertThat(one.fundedShareByOption().values())
        .allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
    assertThat(one.fundedShareByOption().values()).anyMatch(s -> s > 0);
    // The samples differ, so the plans' values do too.
    assertThat(one.riskReduced().standardDeviation()).isPositive();
  }

  @Test
  void sharesCountTheRunsFundingEachOption() {
    SweepResult result = Sweep.run(BASE, task(3), 4, 2, Sweep.Progress.NONE);
    for (var entry : result.fundedShareByOption().entrySet()) {
      long funding =
          result.runs().stream().filter(r -> r.fundedOptionIds().contains(entry.getKey())).count();
      assertThat(entry.getValue()).isCloseTo(funding / 4.0, within(1e-12));
    }
  }

  /** The task survives Java serialization (as a Spark closure must) and computes the same. */
  @Test
  void taskIsSerializableAndPure() throws IOException, ClassNotFoundException {
    SweepTask task = task(21);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(task);
    }
    SweepTask copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (SweepTask) in.readObject();
    }
    assertThat(copy).isEqualTo(task);
    assertThat(copy.apply(2).withoutTimings()).isEqualTo(task.apply(BASE, 2).withoutTimings());
  }

  /**
   * Runs from the base plan: every run of a sample the base plan still fits retires at least what
   * that plan does; the noise floor solves the base itself once per solver seed, reproducibly.
   */
  @Test
  void runsFromTheBasePlan_andTheNoiseFloorSolvesTheBasePerSeed() {
    SweepTask task = task(13);
    Plan basePlan = task.solveBase(BASE);
    SweepResult result =
        Sweep.run(BASE, task, 3, NoiseFloor.fromBasePlan(4), 2, Sweep.Progress.NONE);
    SweepResult again =
        Sweep.run(BASE, task, 3, NoiseFloor.fromBasePlan(4), 1, Sweep.Progress.NONE);

    assertThat(result.noiseFloor().count()).isEqualTo(4);
    assertThat(again.noiseFloor()).isEqualTo(result.noiseFloor());
    assertThat(again.runsWithoutTimings()).isEqualTo(result.runsWithoutTimings());
    // The base scenario fits the base plan whole, so no noise run's net objective falls below
    // its; risk reduced can only trade against less lapse, by at most the base plan's lapse.
    double floor =
        basePlan.riskReduced()
            - BASE.policy().lapsePenaltyPointsPerMillion() * basePlan.totals().totalLapsed() / 1e6
            - 1e-6;
    assertThat(result.noiseFloor().minimum()).isGreaterThanOrEqualTo(floor);
    assertThat(result.noiseFloor().coefficientOfVariation()).isBetween(0.0, 1.0);
    RunResult noise =
        task.startingFrom(basePlan).noiseFloor(NoiseFloor.Start.BASE_PLAN).apply(BASE, 2);
    assertThat(noise.riskReduced()).isGreaterThanOrEqualTo(floor);
    assertThat(result.basePlan().withoutTimings())
        .isEqualTo(RunResult.of(0, basePlan).withoutTimings());
    assertThat(result.noiseStart()).isEqualTo(NoiseFloor.Start.BASE_PLAN);
  }

  /**
   * From scratch, each noise solve is the base's own solve with its own seed and no start, even
   * when the sweep's runs start from the base plan.
   */
  @Test
  void aNoiseFloorFromScratch_startsFromNoPlan() {
    SweepTask task = task(13);
    SweepResult scratch =
        Sweep.run(BASE, task, 1, NoiseFloor.fromScratch(3), 1, Sweep.Progress.NONE);

    SweepTask fromBase = task.startingFrom(task.solveBase(BASE));
    assertThat(fromBase.noiseFloor(NoiseFloor.Start.SCRATCH).basePlanJson()).isNull();
    assertThat(fromBase.noiseFloor(NoiseFloor.Start.BASE_PLAN).basePlanJson())
        .isEqualTo(fromBase.basePlanJson());
    double[] expected = new double[3];
    for (int i = 0; i < 3; i++) {
      RunResult alone = SweepTask.of(BASE, Uncertainty.none(), 13, settings(13 + i)).apply(BASE, 0);
      expected[i] = alone.riskReduced();
    }
    assertThat(scratch.noiseStart()).isEqualTo(NoiseFloor.Start.SCRATCH);
    assertThat(scratch.noiseFloor()).isEqualTo(SweepResult.Distribution.of(expected));
  }

  /**
   * The count of noise solves that ended on the base plan, and the words beside the summary: a
   * floor of solves that all stayed on the base plan says the runs are repeatable, not converged.
   */
  @Test
  void theNoiseFloorSaysHowManySolvesStayedOnTheBasePlan_andWhatThatMeans() {
    RunResult base = run(0, 100.0, "a", "b");
    List<RunResult> stayed = List.of(run(0, 100.0, "a", "b"), run(1, 100.0, "a", "b"));
    List<RunResult> moved = List.of(run(0, 100.0, "a", "b"), run(1, 101.5, "a", "c"));

    SweepResult repeatable =
        SweepResult.summarise(
            BASE, 1, List.of(base), base, NoiseFloor.Start.BASE_PLAN, stayed, 1, 1);
    SweepResult spread =
        SweepResult.summarise(
            BASE, 1, List.of(base), base, NoiseFloor.Start.BASE_PLAN, moved, 1, 1);
    SweepResult fromScratch =
        SweepResult.summarise(BASE, 1, List.of(base), base, NoiseFloor.Start.SCRATCH, moved, 1, 1);

    assertThat(repeatable.noiseRunsOnBasePlan()).isEqualTo(2);
    assertThat(spread.noiseRunsOnBasePlan()).isEqualTo(1);
    assertThat(repeatable.describeNoiseFloor(5))
        .contains("Base plan, every run's start: 100.00 points (FEASIBLE, proven within 2.00%")
        .contains("2 solves of the base from its plan, solver seeds 5-6")
        .contains("2 of 2 ended on the base plan")
        .contains("No seed left the base plan")
        .doesNotContain("below it is the search's");
    assertThat(spread.describeNoiseFloor(5))
        .contains("1 of 2 ended on the base plan")
        .contains("A difference between runs below it is the search's, not the samples'.");
    assertThat(fromScratch.describeNoiseFloor(5))
        .contains("2 solves of the base from no plan")
        .contains("two unshared searches");
    assertThat(
            SweepResult.summarise(
                    BASE, 1, List.of(base), base, NoiseFloor.Start.BASE_PLAN, List.of(), 1, 1)
                .describeNoiseFloor(5))
        .isEmpty();
  }

  private static RunResult run(int index, double riskReduced, String... funded) {
    return new RunResult(index, "FEASIBLE", riskReduced, 200, 0.02, List.of(funded), 0.1, "");
  }

  @Test
  void distributionStatistics() {
    SweepResult.Distribution d = SweepResult.Distribution.of(new double[] {4, 1, 3, 2, 5});
    assertThat(d.mean()).isEqualTo(3.0);
    assertThat(d.standardDeviation()).isCloseTo(Math.sqrt(2.5), within(1e-12));
    assertThat(d.median()).isEqualTo(3.0);
    assertThat(d.p25()).isEqualTo(2.0);
    assertThat(d.p5()).isCloseTo(1.2, within(1e-12));
    assertThat(d.minimum()).isEqualTo(1.0);
    assertThat(d.maximum()).isEqualTo(5.0);
  }

  @Test
  void writerWritesRunsOptionsAndSummary(@TempDir Path directory) throws IOException {
    SweepResult result =
        Sweep.run(BASE, task(4), 3, NoiseFloor.fromBasePlan(2), 1, Sweep.Progress.NONE);
    SweepWriter.write(result, task(4).metadata(), directory);
    List<String> runs = Files.readAllLines(directory.resolve("runs.csv"));
    assertThat(runs).hasSize(4);
    assertThat(runs.get(0)).isEqualTo(SweepWriter.RUNS_HEADER);
    assertThat(Files.readAllLines(directory.resolve("options.csv")))
        .hasSize(BASE.options().size() + 1);
    assertThat(Files.readString(directory.resolve("summary.json")))
        .contains("\"runsPerSecond\"", "\"p95\"", "\"fundedShare\"", "\"runsWithoutPlan\"")
        .contains("\"orToolsVersion\"", "\"logNormal\"", "\"deterministicTimeLimit\" : 0.2")
        .contains("\"start\" : \"BASE_PLAN\"", "\"runsOnBasePlan\"", "\"basePlan\"");
  }

  /**
   * Each input has its own stream: switching the others off leaves an input's draws as they were.
   */
  @Test
  void inputsDrawFromTheirOwnStreams_andAnInputThatIsOffKeepsTheBaseValues() {
    Distribution off = new Distribution.Off();
    Uncertainty defaults = Uncertainty.defaults();
    Scenario all = ScenarioSampler.sample(BASE, defaults, 5, 2);
    Scenario costsOnly =
        ScenarioSampler.sample(BASE, new Uncertainty(defaults.costOverrun(), off, off, off), 5, 2);
    Scenario cutsOnly =
        ScenarioSampler.sample(
            BASE, new Uncertainty(off, off, off, defaults.appropriationCut()), 5, 2);
    assertThat(costsOnly.options()).isEqualTo(all.options()).isNotEqualTo(BASE.options());
    assertThat(costsOnly.gaps()).isEqualTo(BASE.gaps());
    assertThat(costsOnly.partners()).isEqualTo(BASE.partners());
    assertThat(costsOnly.programs()).isEqualTo(BASE.programs());
    assertThat(cutsOnly.programs()).isEqualTo(all.programs());
    assertThat(cutsOnly.options()).isEqualTo(BASE.options());
  }

  /**
   * A sample that breaks a rule is a result with its status and message, not an exception (the
   * bounded distributions cannot break one from a valid base, so the base here is invalid: an
   * option listed twice).
   */
  @Test
  void anInvalidSample_isARunWithStatusAndMessage_notAnException() {
    List<org.scplan.scenario.SolutionOption> twice = new java.util.ArrayList<>(BASE.options());
    twice.add(BASE.options().get(0));
    Scenario invalid = BASE.toBuilder().options(twice).build();
    SweepTask task = SweepTask.of(invalid, Uncertainty.defaults(), 1, settings(1));
    RunResult run = task.apply(3);
    assertThat(run.status()).isEqualTo(RunResult.INVALID_SAMPLE);
    assertThat(run.message())
        .startsWith("the sample is invalid: ")
        .contains(BASE.options().get(0).id());
    assertThat(run.hasPlan()).isFalse();
    assertThat(run.runIndex()).isEqualTo(3);
    SweepResult summary = SweepResult.summarise(BASE, 1, List.of(run, task(1).apply(0)), 1, 1);
    assertThat(summary.runsWithoutPlan()).isEqualTo(1);
    assertThat(summary.riskReduced().count()).isEqualTo(1);
  }
}
