package org.scplan.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * @param basePlan the base scenario's own solve, the plan every run started from, as a run (index
 *     0), or {@code null} when the runs started from no plan
 * @param noiseStart where the noise floor's solves started
 * @param noiseRunsOnBasePlan how many of the noise floor's solves ended on the base plan's options
 *     and risk reduced ({@link RunResult#sameOutcomeAs}); 0 without a base plan
 */
public record SweepResult(
    String scenarioId,
    long seed,
    List<RunResult> runs,
    Map<String, Double> fundedShareByOption,
    Distribution riskReduced,
    double wallTimeSeconds,
    int threads,
    Distribution noiseFloor,
    RunResult basePlan,
    NoiseFloor.Start noiseStart,
    int noiseRunsOnBasePlan) {

  public SweepResult {
    Objects.requireNonNull(noiseStart, "noiseStart");
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

  /**
   * Summarises {@code runs} (in run-index order) of sweeping {@code base} from no plan, with no
   * noise floor.
   */
  public static SweepResult summarise(
      Scenario base, long seed, List<RunResult> runs, double wallTimeSeconds, int threads) {
    return summarise(
        base, seed, runs, null, NoiseFloor.Start.BASE_PLAN, List.of(), wallTimeSeconds, threads);
  }

  /**
   * Summarises {@code runs} (in run-index order) of sweeping {@code base} from {@code basePlan},
   * with the noise floor of {@code noiseRuns} (solves of the base scenario itself, each with its
   * own solver seed, started as {@code noiseStart} says).
   *
   * @param basePlan the base solve the runs started from, or {@code null}: none
   */
  public static SweepResult summarise(
      Scenario base,
      long seed,
      List<RunResult> runs,
      RunResult basePlan,
      NoiseFloor.Start noiseStart,
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
        Distribution.of(noiseRuns.stream().mapToDouble(RunResult::riskReduced).toArray()),
        basePlan,
        noiseStart,
        basePlan == null
            ? 0
            : (int) noiseRuns.stream().filter(run -> run.sameOutcomeAs(basePlan)).count());
  }

  /**
   * The noise floor in words, for a reader of the summary: its spread, where its solves started,
   * how many ended on the base plan, and what that says about the sweep's runs, each line ended by
   * {@code \n}; "" when it was not measured.
   *
   * @param firstSolverSeed the solver seed of the noise floor's first solve (the {@code i}th used
   *     that plus {@code i})
   */
  public String describeNoiseFloor(long firstSolverSeed) {
    if (noiseFloor.count() == 0) {
      return "";
    }
    int count = noiseFloor.count();
    String seeds =
        count == 1
            ? "seed " + firstSolverSeed
            : "seeds " + firstSolverSeed + "-" + (firstSolverSeed + count - 1);
    StringBuilder text = new StringBuilder();
    if (basePlan != null) {
      text.append(
          String.format(
              Locale.ROOT,
              "Base plan, every run's start: %.2f points (%s%s).\n",
              basePlan.riskReduced(),
              basePlan.status(),
              basePlan.relativeGap() == null
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      ", proven within %.2f%% of the best possible",
                      100 * basePlan.relativeGap())));
    }
    boolean fromBase = noiseStart == NoiseFloor.Start.BASE_PLAN && basePlan != null;
    text.append(
        String.format(
            Locale.ROOT,
            "Noise floor (%d solves of the base %s, solver %s): mean %.2f, sd %.2f points,"
                + " coefficient of variation %.3f%%",
            count,
            fromBase ? "from its plan" : "from no plan",
            seeds,
            noiseFloor.mean(),
            noiseFloor.standardDeviation(),
            100 * noiseFloor.coefficientOfVariation()));
    if (basePlan != null) {
      text.append(
          String.format(
              Locale.ROOT, "; %d of %d ended on the base plan", noiseRunsOnBasePlan, count));
    }
    text.append(".\n");
    if (fromBase && noiseRunsOnBasePlan == count) {
      text.append(
          "  No seed left the base plan at this limit: the runs are repeatable, which does not make"
              + " the base plan converged (see its gap); independent searches differ more (a noise"
              + " floor from no plan measures them).\n");
    } else if (fromBase || basePlan == null) {
      text.append("  A difference between runs below it is the search's, not the samples'.\n");
    } else {
      text.append(
          "  It is what two unshared searches of one scenario differ by; this sweep's runs all"
              + " start from the base plan, so the search adds less to their differences (a noise"
              + " floor from the base plan measures that).\n");
    }
    return text.toString();
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
