package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scplan.csv.PlanCsv;
import org.scplan.json.PlanJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.ProgressListener;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scplan solve [SCENARIO]}: allocates, prints the summary, optionally writes the plan as
 * JSON and as CSV tables.
 */
@Command(
    name = "solve",
    mixinStandardHelpOptions = true,
    description =
        "Allocates program money to solution options and prints a summary. With no file, solves the embedded notional theater.")
final class SolveCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = ScenarioSource.LABEL,
      description = ScenarioSource.DESCRIPTION)
  Path scenarioFile;

  @Option(
      names = "--out",
      paramLabel = "PLAN.json",
      description = "Write the plan as JSON to this file (atomically).")
  Path out;

  @Option(
      names = "--csv-out",
      paramLabel = "DIR",
      description = "Also write the plan as CSV tables into this folder (see docs/CSV.md).")
  Path csvOut;

  @Option(
      names = "--time-limit",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "10s",
      description = "Solver time limit, e.g. 10s, 500ms, 2m (default: ${DEFAULT-VALUE}).")
  Duration timeLimit;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Solver worker threads (default: processors, at most 8).")
  Integer workers;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description = "Solver random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--gap-limit",
      paramLabel = "FRACTION",
      defaultValue = "0",
      description =
          "Stop once the relative gap is at most this, e.g. 0.01 (default: ${DEFAULT-VALUE}, prove optimality).")
  double gapLimit;

  @Option(
      names = "--deterministic-limit",
      paramLabel = "UNITS",
      description =
          "Stop after this much CP-SAT deterministic time (load-independent work units, roughly seconds);"
              + " with --workers 1 and a fixed --seed, runs are reproducible whatever the machine's load.")
  Double deterministicLimit;

  @Option(names = "--quiet", description = "Do not show solver progress on the terminal.")
  boolean quiet;

  @Option(
      names = "--no-timings",
      description =
          "Write the plan with wall times zeroed, so identical runs give identical files.")
  boolean noTimings;

  @Override
  public Integer call() {
    Scenario scenario = ScenarioSource.load(scenarioFile);
    AllocatorConfig.Builder config =
        AllocatorConfig.builder()
            .timeLimit(timeLimit)
            .seed(seed)
            .relativeGapLimit(gapLimit)
            .deterministicTimeLimit(deterministicLimit);
    if (workers != null) {
      config.workers(workers);
    }
    PrintWriter err = spec.commandLine().getErr();
    ProgressListener progress =
        quiet
            ? ProgressListener.NONE
            : event -> {
              if (event.newSolution()) {
                err.printf(
                    Locale.ROOT,
                    "  %6.2fs  plan %.2f points  bound %s  gap %s%n",
                    event.elapsedSeconds(),
                    event.objective(),
                    event.bestBound() == null
                        ? "?"
                        : String.format(Locale.ROOT, "%.2f", event.bestBound()),
                    event.relativeGap() == null
                        ? "?"
                        : String.format(Locale.ROOT, "%.2f%%", 100 * event.relativeGap()));
                err.flush();
              }
            };
    if (!quiet) {
      err.printf("Solving %s ...%n", ScenarioSource.describe(scenarioFile));
    }
    Plan plan = Allocator.create(config.build()).allocate(scenario, progress);
    Plan written = noTimings ? plan.withoutTimings() : plan;
    if (out != null) {
      PlanJson.write(written, out);
    }
    if (csvOut != null) {
      PlanCsv.write(written, csvOut);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(PlanSummary.format(scenario, plan));
    if (out != null) {
      stdout.printf("Plan written to %s%n", out);
    }
    if (csvOut != null) {
      stdout.printf("Plan tables written to %s%n", csvOut);
    }
    stdout.flush();
    return 0;
  }
}
