package org.scplan.sweep;

import java.io.Serializable;
import java.util.Objects;
import java.util.function.IntFunction;
import org.scplan.json.PlanJson;
import org.scplan.json.ScenarioJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.progress.NativeLibraryException;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.optimizer.settings.SolverSettings;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.uncertainty.Uncertainty;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.validation.ScenarioValidator;

/**
 * THE per-run function of a sweep, run index to {@link RunResult}, shared by the local {@link
 * Sweep} and the Spark jobs of {@code scplan-spark}: samples the scenario for that index, checks it
 * and allocates it with one solver worker. Pure (its result depends only on its fields and the
 * index, apart from wall times and, with a wall-clock limit only, how far the solver got), so a
 * retried run gives the same result; and {@link Serializable}: the base scenario travels as its
 * JSON text, so the same object can be shipped to Spark executors and used as {@code
 * runIndices.map(task::apply)}. A run that cannot give a plan returns a result saying why; it never
 * throws, except {@link NativeLibraryException} (the machine cannot solve at all).
 *
 * @param scenarioJson the base scenario as written by {@link ScenarioJson#write(Scenario)}
 * @param uncertainty the distributions sampled
 * @param seed the sweep seed; run {@code i} draws from a stream derived from (seed, i) only
 * @param solver the solver settings of every run (seed, limits, workers: one worker each is what a
 *     pool of runs expects); with a deterministic limit below the wall-clock one, a sweep is
 *     reproducible whatever the load
 * @param basePlanJson the base scenario's plan as written by {@link PlanJson#write(Plan)}, or
 *     {@code null}: each run starts from it, repaired to its sample, so that runs differ by what
 *     their samples force rather than by where each search happened to go
 * @param solverSeedPerRun whether run {@code i} solves with its own solver seed ({@code
 *     solver.seed() + i}) rather than {@code solver.seed()}: the noise floor's runs, which differ
 *     by the search alone
 */
public record SweepTask(
    String scenarioJson,
    Uncertainty uncertainty,
    long seed,
    SolverSettings solver,
    String basePlanJson,
    boolean solverSeedPerRun)
    implements IntFunction<RunResult>, Serializable {

  private static final long serialVersionUID = 3L;

  public SweepTask {
    Objects.requireNonNull(scenarioJson, "scenarioJson");
    Objects.requireNonNull(uncertainty, "uncertainty");
    Objects.requireNonNull(solver, "solver");
  }

  /**
   * A task for {@code base} whose runs start from no plan; the scenario is serialized once, here.
   */
  public static SweepTask of(
      Scenario base, Uncertainty uncertainty, long seed, SolverSettings solver) {
    return new SweepTask(ScenarioJson.write(base), uncertainty, seed, solver, null, false);
  }

  /**
   * This task with every run started from {@code basePlan} (a plan of the base scenario, usually
   * {@link #solveBase(Scenario)}'s), repaired to the run's sample.
   */
  public SweepTask startingFrom(Plan basePlan) {
    return new SweepTask(
        scenarioJson, uncertainty, seed, solver, PlanJson.write(basePlan), solverSeedPerRun);
  }

  /**
   * The noise floor of this task: the same solves of the base scenario itself (no uncertainty),
   * each run with its own solver seed, so that their spread is the search's own; started from this
   * task's base plan ({@link NoiseFloor.Start#BASE_PLAN}, as the sweep's runs are) or from no plan
   * ({@link NoiseFloor.Start#SCRATCH}).
   */
  public SweepTask noiseFloor(NoiseFloor.Start start) {
    return new SweepTask(
        scenarioJson,
        Uncertainty.none(),
        seed,
        solver,
        start == NoiseFloor.Start.SCRATCH ? null : basePlanJson,
        true);
  }

  /**
   * Solves {@code base} (the scenario of {@link #scenarioJson()}) with this task's solver settings:
   * the plan every run starts from in {@link #startingFrom(Plan)}.
   */
  public Plan solveBase(Scenario base) {
    return Allocator.create(config(solver.seed())).allocate(base);
  }

  private AllocatorConfig config(long solverSeed) {
    return AllocatorConfig.builder().solver(solver).seed(solverSeed).build();
  }

  /** Runs sample {@code runIndex} with the base scenario parsed from {@link #scenarioJson()}. */
  @Override
  public RunResult apply(int runIndex) {
    return apply(base(), runIndex);
  }

  /** The base scenario, parsed from {@link #scenarioJson()}. */
  public Scenario base() {
    return ScenarioJson.read(scenarioJson, "sweep base scenario");
  }

  /**
   * Runs sample {@code runIndex} of {@code base}, which must be the scenario of {@link
   * #scenarioJson()} (lets a caller parse the base scenario once for many runs).
   */
  public RunResult apply(Scenario base, int runIndex) {
    long start = System.nanoTime();
    Scenario sample;
    try {
      sample = ScenarioSampler.sample(base, uncertainty, seed, runIndex);
      ScenarioValidator.validate(sample);
    } catch (ScenarioValidationException | IllegalArgumentException e) {
      return RunResult.failed(
          runIndex, RunResult.INVALID_SAMPLE, "the sample is invalid: " + e.getMessage(), 0);
    }
    Plan plan;
    try {
      Allocator allocator =
          Allocator.create(config(solverSeedPerRun ? solver.seed() + runIndex : solver.seed()));
      plan =
          basePlanJson == null
              ? allocator.allocate(sample)
              : allocator.allocate(
                  sample, PlanJson.read(basePlanJson, "sweep base plan"), ProgressListener.NONE);
    } catch (NativeLibraryException e) {
      throw e;
    } catch (RuntimeException e) {
      return RunResult.failed(
          runIndex,
          RunResult.SOLVER_FAILURE,
          "the solve failed: " + e,
          (System.nanoTime() - start) / 1e9);
    }
    return RunResult.of(runIndex, plan);
  }

  /**
   * The allocator configuration of the runs: {@link #solver()} (with {@link #solverSeedPerRun()},
   * run {@code i} solves with seed {@code solver.seed() + i}).
   */
  public AllocatorConfig config() {
    return config(solver.seed());
  }

  /** What a reader of the results needs to reproduce them: versions, seed, limits, uncertainty. */
  public RunMetadata metadata() {
    return RunMetadata.of(seed, solver, uncertainty);
  }
}
