package org.scplan.benchmarks;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scplan.benchmarks.internal.MipEngines;
import org.scplan.engine.Preparation;
import org.scplan.examples.NotionalTheater;
import org.scplan.json.ScenarioJson;
import org.scplan.optimizer.internal.CpSatModel;
import org.scplan.optimizer.internal.NativeLibraries;
import org.scplan.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Hands scplan's allocation model, exactly as CP-SAT receives it, to another engine bundled with
 * OR-Tools (SCIP, HiGHS or CBC, or GLOP for its LP relaxation), and prints that engine's plan value
 * and proven bound in weighted risk points. {@link MipEngines} translates the model row for row, so
 * the figures compare engines, not formulations.
 *
 * <pre>{@code
 * java -cp scplan-benchmarks/target/scplan-benchmarks.jar org.scplan.benchmarks.EngineComparison \
 *     --engine SCIP --time-limit 30            # the embedded notional theater
 * java -cp scplan-benchmarks/target/scplan-benchmarks.jar org.scplan.benchmarks.EngineComparison \
 *     --scenario theater-1.json --engine GLOP  # the LP relaxation of a generated scenario
 * }</pre>
 */
@Command(
    name = "engine-comparison",
    mixinStandardHelpOptions = true,
    description = "Solves scplan's allocation model with SCIP, HiGHS, CBC or GLOP (LP relaxation).")
public final class EngineComparison implements Callable<Integer> {

  @Option(
      names = "--scenario",
      description = "Scenario JSON file (default: the embedded notional theater).")
  Path scenario;

  @Option(
      names = "--engine",
      defaultValue = "SCIP",
      description = "SCIP, HIGHS, CBC, or GLOP (the LP relaxation: every variable continuous).")
  String engine;

  @Option(names = "--time-limit", defaultValue = "10", description = "Seconds.")
  double timeLimitSeconds;

  @Option(names = "--log", description = "Print the engine's own log.")
  boolean log;

  /** Runs the command line. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EngineComparison()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Scenario input = scenario == null ? NotionalTheater.scenario() : ScenarioJson.read(scenario);
    NativeLibraries.ensureLoaded();
    CpSatModel model = new CpSatModel(Preparation.prepare(input));
    MipEngines.Outcome outcome;
    try {
      outcome = MipEngines.solve(model, engine, timeLimitSeconds, log);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage(), e);
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %s, plan %.4f, bound %.4f points, %.2f s (%d Booleans, %d constraints)%n",
        outcome.engine(),
        outcome.status(),
        outcome.plan(),
        outcome.bound(),
        outcome.seconds(),
        model.booleanVariables(),
        model.constraints());
    return 0;
  }
}
