package org.scplan.explain;

import java.util.List;
import org.scplan.support.Copies;
import org.scplan.valuation.ReasonCode;

/**
 * Why one option is not funded: the plan's reason code, and for options crowded out the cause, the
 * start the analysis tried, the limits that bind there and how the option's value per dollar
 * compares with the marginal value of money.
 *
 * @param optionId the option
 * @param gapId its gap
 * @param partnerId its partner
 * @param code the reason code (the plan's own; {@link ReasonCode#CROWDED_OUT} is refined by {@code
 *     cause})
 * @param cause for {@link ReasonCode#CROWDED_OUT}: why, else {@code null}
 * @param detail the reason in words, with the values involved
 * @param bestValue the option's best value over its candidates, in points (0 without candidates)
 * @param marginalGain points the plan would gain by adding it at {@code programId}/{@code
 *     startFiscalYear} if the limits allowed (its value, less what its gap's cap cuts off); 0
 *     without candidates
 * @param totalCost the option's total cost, in dollars
 * @param programId the program of the candidate analysed (crowded out only), else {@code null}
 * @param startFiscalYear the start FY of the candidate analysed, else {@code null}
 * @param bindingLimits the limits adding it would break (crowded out, {@link
 *     CrowdingCause#BINDING_LIMITS} only), most binding first
 */
public record UnfundedExplanation(
    String optionId,
    String gapId,
    String partnerId,
    ReasonCode code,
    CrowdingCause cause,
    String detail,
    double bestValue,
    double marginalGain,
    long totalCost,
    String programId,
    Integer startFiscalYear,
    List<BindingLimit> bindingLimits) {
  public UnfundedExplanation {
    Copies.required(optionId, "UnfundedExplanation", "optionId");
    Copies.required(code, "UnfundedExplanation " + optionId, "code");
    Copies.required(detail, "UnfundedExplanation " + optionId, "detail");
    bindingLimits = Copies.list(bindingLimits);
  }

  /** Points per $1M of total cost that adding the option would gain, 0 for a free option. */
  public double gainPerMillion() {
    return totalCost == 0 ? 0.0 : marginalGain / (totalCost / 1e6);
  }
}
