package org.scplan.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.validation.ScenarioValidator;

/**
 * Runs a {@link SweepTask} for run indices 0 to {@code runs − 1} on a fixed thread pool (one solver
 * worker per run) and summarises the results. Results are collected by run index, so they do not
 * depend on thread scheduling.
 */
public final class Sweep {

  /** Called after each completed run, from a pool thread; must be quick and thread-safe. */
  @FunctionalInterface
  public interface Progress {
    /** No progress reporting. */
    Progress NONE = (done, total, run) -> {};

    /**
     * Reports one completed run.
     *
     * @param completed runs completed so far
     * @param total runs in the sweep
     * @param run the run just completed
     */
    void onRunCompleted(int completed, int total, RunResult run);
  }

  private Sweep() {}

  /**
   * Runs {@code runs} samples of {@code base} on {@code threads} threads.
   *
   * @param base the scenario whose inputs are sampled (validated first)
   * @param task the per-run function, made by {@link SweepTask#of} for {@code base}
   * @param runs number of runs, ≥ 1
   * @param threads pool threads, ≥ 1
   * @param progress told of every completed run
   * @return the summary, with runs in index order
   * @throws IllegalStateException when a run cannot solve at all, e.g. the OR-Tools natives are
   *     missing (its cause attached); a run without a plan is a result with its status
   */
  public static SweepResult run(
      Scenario base, SweepTask task, int runs, int threads, Progress progress) {
    if (runs < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "runs and threads must be ≥ 1, were " + runs + ", " + threads);
    }
    ScenarioValidator.validate(base);
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<RunResult> results = runAll(pool, base, task, runs, progress);
      double seconds = (System.nanoTime() - start) / 1e9;
      return SweepResult.summarise(base, task.seed(), results, seconds, threads);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Solves {@code base} once ({@link SweepTask#solveBase}), runs {@code runs} samples each started
   * from that plan repaired to its sample, then the noise floor ({@link
   * SweepTask#noiseFloor(NoiseFloor.Start)}): {@code noise.runs()} solves of the base itself, each
   * with its own solver seed, started from that plan or from none; on {@code threads} threads.
   *
   * @param noise how the noise floor is measured ({@link NoiseFloor#none()}: not at all)
   * @param progress told of every completed run, the noise floor's after the sweep's
   * @return the summary, with runs in index order, the base plan and the noise floor beside them
   * @throws IllegalStateException when a run fails (its cause attached)
   */
  public static SweepResult run(
      Scenario base, SweepTask task, int runs, NoiseFloor noise, int threads, Progress progress) {
    if (runs < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "runs and threads must be ≥ 1, were " + runs + ", " + threads);
    }
    ScenarioValidator.validate(base);
    long start = System.nanoTime();
    Plan basePlan = task.solveBase(base);
    SweepTask shared = task.startingFrom(basePlan);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<RunResult> results = runAll(pool, base, shared, runs, progress);
      List<RunResult> floor =
          runAll(pool, base, shared.noiseFloor(noise.start()), noise.runs(), progress);
      double seconds = (System.nanoTime() - start) / 1e9;
      return SweepResult.summarise(
          base,
          task.seed(),
          results,
          RunResult.of(0, basePlan),
          noise.start(),
          floor,
          seconds,
          threads);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<RunResult> runAll(
      ExecutorService pool, Scenario base, SweepTask task, int runs, Progress progress) {
    AtomicInteger completed = new AtomicInteger();
    try {
      List<Future<RunResult>> futures = new ArrayList<>(runs);
      for (int i = 0; i < runs; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  RunResult result = task.apply(base, index);
                  progress.onRunCompleted(completed.incrementAndGet(), runs, result);
                  return result;
                }));
      }
      List<RunResult> results = new ArrayList<>(runs);
      for (Future<RunResult> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "a sweep run failed: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
