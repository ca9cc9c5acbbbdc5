package org.scplan.execution;

import java.util.List;
import org.scplan.support.Copies;

/**
 * What happened to one funded activity (a solution option the plan funds) in one fiscal year of
 * execution: its status and the obligations made for it that year.
 *
 * @param fiscalYear the FY of execution
 * @param optionId the option, which the plan must fund
 * @param status where it stood at the end of the FY
 * @param delayedToFiscalYear for {@link ExecutionStatus#DELAYED}: the FY it is expected to resume
 *     in, later than {@code fiscalYear}; {@code null} for every other status
 * @param obligations dollars obligated that FY, by appropriation; may be empty
 * @param note free text (e.g. why it slipped), may be empty
 */
public record ActivityExecution(
    int fiscalYear,
    String optionId,
    ExecutionStatus status,
    Integer delayedToFiscalYear,
    List<Obligation> obligations,
    String note) {
  public ActivityExecution {
    Copies.required(optionId, "ActivityExecution", "optionId");
    Copies.required(status, "ActivityExecution " + optionId, "status");
    obligations = Copies.list(obligations);
    note = note == null ? "" : note;
  }

  /** Dollars obligated this FY, over all appropriations. */
  public long obligated() {
    long total = 0;
    for (Obligation obligation : obligations) {
      total = Math.addExact(total, obligation.amount());
    }
    return total;
  }
}
