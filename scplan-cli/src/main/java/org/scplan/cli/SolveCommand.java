package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scplan.csv.PlanCsv;
import org.scplan.internal.AtomicFiles;
import org.scplan.json.PlanJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.ProgressListener;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanStatus;
import org.scplan.report.PlanReport;
import org.scplan.scenario.Scenario;
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
 * the churn as well.
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
    if (!(stabilityPenalty >= 0) || Double.isInfinite(stabilityPenalty)) {
      throw new ParameterException(
          spec.commandLine(),
          "--stability-penalty must be a finite number of points ≥ 0, but was " + stabilityPenalty);
    }
    AtomicFiles.requireReplaceable(out, html, markdown);
    if (csvOut != null) {
      AtomicFiles.requireReplaceable(PlanCsv.files(csvOut));
    }
    Scenario scenario = ScenarioSource.load(scenarioFile);
    PrintWriter err = spec.commandLine().getErr();
    if (!solver.quiet) {
      err.printf(
          "%s %s ...%n",
          previous == null ? "Solving" : "Re-planning", ScenarioSource.describe(scenarioFile));
      err.flush();
    }
    Allocator allocator = Allocator.create(solver.config());
    ReplanOutcome replan = null;
    Plan plan;
    try (ProgressLine progress =
        solver.quiet
            ? null
            : parent == null
                ? new ProgressLine(err, false)
                : new ProgressLine(parent.progressErr, parent.liveProgress)) {
      ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
      if (previous == null) {
        plan = allocator.allocate(scenario, listener);
      } else {
        replan =
            allocator.replan(
                scenario,
                new Replanning(PlanJson.read(previous), currentFiscalYear, stabilityPenalty),
                listener);
        plan = replan.plan();
        scenario = replan.scenario();
      }
    }
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
    if (out != null) {
      stdout.printf("Plan written to %s%n", out);
    }
    if (csvOut != null) {
      stdout.printf("Plan tables written to %s%n", csvOut);
    }
    if (ReportFiles.requested(html, markdown, cscsDirectory)) {
      ReportFiles.write(PlanReport.of(scenario, plan), html, markdown, cscsDirectory, stdout);
    }
    stdout.flush();
    if (plan.status() == PlanStatus.INFEASIBLE) {
      err.println(
          "No plan satisfies the scenario's rules (status INFEASIBLE). Maybe run scplan explain to"
              + " see which rules conflict.");
      return ScplanCommand.INVALID_INPUT;
    }
    return 0;
  }
}
