/**
 * The planning problem as immutable, validated-at-the-boundary records: partners and their security
 * cooperation offices, the strategy hierarchy (end state, line of effort, objective), capability
 * gaps with risk and urgency, solution options, programs with their appropriations, balance rules,
 * locked decisions, the planning horizon and the valuation {@link org.scplan.scenario.Policy}.
 *
 * <p>Units used throughout: money in whole US dollars, time in US fiscal years (FY2027 runs 1
 * October 2026 to 30 September 2027), SCO staff in person-weeks, likelihoods and shares as 0–1
 * fractions. Records reject nulls in required fields and copy their collections; range and
 * reference checks are done all at once by {@link org.scplan.validation.ScenarioValidator}.
 */
package org.scplan.scenario;
