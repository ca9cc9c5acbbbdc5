package org.scplan.scenario;

import java.util.stream.IntStream;

/**
 * The fiscal years the plan covers, inclusive at both ends (typically three to five).
 *
 * @param firstFiscalYear first FY of the plan (e.g. 2027)
 * @param lastFiscalYear last FY of the plan, not before {@code firstFiscalYear}
 */
public record PlanningHorizon(int firstFiscalYear, int lastFiscalYear) {

  /** Number of fiscal years in the horizon (0 or less when the horizon is malformed). */
  public int length() {
    return lastFiscalYear - firstFiscalYear + 1;
  }

  /** Whether {@code fiscalYear} lies inside the horizon. */
  public boolean contains(int fiscalYear) {
    return fiscalYear >= firstFiscalYear && fiscalYear <= lastFiscalYear;
  }

  /** The fiscal years of the horizon in ascending order. */
  public int[] fiscalYears() {
    return IntStream.rangeClosed(firstFiscalYear, lastFiscalYear).toArray();
  }
}
