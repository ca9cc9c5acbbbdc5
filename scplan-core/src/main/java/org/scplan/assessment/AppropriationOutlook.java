package org.scplan.assessment;

import org.scplan.support.Copies;

/**
 * One appropriation after the fiscal years executed: what was obligated from it, what has lapsed,
 * what the rest of the plan is expected to draw and what is left at risk of lapsing (docs/MODEL.md
 * §10). All amounts in dollars.
 *
 * @param programId its program
 * @param fiscalYear its FY
 * @param yearsAvailable its period of availability in FYs, {@code null} for no-year money
 * @param amount dollars appropriated
 * @param obligated dollars actually obligated from it so far
 * @param lapsed dollars lost: what is left of it when its availability ended by the last FY
 *     recorded
 * @param plannedAhead dollars the rest of the plan, as executed so far, is expected to draw
 * @param atRisk dollars expected to be left when its availability ends inside the horizon
 */
public record AppropriationOutlook(
    String programId,
    int fiscalYear,
    Integer yearsAvailable,
    long amount,
    long obligated,
    long lapsed,
    long plannedAhead,
    long atRisk) {
  public AppropriationOutlook {
    Copies.required(programId, "AppropriationOutlook", "programId");
  }
}
