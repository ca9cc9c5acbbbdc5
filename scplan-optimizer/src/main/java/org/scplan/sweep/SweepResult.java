package org.scplan.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;

/**
 * The summary of a sweep: per option the share of runs that funded it, the distribution of risk
 * reduced over the runs, and beside it the noise floor: the distribution of risk reduced over
 * solves of the base scenario itself, each with its own solver seed, which is the search's own
 * spread (a difference between runs smaller than it is not the samples' doing). The shares and the
 * distribution count only the runs that gave a plan ({@link RunResult#hasPlan()}); the others are
 * in {@link #runs()} with their status and message.
 *
 * @param scenarioId the base scenario
 * @param seed the sweep seed
 * @param runs the runs, in run-index order
 * @param fundedShareByOption per option id (scenario order), the share of the runs with a plan
 *     funding it, 0–1
 * @param riskReduced distribution of risk reduced over the runs with a plan, in weighted risk
 *     points
 * @param wallTimeSeconds seconds the whole sweep took
 * @param threads threads of the pool
 * @param noiseFloor distribution of risk reduced over the noise floor's runs, in weighted risk
 *     points (count 0: not measured)
 */
public record SweepResult(
    String scenarioId,
    long seed,
    List<RunResult> runs,
    Map<String, Double> fundedShareByOption,
    Distribution riskReduced,
    double wallTimeSeconds,
    int threads,
    Distribution noiseFloor) {

  public SweepResult {
    runs = List.copyOf(runs);
    fundedShareByOption =
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fundedShareByOption));
  }

  /** Runs that ended without a plan (invalid sample, solver failure, no plan within the limit). */
  public long runsWithoutPlan() {
    return runs.stream().filter(run -> !run.hasPlan()).count();
  }

  /** Runs completed per second of wall time. */
  public double runsPerSecond() {
    return wallTimeSeconds <= 0 ? 0 : runs.size() / wallTimeSeconds;
  }

  /** Summarises {@code runs} (in run-index order) of sweeping {@code base}, with no noise floor. */
  public static SweepResult summarise(
      Scenario base, long seed, List<RunResult> runs, double wallTimeSeconds, int threads) {
    return summarise(base, seed, runs, List.of(), wallTimeSeconds, threads);
  }

  /**
   * Summarises {@code runs} (in run-index order) of sweeping {@code base}, with the noise floor of
   * {@code noiseRuns} (solves of the base scenario itself, each with its own solver seed).
   */
  public static SweepResult summarise(
      Scenario base,
      long seed,
      List<RunResult> runs,
      List<RunResult> noiseRuns,
      double wallTimeSeconds,
      int threads) {
    Map<String, Integer> fundedCounts = new LinkedHashMap<>();
    for (SolutionOption option : base.options()) {
      fundedCounts.put(option.id(), 0);
    }
    List<RunResult> planned = runs.stream().filter(RunResult::hasPlan).toList();
    double[] values = new double[planned.size()];
    for (int i = 0; i < planned.size(); i++) {
      RunResult run = planned.get(i);
      values[i] = run.riskReduced();
      for (String id : run.fundedOptionIds()) {
        fundedCounts.merge(id, 1, Integer::sum);
      }
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    fundedCounts.forEach(
        (id, count) -> shares.put(id, planned.isEmpty() ? 0.0 : (double) count / planned.size()));
    return new SweepResult(
        base.id(),
        seed,
        runs,
        shares,
        Distribution.of(values),
        wallTimeSeconds,
        threads,
        Distribution.of(noiseRuns.stream().mapToDouble(RunResult::riskReduced).toArray()));
  }

  /**
   * Summary statistics of a sample, in the sample's unit.
   *
   * @param count sample size
   * @param mean arithmetic mean
   * @param standardDeviation sample standard deviation (n − 1), 0 for fewer than two values
   * @param minimum smallest value
   * @param p5 5th percentile
   * @param p25 25th percentile
   * @param median 50th percentile
   * @param p75 75th percentile
   * @param p95 95th percentile
   * @param maximum largest value
   */
  public record Distribution(
      int count,
      double mean,
      double standardDeviation,
      double minimum,
      double p5,
      double p25,
      double median,
      double p75,
      double p95,
      double maximum) {

    /** Standard deviation over mean, 0–1 (0 when the mean is 0): the spread as a share. */
    public double coefficientOfVariation() {
      return mean == 0 ? 0 : standardDeviation / Math.abs(mean);
    }

    /** Statistics of {@code values}; percentiles interpolate linearly between order statistics. */
    public static Distribution of(double[] values) {
      if (values.length == 0) {
        return new Distribution(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      double sum = 0;
      for (double value : sorted) {
        sum += value;
      }
      double mean = sum / sorted.length;
      double squares = 0;
      for (double value : sorted) {
        squares += (value - mean) * (value - mean);
      }
      double sd = sorted.length < 2 ? 0 : Math.sqrt(squares / (sorted.length - 1));
      return new Distribution(
          sorted.length,
          mean,
          sd,
          sorted[0],
          percentile(sorted, 0.05),
          percentile(sorted, 0.25),
          percentile(sorted, 0.50),
          percentile(sorted, 0.75),
          percentile(sorted, 0.95),
          sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double fraction) {
      double position = fraction * (sorted.length - 1);
      int below = (int) Math.floor(position);
      int above = Math.min(sorted.length - 1, below + 1);
      return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
  }

  /** The runs with wall times zeroed, for comparing identical sweeps. */
  public List<RunResult> runsWithoutTimings() {
    List<RunResult> copies = new ArrayList<>(runs.size());
    runs.forEach(r -> copies.add(r.withoutTimings()));
    return copies;
  }
}
