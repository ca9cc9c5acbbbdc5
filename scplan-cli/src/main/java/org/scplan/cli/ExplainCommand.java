package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scplan.explain.PlanExplanation;
import org.scplan.json.ExplanationJson;
import org.scplan.json.PlanJson;
import org.scplan.optimizer.explain.ExplainListener;
import org.scplan.optimizer.explain.ExplainProgress;
import org.scplan.optimizer.explain.Explainer;
import org.scplan.optimizer.explain.ExplainerConfig;
import org.scplan.optimizer.progress.ProgressEvent;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code scplan explain [SCENARIO.json] [--plan PLAN.json]}: explains a plan (solving first when no
 * plan is given) and prints the readable report; optionally writes the explanation as JSON.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explains a plan: a reason for every unfunded option (naming the binding limit), the"
            + " marginal value of money per program and FY, counterfactuals for the most valuable"
            + " unfunded options, and for an infeasible scenario the smallest conflicting set of"
            + " rules found. Every solve runs with the solver options (one worker unless --workers"
            + " says otherwise; the first solve, when no --plan is given, stops at"
            + " --deterministic-limit, 5 by default); each re-solve stops at --resolve-limit, so"
            + " explanations are reproducible.")
final class ExplainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO.json",
      description = "Scenario file (default: the embedded notional theater).")
  Path scenarioFile;

  @Option(
      names = "--plan",
      paramLabel = "PLAN.json",
      description = "The plan to explain (default: solve first, with the solver options).")
  Path planFile;

  @Option(
      names = "--out",
      paramLabel = "EXPLANATION.json",
      description = "Write the explanation as JSON to this file (atomically).")
  Path out;

  @Option(
      names = "--step",
      paramLabel = "DOLLARS",
      defaultValue = "1000000",
      description = "Money step of the marginal values, in dollars (default: ${DEFAULT-VALUE}).")
  long step;

  @Option(
      names = "--counterfactuals",
      paramLabel = "N",
      converter = OptionValues.Count.class,
      defaultValue = "20",
      description =
          "How many unfunded options to force in, most valuable first (default: ${DEFAULT-VALUE}).")
  int counterfactuals;

  @Option(
      names = "--no-marginal-values",
      description = "Skip the marginal values of money (one re-solve per program and FY).")
  boolean noMarginalValues;

  @Option(
      names = "--resolve-limit",
      paramLabel = "UNITS",
      converter = OptionValues.PositiveUnits.class,
      defaultValue = "1.0",
      description =
          "CP-SAT deterministic time per re-solve (load-independent work units, roughly seconds;"
              + " default: ${DEFAULT-VALUE}).")
  double resolveLimit;

  @Mixin SolverOptions solver;

  @Option(
      names = "--reasons-first",
      description =
          "Print the unfunded options' reasons at once, before the re-solves (the full report with"
              + " the limits' marginal values follows at the end).")
  boolean reasonsFirst;

  @ParentCommand ScplanCommand parent;

  @Override
  public Integer call() {
    ExplainerConfig config;
    try {
      config =
          ExplainerConfig.builder()
              .stepDollars(step)
              .counterfactuals(counterfactuals)
              .marginalValues(!noMarginalValues)
              .deterministicTimeLimit(resolveLimit)
              .allocator(solver.oneWorkerConfig(0))
              .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Scenario scenario = ScenarioSource.load(scenarioFile);
    Plan plan = planFile == null ? null : PlanJson.read(planFile);
    PrintWriter err = spec.commandLine().getErr();
    boolean quiet = solver.quiet;
    if (!quiet) {
      err.printf("Explaining %s ...%n", ScenarioSource.describe(scenarioFile));
      err.flush();
    }
    long started = System.nanoTime();
    Explainer explainer = Explainer.create(config);
    PrintWriter stdout = spec.commandLine().getOut();
    try (Interruption interruption = Interruption.onCtrlC(err)) {
      Optional<PlanExplanation> explanation;
      try (ExplainProgressLine progress =
          new ExplainProgressLine(err, parent != null && parent.liveProgress)) {
        ExplainListener listener =
            event -> {
              if (!quiet) {
                progress.onProgress(event);
              }
              if (reasonsFirst && event.stage() == ExplainProgress.Stage.REASONS) {
                stdout.print("Unfunded options (reasons before the re-solves)\n");
                stdout.print(PlanExplanation.reasonsText(event.reasons(), scenario));
                stdout.println();
                stdout.flush();
              }
            };
        explanation =
            interruption.solve(
                () ->
                    plan == null
                        ? explainer.explain(
                            scenario, quiet ? listener : withSolver(listener, progress))
                        : explainer.explain(scenario, plan, listener));
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return ScplanCommand.INVALID_INPUT;
      }
      if (explanation.isEmpty()) {
        return interruption.exitCode();
      }
      if (!quiet) {
        err.printf("Done in %.1f s of wall time.%n", (System.nanoTime() - started) / 1e9);
      }
      return interruption.write(() -> writeAndPrint(explanation.get(), scenario));
    }
  }

  private int writeAndPrint(PlanExplanation explanation, Scenario scenario) {
    PrintWriter stdout = spec.commandLine().getOut();
    if (out != null) {
      ExplanationJson.write(explanation, out);
    }
    stdout.print(explanation.text(scenario));
    if (out != null) {
      stdout.printf("Explanation written to %s%n", out);
    }
    stdout.flush();
    // An infeasible scenario is an input the planner must change: scripts see exit code 1.
    return explanation.diagnosis() != null && explanation.diagnosis().infeasible()
        ? ScplanCommand.INVALID_INPUT
        : 0;
  }

  /** {@code listener}, with the first solve's progress going to {@code progress}. */
  private static ExplainListener withSolver(
      ExplainListener listener, ExplainProgressLine progress) {
    return new ExplainListener() {
      @Override
      public void onProgress(ExplainProgress event) {
        listener.onProgress(event);
      }

      @Override
      public void onSolverProgress(ProgressEvent event) {
        progress.onSolverProgress(event);
      }
    };
  }
}
