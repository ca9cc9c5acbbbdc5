package org.scplan.scenario;

/**
 * How the value of closing a gap depends on time.
 *
 * @param needByFiscalYear the FY by which the capability is needed; full value if complete by then
 * @param decayPerYear fraction of value lost per year of lateness, 0–1
 */
public record Urgency(int needByFiscalYear, double decayPerYear) {}
