package org.scplan.whatif;

import org.scplan.support.Copies;

/**
 * Dollars one program obligates in one fiscal year in two plans.
 *
 * @param programId the program
 * @param fiscalYear the FY of obligation
 * @param before dollars obligated in the first plan
 * @param after dollars obligated in the second plan
 */
public record MoneyChange(String programId, int fiscalYear, long before, long after) {
  public MoneyChange {
    Copies.required(programId, "MoneyChange", "programId");
  }

  /** {@code after − before}, in dollars. */
  public long change() {
    return after - before;
  }
}
