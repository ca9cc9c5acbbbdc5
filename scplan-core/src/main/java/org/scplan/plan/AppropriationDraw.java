package org.scplan.plan;

/**
 * Dollars obligated for one funded option from one appropriation of its program in one FY.
 *
 * @param appropriationFiscalYear the FY of the appropriation drawn from
 * @param obligationFiscalYear the FY in which the obligation is made
 * @param amount dollars, &gt; 0
 */
public record AppropriationDraw(
    int appropriationFiscalYear, int obligationFiscalYear, long amount) {}
