package org.scplan.explain;

import java.util.List;
import org.scplan.plan.PlanStatus;
import org.scplan.support.Copies;

/**
 * What forcing one unfunded option into the plan would cost: a re-solve in which the option must be
 * funded (by any of its programs, from any of its start FYs), warm-started from the base plan.
 *
 * @param optionId the option forced in
 * @param status the re-solve's status; INFEASIBLE when no plan can fund it at all
 * @param programId the program funding it in the forced plan, or {@code null} if infeasible
 * @param startFiscalYear its start FY in the forced plan, or {@code null} if infeasible
 * @param optionValue its value in the forced plan, in points (0 if infeasible)
 * @param objectiveLoss net objective of the base plan minus that of the forced plan, in points
 *     (&ge; 0; 0 means funding it costs nothing and the base plan was not optimal)
 * @param valueLostElsewhere points the other options lose: {@code objectiveLoss + optionValue}
 * @param priorityFactor by how much the option's value would have to be multiplied (its gap's
 *     priority raised) for the forced plan to be as good as the base plan: {@code
 *     valueLostElsewhere / optionValue}; {@code null} if infeasible
 * @param moneyToFitDollars dollars of its program's money that would let it in beside every funded
 *     option without displacing any (the program-money shortfall of the best candidate), or {@code
 *     null} when money alone is not enough (another limit binds too)
 * @param displaced options of the base plan not funded in the forced plan, sorted
 * @param basis what the figures were measured against
 * @param words the result in a sentence
 */
public record Counterfactual(
    String optionId,
    PlanStatus status,
    String programId,
    Integer startFiscalYear,
    double optionValue,
    double objectiveLoss,
    double valueLostElsewhere,
    Double priorityFactor,
    Long moneyToFitDollars,
    List<String> displaced,
    MarginalBasis basis,
    String words) {
  public Counterfactual {
    Copies.required(optionId, "Counterfactual", "optionId");
    Copies.required(status, "Counterfactual " + optionId, "status");
    Copies.required(basis, "Counterfactual " + optionId, "basis");
    Copies.required(words, "Counterfactual " + optionId, "words");
    displaced = Copies.list(displaced);
  }
}
