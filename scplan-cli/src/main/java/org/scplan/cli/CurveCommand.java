package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scplan.json.BudgetCurveJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.whatif.BudgetSweep;
import org.scplan.scenario.Scenario;
import org.scplan.support.AtomicFiles;
import org.scplan.whatif.BudgetCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scplan curve [SCENARIO.json] --from 0.5 --to 1.5 --step 0.1}: risk reduced as a function
 * of a multiplier on every appropriation, as a table, and as CSV or JSON with {@code --out}.
 */
@Command(
    name = "curve",
    mixinStandardHelpOptions = true,
    description =
        "Solves the scenario with every appropriation multiplied by --from, --from + --step, ..."
            + " --to and prints risk reduced against money, each point started from the previous"
            + " point's plan (so the net objective never falls by more than the lapse penalty of"
            + " the added money), with its gap; '*' marks a point whose gap exceeds its step's"
            + " effect. With no limit given, each solve stops at a deterministic limit with one"
            + " worker. With no file, sweeps the embedded notional theater.")
final class CurveCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO.json",
      description = "Scenario file (default: the embedded notional theater).")
  Path scenarioFile;

  @Option(
      names = "--from",
      defaultValue = "0.5",
      description = "First multiplier (default: ${DEFAULT-VALUE}).")
  double from;

  @Option(
      names = "--to",
      defaultValue = "1.5",
      description = "Last multiplier, included (default: ${DEFAULT-VALUE}).")
  double to;

  @Option(
      names = "--step",
      defaultValue = "0.1",
      description = "Step between multipliers (default: ${DEFAULT-VALUE}).")
  double step;

  @Option(
      names = "--out",
      paramLabel = "CURVE.csv|CURVE.json",
      description = "Write the curve as CSV (.csv) or JSON (.json), atomically.")
  Path out;

  @Mixin SolverOptions solver;

  @Override
  public Integer call() {
    try {
      BudgetCurve.multipliers(from, to, step);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Path fileName = out == null ? null : out.getFileName();
    String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
    if (out != null && !name.endsWith(".csv") && !name.endsWith(".json")) {
      throw new ParameterException(
          spec.commandLine(), "--out must end in .csv or .json, but was " + out);
    }
    Scenario scenario = ScenarioSource.load(scenarioFile);
    PrintWriter err = spec.commandLine().getErr();
    if (!solver.quiet) {
      err.printf(
          Locale.ROOT,
          "Budget curve of %s, x%s to x%s by %s ...%n",
          ScenarioSource.describe(scenarioFile),
          from,
          to,
          step);
      err.flush();
    }
    AllocatorConfig config = solver.comparisonConfig();
    try (Interruption interruption = Interruption.onCtrlC(err)) {
      return interruption
          .solve(() -> BudgetSweep.run(Allocator.create(config), scenario, from, to, step))
          .map(curve -> interruption.write(() -> writeAndPrint(curve, config, name)))
          .orElseGet(interruption::exitCode);
    }
  }

  private int writeAndPrint(BudgetCurve curve, AllocatorConfig config, String name) {
    if (out != null) {
      if (name.endsWith(".json")) {
        BudgetCurveJson.write(curve, out);
      } else {
        AtomicFiles.write(out, curve.csv());
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(table(curve));
    if (curve.points().stream().anyMatch(BudgetCurve.Point::gapExceedsStep)) {
      stdout.println(
          "* the gap (bound - plan) exceeds this step's change of net objective: the step's"
              + " effect is not proven; run longer or use a larger --deterministic-limit.");
    }
    stdout.printf("Solved with a %s%n", SolverOptions.describeLimit(config));
    if (out != null) {
      stdout.printf("Curve written to %s%n", out);
    }
    stdout.flush();
    return 0;
  }

  static String table(BudgetCurve curve) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Budget curve of scenario %s%n%10s %18s %14s %8s %18s %14s %7s %-9s %8s %10s%n",
            curve.scenarioId(),
            "multiplier",
            "appropriated $",
            "risk reduced",
            "share",
            "obligated $",
            "lapsed $",
            "funded",
            "status",
            "gap",
            "gap pts"));
    for (BudgetCurve.Point p : curve.points()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%10.2f %,18d %14.2f %7.1f%% %,18d %,14d %7d %-9s %8s %10s%s%n",
              p.multiplier(),
              p.appropriated(),
              p.riskReduced(),
              100 * p.riskReducedShare(),
              p.obligated(),
              p.lapsed(),
              p.fundedOptions(),
              p.status(),
              p.relativeGap() == null
                  ? "?"
                  : String.format(Locale.ROOT, "%.2f%%", 100 * p.relativeGap()),
              p.absoluteGap() == null ? "?" : String.format(Locale.ROOT, "%.2f", p.absoluteGap()),
              p.gapExceedsStep() ? " *" : ""));
    }
    return text.toString();
  }
}
