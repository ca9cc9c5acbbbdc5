package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scplan.json.PlanJson;
import org.scplan.json.ScenarioDeltaJson;
import org.scplan.json.ScenarioJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.whatif.WhatIf;
import org.scplan.optimizer.whatif.WhatIfJson;
import org.scplan.scenario.Scenario;
import org.scplan.whatif.Difference;
import org.scplan.whatif.ScenarioDelta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scplan whatif BASE.json DELTA.json}: solves the base scenario and the scenario changed by
 * the delta, sharing plans between the two solves, and prints the diff of the two plans, then the
 * difference of their net objectives with the interval the bounds allow and its verdict.
 */
@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    description =
        "Applies a scenario delta (JSON) to a scenario, solves both, and prints what changed: options"
            + " added, cut, moved or re-programmed, risk by partner and combatant command, money by"
            + " program and fiscal year; then the change of net objective with the interval the"
            + " solvers' bounds allow and whether it is proven. The changed solve starts from the"
            + " base plan (and the base is re-solved from the changed plan when that does better),"
            + " so the diff shows the change, not the search's luck. With no limit given, each"
            + " solve stops at a deterministic limit with one worker: the same answer under any"
            + " load.")
final class WhatIfCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "BASE.json",
      description = "Base scenario file, or '-' for the embedded notional theater.")
  String baseFile;

  @Parameters(index = "1", paramLabel = "DELTA.json", description = "Scenario delta file.")
  Path deltaFile;

  @Option(
      names = "--out",
      paramLabel = "PLAN.json",
      description = "Write the changed scenario's plan as JSON to this file (atomically).")
  Path out;

  @Option(
      names = "--base-out",
      paramLabel = "PLAN.json",
      description = "Write the base scenario's plan as JSON to this file (atomically).")
  Path baseOut;

  @Option(
      names = "--json-out",
      paramLabel = "COMPARISON.json",
      description =
          "Write the comparison as JSON to this file (atomically): the difference of net objectives"
              + " with its interval and verdict, both bounds, the moved or re-programmed counts and"
              + " the solver settings used.")
  Path jsonOut;

  @Option(
      names = "--no-timings",
      description = "Write plans with wall times zeroed, so identical runs give identical files.")
  boolean noTimings;

  @Mixin SolverOptions solver;

  @Override
  public Integer call() {
    Path basePath = "-".equals(baseFile) ? null : Path.of(baseFile);
    Scenario base = basePath == null ? ScenarioSource.load(null) : ScenarioJson.readValid(basePath);
    ScenarioDelta delta = ScenarioDeltaJson.read(deltaFile);
    PrintWriter err = spec.commandLine().getErr();
    if (!solver.quiet) {
      err.printf(
          "What if %s (%s) on %s ...%n",
          delta.id(),
          delta.description().isEmpty() ? deltaFile : delta.description(),
          ScenarioSource.describe(basePath));
    }
    AllocatorConfig config = solver.comparisonConfig();
    try (Interruption interruption = Interruption.onCtrlC(err)) {
      return interruption
          .solve(
              () ->
                  WhatIf.run(
                      Allocator.create(config),
                      base,
                      delta,
                      deltaFile.toString(),
                      solver.progress(err)))
          .map(result -> interruption.write(() -> writeAndPrint(result, config)))
          .orElseGet(interruption::exitCode);
    }
  }

  private int writeAndPrint(WhatIf.Result result, AllocatorConfig config) {
    if (out != null) {
      PlanJson.write(noTimings ? result.changedPlan().withoutTimings() : result.changedPlan(), out);
    }
    if (baseOut != null) {
      PlanJson.write(noTimings ? result.basePlan().withoutTimings() : result.basePlan(), baseOut);
    }
    if (jsonOut != null) {
      WhatIfJson.write(result, jsonOut);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(
        DiffReport.format(
            result.diff(),
            result.applied().removals(),
            "base plan",
            "plan changed by " + deltaFile.getFileName()));
    stdout.print(comparison(result, config));
    if (out != null) {
      stdout.printf("Changed plan written to %s%n", out);
    }
    if (baseOut != null) {
      stdout.printf("Base plan written to %s%n", baseOut);
    }
    if (jsonOut != null) {
      stdout.printf("Comparison written to %s%n", jsonOut);
    }
    stdout.flush();
    return 0;
  }

  /** The difference of net objectives, its interval and verdict, and how it was solved. */
  static String comparison(WhatIf.Result result, AllocatorConfig config) {
    Difference difference = result.difference();
    StringBuilder text = new StringBuilder("\n");
    text.append(
        String.format(
            Locale.ROOT,
            "Net objective       %,.2f -> %,.2f points (%+,.2f), optima differ by %s: %s%n",
            difference.base(),
            difference.changed(),
            difference.change(),
            difference.interval(),
            difference.words()));
    text.append(
        String.format(
            Locale.ROOT,
            "Moved or re-programmed options drawing on no changed appropriation: %d%n",
            result.movesOffChangedMoney()));
    text.append(
        String.format(
            Locale.ROOT,
            "%d solves from shared plans (the changed scenario from the base plan, then either side"
                + " again while the other's plan improves it); %s%n",
            result.solves(),
            SolverOptions.describeLimit(config)));
    return text.toString();
  }
}
