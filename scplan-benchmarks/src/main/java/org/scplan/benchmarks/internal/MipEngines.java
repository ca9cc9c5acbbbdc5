package org.scplan.benchmarks.internal;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.sat.ConstraintProto;
import com.google.ortools.sat.CpModelProto;
import com.google.ortools.sat.CpObjectiveProto;
import com.google.ortools.sat.IntegerVariableProto;
import com.google.ortools.sat.LinearConstraintProto;
import java.util.List;
import java.util.Locale;
import org.scplan.optimizer.internal.CpSatModel;

/**
 * scplan's allocation model, exactly as CP-SAT receives it, solved by another engine bundled with
 * OR-Tools (SCIP, HiGHS, CBC, or GLOP for the LP relaxation). The CP-SAT model's protocol buffer is
 * translated row for row: every variable keeps its bounds, the candidates their integrality, every
 * linear row its range, every at-most-one becomes a row, and the objective keeps its coefficients,
 * offset and scale.
 */
public final class MipEngines {
  private MipEngines() {}

  /**
   * What the engine reported: its status, and plan value and proven bound in weighted risk points
   * of the net objective (NaN when it has none), after {@code seconds} of wall time.
   */
  public record Outcome(String engine, String status, double plan, double bound, double seconds) {}

  /**
   * Solves {@code model} with {@code engineName} (SCIP, HIGHS, CBC or GLOP; GLOP solves the LP
   * relaxation) within {@code seconds}, printing the engine's own log when {@code log} is set.
   *
   * @throws IllegalArgumentException when OR-Tools has no such engine on this platform
   */
  public static Outcome solve(CpSatModel model, String engineName, double seconds, boolean log) {
    CpModelProto proto = model.proto();
    boolean relaxation = engineName.equalsIgnoreCase("GLOP");
    MPSolver solver = MPSolver.createSolver(engineName);
    if (solver == null) {
      throw new IllegalArgumentException(
          "OR-Tools has no engine '" + engineName + "' on this platform.");
    }
    MPVariable[] variables = new MPVariable[proto.getVariablesCount()];
    for (int i = 0; i < variables.length; i++) {
      IntegerVariableProto variable = proto.getVariables(i);
      double lower = variable.getDomain(0);
      double upper = variable.getDomain(variable.getDomainCount() - 1);
      // Only the candidates need integrality. Flows and capped gap values are integers in CP-SAT
      // because it has no other kind; continuous, they leave the optimum unchanged (for integral
      // candidates, integral flows and gap values exist wherever fractional ones do).
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
            / model.objectiveScale();
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
