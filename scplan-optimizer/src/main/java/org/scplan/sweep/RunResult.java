package org.scplan.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;

/**
 * What one run of a sweep found: small enough to ship back from a cluster worker. A run that could
 * not give a plan is a result too, never an exception: its status says why ({@link
 * #INVALID_SAMPLE}, {@link #SOLVER_FAILURE}, or the plan status UNKNOWN or INFEASIBLE when the
 * solver found no plan within the limit) and its message says what went wrong.
 *
 * @param runIndex index of the run in the sweep, ≥ 0 (0 for the base solve)
 * @param status the plan's status name (OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN), or {@link
 *     #INVALID_SAMPLE} or {@link #SOLVER_FAILURE}
 * @param riskReduced weighted risk points the plan retires (0 without a plan)
 * @param totalWeightAtStake weighted risk points at stake in the sampled scenario (0 when the
 *     sample is invalid)
 * @param relativeGap the solver's relative gap, 0–1+, or {@code null} when unknown
 * @param fundedOptionIds ids of the funded options, sorted
 * @param wallTimeSeconds seconds the allocation took (the only figure that varies between identical
 *     runs)
 * @param message why the run has no plan, or "" when it has one
 */
public record RunResult(
    int runIndex,
    String status,
    double riskReduced,
    double totalWeightAtStake,
    Double relativeGap,
    List<String> fundedOptionIds,
    double wallTimeSeconds,
    String message)
    implements Serializable {

  private static final long serialVersionUID = 2L;

  /** Status of a run whose sampled scenario broke a rule of the scenario validator. */
  public static final String INVALID_SAMPLE = "INVALID_SAMPLE";

  /** Status of a run whose solve threw. */
  public static final String SOLVER_FAILURE = "SOLVER_FAILURE";

  public RunResult {
    Objects.requireNonNull(status, "status");
    fundedOptionIds = List.copyOf(fundedOptionIds);
    message = Objects.requireNonNullElse(message, "");
  }

  /** A run that ended without a plan, with {@code status} and {@code message} saying why. */
  static RunResult failed(int runIndex, String status, String message, double wallTimeSeconds) {
    return new RunResult(runIndex, status, 0, 0, null, List.of(), wallTimeSeconds, message);
  }

  /** What {@code plan}, the plan of run {@code runIndex}, funds and retires. */
  public static RunResult of(int runIndex, Plan plan) {
    List<String> funded = plan.fundedOptions().stream().map(FundedOption::optionId).toList();
    String message =
        plan.status().hasPlan()
            ? ""
            : "no plan: the solver ended " + plan.status() + " within the limit";
    return new RunResult(
        runIndex,
        plan.status().name(),
        plan.riskReduced(),
        plan.totalWeightAtStake(),
        plan.solver().relativeGap(),
        funded,
        plan.solver().wallTimeSeconds(),
        message);
  }

  /**
   * Whether this run funded the same options as {@code other} for the same risk reduced (to a
   * millionth of a point): the same plan as far as a sweep's summary can tell.
   */
  public boolean sameOutcomeAs(RunResult other) {
    return hasPlan()
        && other.hasPlan()
        && fundedOptionIds.equals(other.fundedOptionIds)
        && Math.abs(riskReduced - other.riskReduced) <= 1e-6;
  }

  /** Whether the run gave a plan (status OPTIMAL or FEASIBLE). */
  public boolean hasPlan() {
    return "OPTIMAL".equals(status) || "FEASIBLE".equals(status);
  }

  /** This result with its wall time zeroed, for comparing identical runs. */
  public RunResult withoutTimings() {
    return new RunResult(
        runIndex,
        status,
        riskReduced,
        totalWeightAtStake,
        relativeGap,
        fundedOptionIds,
        0.0,
        message);
  }
}
