package org.scplan.benchmarks.orlib.internal;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import org.scplan.benchmarks.orlib.MkpInstance;
import org.scplan.optimizer.internal.NativeLibraries;

/**
 * Solves a knapsack instance with the plain textbook CP-SAT model (one Boolean per item, one linear
 * row per dimension, profits scaled by 100,000 as in scplan's model), with CP-SAT's default
 * parameters: the baseline that separates what the scplan formulation costs from what the solver
 * and the machine give.
 */
public final class DirectKnapsack {
  private static final long SCALE = 100_000L;

  private DirectKnapsack() {}

  /**
   * The result of a direct solve.
   *
   * @param value total profit of the best solution, or NaN when none was found
   * @param optimal whether optimality was proven
   * @param seconds wall seconds of the solve
   */
  public record Result(double value, boolean optimal, double seconds) {}

  /** Solves {@code instance} within {@code seconds} of wall time on {@code workers} workers. */
  public static Result solve(MkpInstance instance, double seconds, int workers) {
    NativeLibraries.ensureLoaded();
    CpModel model = new CpModel();
    int n = instance.items();
    Literal[] take = new Literal[n];
    long[] profits = new long[n];
    for (int j = 0; j < n; j++) {
      take[j] = model.newBoolVar("x" + j);
      profits[j] = Math.round(instance.profit(j) * SCALE);
    }
    for (int i = 0; i < instance.dimensions(); i++) {
      model.addLessOrEqual(
          LinearExpr.weightedSum(take, instance.weightsOf(i)), instance.capacity(i));
    }
    model.maximize(LinearExpr.weightedSum(take, profits));
    CpSolver solver = new CpSolver();
    solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(workers);
    long start = System.nanoTime();
    CpSolverStatus status = solver.solve(model);
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      return new Result(Double.NaN, false, elapsed);
    }
    double value = 0;
    for (int j = 0; j < n; j++) {
      if (solver.booleanValue(take[j])) {
        value += instance.profit(j);
      }
    }
    return new Result(value, status == CpSolverStatus.OPTIMAL, elapsed);
  }
}
