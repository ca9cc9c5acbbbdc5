package org.scplan.plan;

/** What is known about a plan's quality. */
public enum PlanStatus {
  /** Proven optimal for the model (within the configured relative gap limit, if any). */
  OPTIMAL,
  /** Satisfies every rule, but not proven optimal. */
  FEASIBLE,
  /** Proven: no plan satisfies every rule (e.g. locked decisions break a capacity). */
  INFEASIBLE,
  /** No plan was found within the limits, and infeasibility was not proven. */
  UNKNOWN;

  /** Whether the plan's funding decisions can be used (OPTIMAL or FEASIBLE). */
  public boolean hasPlan() {
    return this == OPTIMAL || this == FEASIBLE;
  }
}
