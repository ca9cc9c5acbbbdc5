package org.scplan.execution;

/**
 * Dollars actually obligated for an activity in one fiscal year, from one appropriation of the
 * program the plan funds it with. Where the program has two appropriations of that FY (e.g. a
 * 1-year and a no-year slice), the one that expires sooner is drawn first.
 *
 * @param appropriationFiscalYear the FY of the appropriation the money came from
 * @param amount dollars obligated, &gt; 0
 */
public record Obligation(int appropriationFiscalYear, long amount) {}
