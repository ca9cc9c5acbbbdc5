package org.scplan.plan;

import java.util.List;
import java.util.Map;
import org.scplan.support.Copies;

/**
 * An option the plan funds: which program pays, when it starts, what it costs and obligates each
 * fiscal year, which appropriations it draws on, and the value it brings.
 *
 * @param optionId the option
 * @param gapId its gap
 * @param partnerId its partner
 * @param programId the program funding it
 * @param startFiscalYear FY it starts
 * @param completionFiscalYear FY the capability is in place (start + lead time + duration − 1)
 * @param costByFiscalYear dollars executed per FY (its cost profile laid on the calendar)
 * @param obligationsByFiscalYear dollars obligated per FY under the program's obligation rule
 * @param value weighted risk points it brings before the per-gap cap (see {@link GapOutcome})
 * @param draws appropriations drawn on, per FY; their sum per FY equals the obligations
 * @param locked whether it was a locked decision of the scenario
 */
public record FundedOption(
    String optionId,
    String gapId,
    String partnerId,
    String programId,
    int startFiscalYear,
    int completionFiscalYear,
    Map<Integer, Long> costByFiscalYear,
    Map<Integer, Long> obligationsByFiscalYear,
    double value,
    List<AppropriationDraw> draws,
    boolean locked) {

  public FundedOption {
    Copies.required(optionId, "FundedOption", "optionId");
    costByFiscalYear = Copies.sortedMap(costByFiscalYear);
    obligationsByFiscalYear = Copies.sortedMap(obligationsByFiscalYear);
    draws = Copies.list(draws);
  }

  /** Total dollars obligated for it over all years. */
  public long totalObligated() {
    long total = 0;
    for (long amount : obligationsByFiscalYear.values()) {
      total += amount;
    }
    return total;
  }
}
