package org.scplan.assessment;

import org.scplan.support.Copies;

/**
 * A program's obligations in one executed fiscal year: what the plan obligates and what was
 * obligated.
 *
 * @param programId the program
 * @param fiscalYear the FY, at most the record's last
 * @param planned dollars the plan obligates for the program that FY
 * @param obligated dollars actually obligated for the plan's activities of the program that FY
 */
public record ProgramYearExecution(String programId, int fiscalYear, long planned, long obligated) {
  public ProgramYearExecution {
    Copies.required(programId, "ProgramYearExecution", "programId");
  }

  /**
   * Obligated over planned, a fraction (1 = as planned), or {@code null} when nothing was planned.
   */
  public Double obligationRate() {
    return planned == 0 ? null : (double) obligated / planned;
  }
}
