package org.scplan.plan;

import org.scplan.support.Copies;

/**
 * A decision to fund one option with one program starting in one fiscal year: the whole of what an
 * allocator decides; {@link PlanAssembler} derives every figure of the plan from these.
 *
 * @param optionId the option
 * @param programId the program paying for it
 * @param startFiscalYear the FY it starts
 */
public record FundingDecision(String optionId, String programId, int startFiscalYear) {
  public FundingDecision {
    Copies.required(optionId, "FundingDecision", "optionId");
    Copies.required(programId, "FundingDecision " + optionId, "programId");
  }
}
