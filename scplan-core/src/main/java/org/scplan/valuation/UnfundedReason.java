package org.scplan.valuation;

import org.scplan.support.Copies;

/**
 * Why an option is unfunded: a code for machines and a sentence for planners naming the rule,
 * threshold or resource involved.
 *
 * @param code the reason code
 * @param detail the reason in words, with the values involved
 */
public record UnfundedReason(ReasonCode code, String detail) {
  public UnfundedReason {
    Copies.required(code, "UnfundedReason", "code");
    Copies.required(detail, "UnfundedReason", "detail");
  }
}
