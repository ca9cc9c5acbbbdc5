package org.scplan.plan;

import org.scplan.support.Copies;
import org.scplan.valuation.UnfundedReason;

/**
 * An option the plan does not fund, with the reason.
 *
 * @param optionId the option
 * @param gapId its gap
 * @param partnerId its partner
 * @param reason why it is not funded
 */
public record UnfundedOption(
    String optionId, String gapId, String partnerId, UnfundedReason reason) {
  public UnfundedOption {
    Copies.required(optionId, "UnfundedOption", "optionId");
    Copies.required(reason, "UnfundedOption " + optionId, "reason");
  }
}
