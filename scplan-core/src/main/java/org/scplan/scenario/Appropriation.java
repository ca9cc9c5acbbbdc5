package org.scplan.scenario;

/**
 * An amount appropriated to a program for one fiscal year, obligable only within its period of
 * availability; what is not obligated by the end of that period lapses.
 *
 * @param fiscalYear the FY of the appropriation (may precede the horizon: carried-over balances)
 * @param amount dollars appropriated (or still unobligated, for a carried-over balance), ≥ 0
 * @param yearsAvailable period of availability in fiscal years (1, 2, 5…), or {@code null} for
 *     no-year money ("available until expended")
 */
public record Appropriation(int fiscalYear, long amount, Integer yearsAvailable) {

  /** Whether this is no-year money. */
  public boolean noYear() {
    return yearsAvailable == null;
  }

  /** Whether obligations may be made from it in {@code obligationFiscalYear}. */
  public boolean availableIn(int obligationFiscalYear) {
    return obligationFiscalYear >= fiscalYear && obligationFiscalYear <= lastAvailableFiscalYear();
  }

  /** Last FY in which it can be obligated, or {@link Integer#MAX_VALUE} for no-year money. */
  public int lastAvailableFiscalYear() {
    if (yearsAvailable == null) {
      return Integer.MAX_VALUE;
    }
    // long arithmetic: an absurd yearsAvailable must not wrap around before validation reports it
    return (int)
        Math.max(
            Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, (long) fiscalYear + yearsAvailable - 1));
  }
}
