package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.scplan.json.PlanJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.ProgressListener;
import org.scplan.plan.Plan;
import org.scplan.report.PlanReport;
import org.scplan.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code scplan solve [SCENARIO.json]}: allocates, prints the summary, optionally writes the plan.
 */
@Command(
    name = "solve",
    mixinStandardHelpOptions = true,
    description =
        "Allocates program money to solution options and prints a summary. With no file, solves the embedded notional theater.")
final class SolveCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ParentCommand ScplanCommand parent;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO.json",
      description = "Scenario file (default: the embedded notional theater).")
  Path scenarioFile;

  @Option(
      names = "--out",
      paramLabel = "PLAN.json",
      description = "Write the plan as JSON to this file (atomically).")
  Path out;

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

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write the self-contained HTML report of the plan here.")
  Path html;

  @Option(
      names = "--md",
      paramLabel = "FILE",
      description = "Also write the Markdown report of the plan here.")
  Path markdown;

  @Option(
      names = "--cscs-dir",
      paramLabel = "DIR",
      description = "Also write one CSCS draft per partner into this directory.")
  Path cscsDirectory;

  @Option(
      names = "--quiet",
      description =
          "Do not show solver progress (incumbent, bound, gap, elapsed) on standard error; by default"
              + " it is a live line on a terminal and a line a second otherwise.")
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
    if (!quiet) {
      err.printf("Solving %s ...%n", ScenarioSource.describe(scenarioFile));
      err.flush();
    }
    Plan plan;
    if (quiet) {
      plan = Allocator.create(config.build()).allocate(scenario, ProgressListener.NONE);
    } else {
      try (ProgressLine progress = new ProgressLine(err, parent != null && parent.liveProgress)) {
        plan = Allocator.create(config.build()).allocate(scenario, progress);
      }
    }
    if (out != null) {
      PlanJson.write(noTimings ? plan.withoutTimings() : plan, out);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(PlanSummary.format(scenario, plan));
    if (out != null) {
      stdout.printf("Plan written to %s%n", out);
    }
    if (ReportFiles.requested(html, markdown, cscsDirectory)) {
      ReportFiles.write(PlanReport.of(scenario, plan), html, markdown, cscsDirectory, stdout);
    }
    stdout.flush();
    return 0;
  }
}
