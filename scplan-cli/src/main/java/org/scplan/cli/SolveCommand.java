package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scplan.assessment.ExecutionReplan;
import org.scplan.assessment.ExecutionReplanning;
import org.scplan.csv.PlanCsv;
import org.scplan.json.PlanJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanStatus;
import org.scplan.report.PlanReport;
import org.scplan.scenario.Scenario;
import org.scplan.support.AtomicFiles;
import org.scplan.time.Deadline;
import org.scplan.whatif.ReplanOutcome;
import org.scplan.whatif.Replanning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code scplan solve [SCENARIO]}: allocates, prints the summary, optionally writes the plan as
 * JSON and as CSV tables; with {@code --previous PLAN.json --current-fy FY}, re-plans and prints
 * the churn as well; with {@code --execution EXECUTION} besides, re-plans from the previous plan's
 * execution and prints what the execution and its assessment changed.
 */
@Command(
    name = "solve",
    mixinStandardHelpOptions = true,
    description =
        "Allocates program money to solution options and prints a summary. With no file, solves the"
            + " embedded notional theater. Exits 1 when the scenario is invalid or no plan satisfies"
            + " its rules (INFEASIBLE), 2 for a bad command line.")
final class SolveCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ParentCommand ScplanCommand parent;

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

  @Mixin SolverOptions solver;

  @Option(
      names = "--previous",
      paramLabel = "PLAN.json",
      description =
          "Re-plan from this previous plan: its options starting before --current-fy are obligated and"
              + " locked, nothing new starts before it, and each planned option moved or dropped costs"
              + " --stability-penalty points.")
  Path previous;

  @Option(
      names = "--execution",
      paramLabel = "EXECUTION",
      description =
          "With --previous: re-plan from this execution record of the previous plan (a .json file,"
              + " or a folder or .zip of CSV files): what was obligated is locked, delayed activities"
              + " re-timed, cancelled ones freed, lagging options' closure scaled by their assessed"
              + " effectiveness (docs/MODEL.md §10). --current-fy must follow the record's last FY.")
  Path execution;

  @Option(
      names = "--current-fy",
      paramLabel = "FY",
      description = "The fiscal year of re-planning (with --previous), e.g. 2028.")
  Integer currentFiscalYear;

  @Option(
      names = "--stability-penalty",
      paramLabel = "POINTS",
      defaultValue = "1.0",
      description =
          "Weighted risk points charged per planned option moved or dropped when re-planning"
              + " (default: ${DEFAULT-VALUE}).")
  double stabilityPenalty;

  @Option(
      names = "--money-resolution",
      paramLabel = "DOLLARS",
      description =
          "Dollars per money unit inside the model, overriding the scenario's"
              + " policy.moneyResolutionDollars (1: exact dollars). Coarser solves faster; the"
              + " plan is then optimal at that resolution, and the fill pass funds in exact"
              + " dollars what rounding left out.")
  Long moneyResolution;

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
      names = "--no-timings",
      description =
          "Write the plan with wall times zeroed, so identical runs give identical files.")
  boolean noTimings;

  @Override
  public Integer call() {
    if ((previous == null) != (currentFiscalYear == null)) {
      throw new ParameterException(
          spec.commandLine(), "--previous and --current-fy go together: give both or neither.");
    }
    if (execution != null && previous == null) {
      throw new ParameterException(
          spec.commandLine(), "--execution needs --previous, the plan that was executed.");
    }
    if (!(stabilityPenalty >= 0) || Double.isInfinite(stabilityPenalty)) {
      throw new ParameterException(
          spec.commandLine(),
          "--stability-penalty must be a finite number of points ≥ 0, but was " + stabilityPenalty);
    }
    if (moneyResolution != null && moneyResolution < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--money-resolution must be a whole number of dollars ≥ 1, but was " + moneyResolution);
    }
    AtomicFiles.requireReplaceable(out, html, markdown);
    if (csvOut != null) {
      AtomicFiles.requireReplaceable(PlanCsv.files(csvOut));
    }
    AllocatorConfig config = solver.config();
    // The limit counts from the start of the process, reading the scenario included: it is the
    // user's whole wait.
    Deadline deadline =
        parent == null
            ? Deadline.after(config.timeLimit())
            : Deadline.since(parent.startedNanos, config.timeLimit());
    PrintWriter err = spec.commandLine().getErr();
    try (Interruption interruption =
        Interruption.install(err, deadline, parent != null && parent.standalone)) {
      Scenario scenario = atResolution(ScenarioSource.load(scenarioFile));
      if (!solver.quiet) {
        err.printf(
            "%s %s ...%n",
            previous == null ? "Solving" : "Re-planning", ScenarioSource.describe(scenarioFile));
        // The budget steers the solver; the heap is the JVM's (or the heap governor's) to bound.
        long heap = parent == null ? Runtime.getRuntime().maxMemory() : parent.heapBytes;
        if (config.maxMemory() != null && heap > config.maxMemory()) {
          err.printf(
              Locale.ROOT,
              "Note: the JVM's heap may grow to %d MiB, beyond --max-memory; maybe run java"
                  + " -Xmx%dm -jar scplan.jar (docs/BENCHMARKS.md, memory).%n",
              heap >> 20,
              Math.max(64, (config.maxMemory() >> 20) / 2));
        }
        err.flush();
      }
      Allocator allocator = Allocator.create(config);
      ReplanOutcome replan = null;
      ExecutionReplan fromExecution = null;
      Plan plan;
      Deadline budget =
          interruption.bound(deadline.before(SolverOptions.finishingReserve(scenario, config)));
      try (ProgressLine progress =
          solver.quiet
              ? null
              : parent == null
                  ? new ProgressLine(err, false)
                  : new ProgressLine(parent.progressErr, parent.liveProgress)) {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        if (previous == null) {
          plan = allocator.allocate(scenario, listener, budget);
        } else if (execution != null) {
          Plan executed = PlanJson.read(previous);
          ExecutionReplanning replanning =
              new ExecutionReplanning(
                  executed,
                  ExecutionSource.load(execution, scenario, executed),
                  currentFiscalYear,
                  stabilityPenalty);
          Scenario given = scenario;
          ExecutionReplanning.Setup setup =
              ExecutionSource.checked(execution, () -> replanning.prepare(given));
          fromExecution =
              replanning.finish(
                  setup, allocator.replan(setup.scenario(), setup.replanning(), listener, budget));
          replan = fromExecution.outcome();
          plan = replan.plan();
          scenario = replan.scenario();
        } else {
          replan =
              allocator.replan(
                  scenario,
                  new Replanning(PlanJson.read(previous), currentFiscalYear, stabilityPenalty),
                  listener,
                  budget);
          plan = replan.plan();
          scenario = replan.scenario();
        }
      }
      Scenario solved = scenario;
      ReplanOutcome replanned = replan;
      ExecutionReplan executed = fromExecution;
      return interruption.write(() -> writeAndPrint(solved, plan, replanned, executed));
    }
  }

  private int writeAndPrint(
      Scenario scenario, Plan plan, ReplanOutcome replan, ExecutionReplan fromExecution) {
    Plan written = noTimings ? plan.withoutTimings() : plan;
    if (out != null) {
      PlanJson.write(written, out);
    }
    if (csvOut != null) {
      PlanCsv.write(written, csvOut);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(PlanSummary.format(scenario, plan));
    if (replan != null) {
      stdout.print(DiffReport.churn(replan));
    }
    if (fromExecution != null) {
      stdout.print(DiffReport.adjustments(fromExecution));
    }
    if (out != null) {
      stdout.printf("Plan written to %s%n", out);
    }
    if (csvOut != null) {
      stdout.printf("Plan tables written to %s%n", csvOut);
    }
    if (ReportFiles.requested(html, markdown, cscsDirectory)) {
      ReportFiles.write(
          PlanReport.of(scenario, plan),
          fromExecution == null ? null : fromExecution.assessment(),
          fromExecution == null ? List.of() : fromExecution.adjustments(),
          html,
          markdown,
          cscsDirectory,
          stdout);
    }
    stdout.flush();
    if (plan.status() == PlanStatus.INFEASIBLE) {
      spec.commandLine()
          .getErr()
          .println(
              "No plan satisfies the scenario's rules (status INFEASIBLE). Maybe run scplan explain to"
                  + " see which rules conflict.");
      return ScplanCommand.INVALID_INPUT;
    }
    return 0;
  }

  private Scenario atResolution(Scenario scenario) {
    return moneyResolution == null
        ? scenario
        : scenario.toBuilder()
            .policy(scenario.policy().toBuilder().moneyResolutionDollars(moneyResolution).build())
            .build();
  }
}
