package org.scplan.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * What one run of a sweep found: small enough to ship back from a cluster worker.
 *
 * @param runIndex index of the run in the sweep, ≥ 0
 * @param status the plan's status name (OPTIMAL, FEASIBLE…)
 * @param riskReduced weighted risk points the plan retires
 * @param totalWeightAtStake weighted risk points at stake in the sampled scenario
 * @param relativeGap the solver's relative gap, 0–1+, or {@code null} when unknown
 * @param fundedOptionIds ids of the funded options, sorted
 * @param wallTimeSeconds seconds the allocation took (the only figure that varies between identical
 *     runs)
 */
public record RunResult(
    int runIndex,
    String status,
    double riskReduced,
    double totalWeightAtStake,
    Double relativeGap,
    List<String> fundedOptionIds,
    double wallTimeSeconds)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public RunResult {
    fundedOptionIds = List.copyOf(fundedOptionIds);
  }

  /** This result with its wall time zeroed, for comparing identical runs. */
  public RunResult withoutTimings() {
    return new RunResult(
        runIndex, status, riskReduced, totalWeightAtStake, relativeGap, fundedOptionIds, 0.0);
  }
}
