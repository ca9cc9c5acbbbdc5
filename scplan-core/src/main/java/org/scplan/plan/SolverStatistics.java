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

  /**
   * A builder for the statistics of {@code engine}: no objective, bound, gap or greedy figure, no
   * time, one worker, seed 0, an empty model and no note until set.
   */
  public static Builder builder(String engine) {
    return new Builder(engine);
  }

  /** A builder pre-filled with these statistics. */
  public Builder toBuilder() {
    return new Builder(engine)
        .objective(objective)
        .bestBound(bestBound)
        .relativeGap(relativeGap)
        .wallTimeSeconds(wallTimeSeconds)
        .firstSolutionSeconds(firstSolutionSeconds)
        .workers(workers)
        .seed(seed)
        .booleanVariables(booleanVariables)
        .constraints(constraints)
        .greedyRiskReduced(greedyRiskReduced)
        .note(note);
  }

  /** A copy with {@code seconds} as the wall time. */
  public SolverStatistics withWallTime(double seconds) {
    return toBuilder().wallTimeSeconds(seconds).build();
  }

  /** A copy with wall times zeroed, for byte-for-byte comparison of plans from identical runs. */
  public SolverStatistics withoutTimings() {
    return toBuilder()
        .wallTimeSeconds(0.0)
        .firstSolutionSeconds(firstSolutionSeconds == null ? null : 0.0)
        .build();
  }

  /** Builds {@link SolverStatistics} field by field; units as on the record. */
  public static final class Builder {
    private final String engine;
    private Double objective;
    private Double bestBound;
    private Double relativeGap;
    private double wallTimeSeconds;
    private Double firstSolutionSeconds;
    private int workers = 1;
    private long seed;
    private int booleanVariables;
    private int constraints;
    private Double greedyRiskReduced;
    private String note = "";

    private Builder(String engine) {
      this.engine = engine;
    }

    /** The plan's model objective in points, or null when there is no plan. */
    public Builder objective(Double objective) {
      this.objective = objective;
      return this;
    }

    /** Proven upper bound on the objective in points, or null. */
    public Builder bestBound(Double bestBound) {
      this.bestBound = bestBound;
      return this;
    }

    /** Relative gap between objective and bound (0–1+), or null. */
    public Builder relativeGap(Double relativeGap) {
      this.relativeGap = relativeGap;
      return this;
    }

    /** Seconds from the start of allocation to the result. */
    public Builder wallTimeSeconds(double wallTimeSeconds) {
      this.wallTimeSeconds = wallTimeSeconds;
      return this;
    }

    /** Seconds until the solver's first plan, or null. */
    public Builder firstSolutionSeconds(Double firstSolutionSeconds) {
      this.firstSolutionSeconds = firstSolutionSeconds;
      return this;
    }

    /** Solver worker threads used. */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /** Random seed given to the solver. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Decision variables in the model. */
    public Builder booleanVariables(int booleanVariables) {
      this.booleanVariables = booleanVariables;
      return this;
    }

    /** Constraints in the model. */
    public Builder constraints(int constraints) {
      this.constraints = constraints;
      return this;
    }

    /** Risk reduced by the greedy baseline on the same scenario, in points, or null. */
    public Builder greedyRiskReduced(Double greedyRiskReduced) {
      this.greedyRiskReduced = greedyRiskReduced;
      return this;
    }

    /** Anything the planner should know about how the result was obtained; null reads as "". */
    public Builder note(String note) {
      this.note = note;
      return this;
    }

    /** The statistics. */
    public SolverStatistics build() {
      return new SolverStatistics(
          engine,
          objective,
          bestBound,
          relativeGap,
          wallTimeSeconds,
          firstSolutionSeconds,
          workers,
          seed,
          booleanVariables,
          constraints,
          greedyRiskReduced,
          note);
    }
  }
}
