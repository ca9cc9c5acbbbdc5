package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scplan.json.UncertaintyJson;
import org.scplan.scenario.Scenario;
import org.scplan.sweep.Sweep;
import org.scplan.sweep.SweepResult;
import org.scplan.sweep.SweepTask;
import org.scplan.sweep.SweepWriter;
import org.scplan.uncertainty.Uncertainty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scplan sweep [SCENARIO.json] --runs N --threads T --seed S --time-limit D --uncertainty
 * FILE --out DIR}: a Monte Carlo sweep over the scenario's uncertain inputs.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description =
        "Monte Carlo sweep: samples cost overruns, risk scores, propensities and appropriation cuts"
            + " (the defaults, or the distributions of --uncertainty; see docs/MODEL.md), allocates"
            + " each sample with one solver worker on a thread pool, and writes runs.csv (a run"
            + " without a plan with its status and message), options.csv (share of runs funding"
            + " each option) and summary.json (run metadata with the uncertainty; risk reduced:"
            + " mean, sd, percentiles).")
final class SweepCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO.json",
      description = "Base scenario file (default: the embedded notional theater).")
  Path scenarioFile;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "100",
      description = "Number of samples (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Runs in parallel, one solver worker each (default: processors).")
  Integer threads;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "Sweep seed; run i's sample depends on (seed, i) only (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--time-limit",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "10s",
      description = "Wall-clock limit per run (default: ${DEFAULT-VALUE}).")
  Duration timeLimit;

  @Option(
      names = "--deterministic-limit",
      paramLabel = "UNITS",
      description =
          "CP-SAT deterministic time limit per run; set it below the wall-clock limit for a sweep that is reproducible whatever the load.")
  Double deterministicLimit;

  @Option(
      names = "--uncertainty",
      paramLabel = "FILE",
      description =
          "Uncertainty file (JSON, schema/uncertainty.schema.json): each input's distribution or"
              + " off (default: the built-in distributions, examples/uncertainty-default.json).")
  Path uncertaintyFile;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory for runs.csv, options.csv and summary.json.")
  Path out;

  @Option(names = "--quiet", description = "Do not show progress on the terminal.")
  boolean quiet;

  @Override
  public Integer call() {
    if (runs < 1 || (threads != null && threads < 1)) {
      spec.commandLine().getErr().println("scplan sweep: --runs and --threads must be at least 1");
      return ScplanCommand.USAGE;
    }
    Uncertainty uncertainty =
        uncertaintyFile == null ? Uncertainty.defaults() : UncertaintyJson.read(uncertaintyFile);
    Scenario scenario = ScenarioSource.load(scenarioFile);
    int poolThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    SweepTask task = SweepTask.of(scenario, uncertainty, seed, timeLimit, deterministicLimit);
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    Sweep.Progress progress =
        quiet
            ? Sweep.Progress.NONE
            : (completed, total, run) -> {
              double seconds = (System.nanoTime() - start) / 1e9;
              synchronized (err) {
                err.printf(
                    Locale.ROOT,
                    "\r  %d/%d runs  %.1f s  %.2f runs/s  last: run %d risk reduced %.2f (%s)   ",
                    completed,
                    total,
                    seconds,
                    completed / seconds,
                    run.runIndex(),
                    run.riskReduced(),
                    run.status());
                err.flush();
              }
            };
    if (!quiet) {
      err.printf(
          "Sweeping %s: %d runs on %d threads ...%n",
          ScenarioSource.describe(scenarioFile), runs, poolThreads);
    }
    SweepResult result = Sweep.run(scenario, task, runs, poolThreads, progress);
    if (!quiet) {
      err.println();
    }
    SweepWriter.write(result, task.metadata(), out);
    SweepResult.Distribution risk = result.riskReduced();
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "%d runs in %.1f s (%.2f runs/s on %d threads), %d without a plan. Risk reduced: mean"
                + " %.2f, sd %.2f, p5 %.2f, median %.2f, p95 %.2f points.%nResults written to %s%n",
            result.runs().size(),
            result.wallTimeSeconds(),
            result.runsPerSecond(),
            poolThreads,
            result.runsWithoutPlan(),
            risk.mean(),
            risk.standardDeviation(),
            risk.p5(),
            risk.median(),
            risk.p95(),
            out);
    return 0;
  }
}
