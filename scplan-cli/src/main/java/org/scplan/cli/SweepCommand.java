package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scplan.json.UncertaintyJson;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.scenario.Scenario;
import org.scplan.sweep.NoiseFloor;
import org.scplan.sweep.Sweep;
import org.scplan.sweep.SweepResult;
import org.scplan.sweep.SweepTask;
import org.scplan.sweep.SweepWriter;
import org.scplan.uncertainty.Uncertainty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code scplan sweep [SCENARIO.json] --runs N --threads T [solver options] --uncertainty FILE
 * --out DIR}: a Monte Carlo sweep over the scenario's uncertain inputs.
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
            + " mean, sd, percentiles). Every run starts from the base scenario's plan repaired to"
            + " its sample; beside the summary, the base plan with its gap and the noise floor: the"
            + " spread of --noise-runs solves of the base itself, each with its own solver seed and"
            + " started from the base plan as the runs are (or from no plan with"
            + " --noise-from-scratch), below which a difference between runs is the search's, not"
            + " the samples'. With no limit given, each run stops at a"
            + " deterministic limit (the same answer under any load); --workers is per run"
            + " (default 1).")
final class SweepCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ParentCommand ScplanCommand parent;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO.json",
      description = "Base scenario file (default: the embedded notional theater).")
  Path scenarioFile;

  @Option(
      names = "--runs",
      paramLabel = "N",
      converter = OptionValues.PositiveCount.class,
      defaultValue = "100",
      description = "Number of samples (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--threads",
      paramLabel = "T",
      converter = OptionValues.PositiveCount.class,
      description = "Runs in parallel, one solver worker each (default: processors).")
  Integer threads;

  /** The sweep's seed when {@code --seed} is not given (samples and solver). */
  static final long DEFAULT_SEED = 1;

  @Mixin SolverOptions solver;

  @Option(
      names = "--noise-runs",
      paramLabel = "N",
      converter = OptionValues.Count.class,
      defaultValue = "10",
      description =
          "Solves of the base scenario with no uncertainty, solver seeds seed..seed+N-1, whose"
              + " spread is the noise floor printed beside the summary (and in summary.json); 0"
              + " skips it (default:"
              + " ${DEFAULT-VALUE}).")
  int noiseRuns;

  @Option(
      names = "--noise-from-scratch",
      description =
          "Start the noise floor's solves from no plan instead of the base plan: the spread of"
              + " independent searches (what two unshared solves differ by) rather than the spread"
              + " the search adds to this sweep's runs, which all start from the base plan.")
  boolean noiseFromScratch;

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

  @Override
  public Integer call() {
    Uncertainty uncertainty =
        uncertaintyFile == null ? Uncertainty.defaults() : UncertaintyJson.read(uncertaintyFile);
    Scenario scenario = ScenarioSource.load(scenarioFile);
    int poolThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    AllocatorConfig config = solver.oneWorkerConfig(DEFAULT_SEED);
    SweepTask task = SweepTask.of(scenario, uncertainty, config.seed(), config.solver());
    boolean quiet = solver.quiet;
    PrintWriter err = spec.commandLine().getErr();
    // The progress line redraws itself with carriage returns, so it goes around TerminalSafeWriter;
    // it prints numbers and a status only.
    PrintWriter progressErr = parent == null ? err : parent.progressErr;
    long start = System.nanoTime();
    Sweep.Progress progress =
        quiet
            ? Sweep.Progress.NONE
            : (completed, total, run) -> {
              double seconds = (System.nanoTime() - start) / 1e9;
              synchronized (progressErr) {
                progressErr.printf(
                    Locale.ROOT,
                    "\r  %d/%d runs  %.1f s  %.2f runs/s  last: run %d risk reduced %.2f (%s)   ",
                    completed,
                    total,
                    seconds,
                    completed / seconds,
                    run.runIndex(),
                    run.riskReduced(),
                    run.status());
                progressErr.flush();
              }
            };
    if (!quiet) {
      err.printf(
          "Sweeping %s: %d runs on %d threads ...%n",
          ScenarioSource.describe(scenarioFile), runs, poolThreads);
    }
    try (Interruption interruption = Interruption.onCtrlC(err)) {
      return interruption
          .solve(
              () ->
                  Sweep.run(
                      scenario,
                      task,
                      runs,
                      NoiseFloor.of(noiseRuns, noiseFromScratch),
                      poolThreads,
                      progress))
          .map(result -> interruption.write(() -> writeAndPrint(result, task, config, poolThreads)))
          .orElseGet(interruption::exitCode);
    }
  }

  private int writeAndPrint(
      SweepResult result, SweepTask task, AllocatorConfig config, int poolThreads) {
    if (!solver.quiet) {
      spec.commandLine().getErr().println();
    }
    long seed = config.seed();
    SweepWriter.write(result, task.metadata(), out);
    SweepResult.Distribution risk = result.riskReduced();
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
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
    stdout.print(result.describeNoiseFloor(seed).replace("\n", System.lineSeparator()));
    stdout.printf("Solved with a %s%n", SolverOptions.describeLimit(config));
    stdout.flush();
    return 0;
  }
}
