package org.scplan.assessment;

import org.scplan.execution.ExecutionStatus;
import org.scplan.support.Copies;

/**
 * A funded activity that departed from the plan in one executed fiscal year.
 *
 * @param optionId the activity's option
 * @param programId the program the plan funds it with
 * @param fiscalYear the FY
 * @param kind how it departed
 * @param status its reported status, {@code null} when not reported
 * @param planned dollars the plan obligates for it that FY
 * @param obligated dollars obligated for it that FY
 * @param delayedToFiscalYear the FY it is expected to resume in, for a delay; else {@code null}
 */
public record OffPlanActivity(
    String optionId,
    String programId,
    int fiscalYear,
    OffPlanKind kind,
    ExecutionStatus status,
    long planned,
    long obligated,
    Integer delayedToFiscalYear) {
  public OffPlanActivity {
    Copies.required(optionId, "OffPlanActivity", "optionId");
    Copies.required(programId, "OffPlanActivity " + optionId, "programId");
    Copies.required(kind, "OffPlanActivity " + optionId, "kind");
  }
}
