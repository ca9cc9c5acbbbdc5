package org.scplan.benchmarks;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.sat.ConstraintProto;
import com.google.ortools.sat.CpModelProto;
import com.google.ortools.sat.CpObjectiveProto;
import com.google.ortools.sat.IntegerVariableProto;
import com.google.ortools.sat.LinearConstraintProto;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scplan.examples.NotionalTheater;
import org.scplan.internal.Preparation;
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
 * and proven bound in weighted risk points. The CP-SAT model's protocol buffer is translated row
 * for row: every variable keeps its bounds and integrality, every linear row its range, every
 * at-most-one becomes a row, and the objective keeps its coefficients, offset and scale. So the
 * figures compare engines, not formulations.
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

  /** What the engine reported, in weighted risk points of the net objective. */
  record Outcome(String engine, String status, double plan, double bound, double seconds) {}

  /** Runs the command line. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EngineComparison()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Scenario input = scenario == null ? NotionalTheater.scenario() : ScenarioJson.read(scenario);
    NativeLibraries.ensureLoaded();
    CpSatModel model = new CpSatModel(Preparation.prepare(input));
    Outcome outcome = solve(model.proto(), engine, timeLimitSeconds, log);
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

  /**
   * Solves {@code proto} with {@code engineName}; GLOP solves the LP relaxation. Plan and bound are
   * NaN when the engine has none.
   */
  static Outcome solve(CpModelProto proto, String engineName, double seconds, boolean log) {
    boolean relaxation = engineName.equalsIgnoreCase("GLOP");
    MPSolver solver = MPSolver.createSolver(engineName);
    if (solver == null) {
      throw new CommandLine.ParameterException(
          new CommandLine(new EngineComparison()),
          "OR-Tools has no engine '" + engineName + "' on this platform.");
    }
    MPVariable[] variables = new MPVariable[proto.getVariablesCount()];
    for (int i = 0; i < variables.length; i++) {
      IntegerVariableProto variable = proto.getVariables(i);
      double lower = variable.getDomain(0);
      double upper = variable.getDomain(variable.getDomainCount() - 1);
      // Only x (the candidates) need integrality; flows and capped gap values are integral in
      // CP-SAT because it has no other kind, and their integrality only weakens what they bound.
      boolean integer = !relaxation && lower == 0 && upper == 1;
      variables[i] =
          integer
              ? solver.makeIntVar(lower, upper, "v" + i)
              : solver.makeNumVar(lower, upper, "v" + i);
    }
    for (ConstraintProto constraint : proto.getConstraintsList()) {
      if (constraint.getEnforcementLiteralCount() > 0) {
        throw new IllegalArgumentException("enforced constraints are not translated");
      }
      switch (constraint.getConstraintCase()) {
        case LINEAR -> {
          LinearConstraintProto linear = constraint.getLinear();
          MPConstraint row =
              solver.makeConstraint(
                  finite(linear.getDomain(0)),
                  finite(linear.getDomain(linear.getDomainCount() - 1)));
          for (int k = 0; k < linear.getVarsCount(); k++) {
            row.setCoefficient(variables[linear.getVars(k)], linear.getCoeffs(k));
          }
        }
        case AT_MOST_ONE ->
            addAtMostOne(solver, variables, constraint.getAtMostOne().getLiteralsList());
        default ->
            throw new IllegalArgumentException(
                "constraint type " + constraint.getConstraintCase() + " is not translated");
      }
    }
    CpObjectiveProto objective = proto.getObjective();
    MPObjective target = solver.objective();
    for (int k = 0; k < objective.getVarsCount(); k++) {
      target.setCoefficient(variables[objective.getVars(k)], objective.getCoeffs(k));
    }
    target.setOffset(objective.getOffset());
    target.setMinimization();
    double scale =
        (objective.getScalingFactor() == 0 ? 1 : objective.getScalingFactor())
            / CpSatModel.VALUE_SCALE;
    solver.setTimeLimit(Math.round(seconds * 1000));
    if (log) {
      solver.enableOutput();
    }
    long started = System.nanoTime();
    MPSolver.ResultStatus status;
    try {
      status = solver.solve();
    } catch (IllegalArgumentException e) {
      // HiGHS ends a time-limited MIP with a status code that OR-Tools' Java enum does not know;
      // its plan and bound are then in its own log only (--log), and none is printed here.
      status = null;
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    boolean hasPlan =
        status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
    double plan = hasPlan ? target.value() * scale : Double.NaN;
    double bound = !hasPlan ? Double.NaN : relaxation ? plan : target.bestBound() * scale;
    return new Outcome(
        engineName.toUpperCase(Locale.ROOT),
        status == null ? "status unknown to the Java binding (see --log)" : status.name(),
        plan,
        bound,
        elapsed);
  }

  private static void addAtMostOne(
      MPSolver solver, MPVariable[] variables, List<Integer> literals) {
    double upper = 1;
    MPConstraint row = solver.makeConstraint(-MPSolver.infinity(), 1);
    for (int literal : literals) {
      if (literal >= 0) {
        row.setCoefficient(variables[literal], 1);
      } else {
        // A negated literal ¬v is 1 − v.
        row.setCoefficient(variables[-literal - 1], -1);
        upper -= 1;
      }
    }
    row.setUb(upper);
  }

  private static double finite(long bound) {
    if (bound == Long.MIN_VALUE) {
      return -MPSolver.infinity();
    }
    if (bound == Long.MAX_VALUE) {
      return MPSolver.infinity();
    }
    return bound;
  }
}
