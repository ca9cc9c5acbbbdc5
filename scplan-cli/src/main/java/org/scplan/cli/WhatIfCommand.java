package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scplan.json.PlanJson;
import org.scplan.json.ScenarioDeltaJson;
import org.scplan.json.ScenarioJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.whatif.WhatIf;
import org.scplan.scenario.Scenario;
import org.scplan.whatif.ScenarioDelta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scplan whatif BASE.json DELTA.json}: solves the base scenario and the scenario changed by
 * the delta, and prints the diff of the two plans.
 */
@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    description =
        "Applies a scenario delta (JSON) to a scenario, solves both, and prints what changed: options"
            + " added, cut, moved or re-programmed, risk by partner and combatant command, money by"
            + " program and fiscal year.")
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
    WhatIf.Result result =
        WhatIf.run(
            Allocator.create(solver.config()),
            base,
            delta,
            deltaFile.toString(),
            solver.progress(err));
    if (out != null) {
      PlanJson.write(noTimings ? result.changedPlan().withoutTimings() : result.changedPlan(), out);
    }
    if (baseOut != null) {
      PlanJson.write(noTimings ? result.basePlan().withoutTimings() : result.basePlan(), baseOut);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(
        DiffReport.format(
            result.diff(),
            result.applied().removals(),
            "base plan",
            "plan changed by " + deltaFile.getFileName()));
    if (out != null) {
      stdout.printf("Changed plan written to %s%n", out);
    }
    if (baseOut != null) {
      stdout.printf("Base plan written to %s%n", baseOut);
    }
    stdout.flush();
    return 0;
  }
}
