package org.scplan.plan;

/**
 * How a plan was found. Objective and bound are in weighted risk points, net of the light lapse
 * penalty, as the model scores them; {@code relativeGap} = (bound − objective) / max(1e-9,
 * |bound|). Wall times are the only figures that vary between identical runs.
 *
 * @param engine what produced the plan, e.g. "cp-sat 9.15.6755" or "greedy"
 * @param objective the plan's model objective in points, or {@code null} when there is no plan
 * @param bestBound proven upper bound on the objective in points, or {@code null} if unknown
 * @param relativeGap relative gap between objective and bound (0–1+), or {@code null}
 * @param wallTimeSeconds seconds from the start of allocation to the result
 * @param firstSolutionSeconds seconds until the solver's first plan, or {@code null}
 * @param workers solver worker threads used
 * @param seed random seed given to the solver
 * @param booleanVariables decision variables in the model (0 for greedy)
 * @param constraints constraints in the model (0 for greedy)
 * @param greedyRiskReduced risk reduced by the greedy baseline on the same scenario, in points, or
 *     {@code null} when it was not run
 * @param note anything the planner should know about how the result was obtained, or ""
 */
public record SolverStatistics(
    String engine,
    Double objective,
    Double bestBound,
    Double relativeGap,
    double wallTimeSeconds,
    Double firstSolutionSeconds,
    int workers,
    long seed,
    int booleanVariables,
    int constraints,
    Double greedyRiskReduced,
    String note) {

  public SolverStatistics {
    note = note == null ? "" : note;
  }

  /** A copy with {@code seconds} as the wall time. */
  public SolverStatistics withWallTime(double seconds) {
    return new SolverStatistics(
        engine,
        objective,
        bestBound,
        relativeGap,
        seconds,
        firstSolutionSeconds,
        workers,
        seed,
        booleanVariables,
        constraints,
        greedyRiskReduced,
        note);
  }

  /** A copy with wall times zeroed, for byte-for-byte comparison of plans from identical runs. */
  public SolverStatistics withoutTimings() {
    return new SolverStatistics(
        engine,
        objective,
        bestBound,
        relativeGap,
        0.0,
        firstSolutionSeconds == null ? null : 0.0,
        workers,
        seed,
        booleanVariables,
        constraints,
        greedyRiskReduced,
        note);
  }
}
