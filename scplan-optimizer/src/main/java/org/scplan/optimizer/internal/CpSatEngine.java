package org.scplan.optimizer.internal;

import com.google.ortools.Loader;
import org.scplan.plan.PlanStatus;

/**
 * What the public facade needs to know of the CP-SAT engine, in scplan's own terms: the engine's
 * name and version for the plan's statistics, and the plan status for a solve's outcome. Keeps
 * {@code com.google.ortools} types out of {@code org.scplan.optimizer}.
 */
public final class CpSatEngine {
  private CpSatEngine() {}

  /**
   * {@code "cp-sat "} followed by the OR-Tools version from the ortools-java manifest, or just
   * {@code "cp-sat"} when the manifest carries no version (e.g. a shaded jar that dropped it).
   */
  public static String name() {
    String engine = "cp-sat " + Loader.class.getPackage().getImplementationVersion();
    return engine.endsWith("null") ? "cp-sat" : engine;
  }

  /**
   * The plan status for the outcome's CP-SAT status: OPTIMAL, FEASIBLE and INFEASIBLE map to
   * themselves, everything else but MODEL_INVALID to UNKNOWN.
   *
   * @throws IllegalStateException if CP-SAT found the model invalid, which is a bug in scplan
   */
  public static PlanStatus planStatus(CpSatSolve.Outcome outcome) {
    return switch (outcome.status()) {
      case OPTIMAL -> PlanStatus.OPTIMAL;
      case FEASIBLE -> PlanStatus.FEASIBLE;
      case INFEASIBLE -> PlanStatus.INFEASIBLE;
      case MODEL_INVALID -> throw new IllegalStateException(
          "scplan built an invalid CP-SAT model; this is a bug in scplan, please report it with the scenario.");
      default -> PlanStatus.UNKNOWN;
    };
  }
}
