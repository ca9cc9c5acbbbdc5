package org.scplan.explain;

import java.util.List;
import org.scplan.plan.PlanStatus;
import org.scplan.support.Copies;

/**
 * The marginal value of money of one program and FY: what a step more in that appropriation would
 * buy, measured by a re-solve with the appropriation raised by the step, warm-started from the base
 * plan (see docs/MODEL.md "Explanations"). Never an LP dual.
 *
 * @param programId the program
 * @param fiscalYear the FY of the appropriation raised
 * @param stepDollars the dollars added, &gt; 0
 * @param objectiveGain the change of the plan's net objective (risk reduced less the lapse
 *     penalty), in points; may be negative only by the lapse penalty of unused money
 * @param riskReducedGain the change of risk reduced, in points
 * @param pointsPerMillion {@code max(0, riskReducedGain)} per $1M of step
 * @param newlyFunded options funded with the extra money that the base plan leaves unfunded, sorted
 * @param noLongerFunded options of the base plan that the re-solve drops to make room, sorted
 * @param status the re-solve's status (OPTIMAL when proven, FEASIBLE when its limit stopped it)
 * @param basis what the figure was measured against: the whole model, proven optimal, or a
 *     neighbourhood of the reference plan
 * @param words the result in a sentence
 */
public record MarginalValue(
    String programId,
    int fiscalYear,
    long stepDollars,
    double objectiveGain,
    double riskReducedGain,
    double pointsPerMillion,
    List<String> newlyFunded,
    List<String> noLongerFunded,
    PlanStatus status,
    MarginalBasis basis,
    String words) {
  public MarginalValue {
    Copies.required(programId, "MarginalValue", "programId");
    Copies.required(status, "MarginalValue " + programId, "status");
    Copies.required(basis, "MarginalValue " + programId, "basis");
    Copies.required(words, "MarginalValue " + programId, "words");
    newlyFunded = Copies.list(newlyFunded);
    noLongerFunded = Copies.list(noLongerFunded);
  }
}
