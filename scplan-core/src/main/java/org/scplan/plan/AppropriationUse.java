package org.scplan.plan;

/**
 * How the plan uses one appropriation: what it obligates, what lapses inside the horizon and what
 * is left available after it.
 *
 * @param programId the program
 * @param fiscalYear the appropriation's FY
 * @param amount dollars appropriated
 * @param lastAvailableFiscalYear last FY it can be obligated, or {@code null} for no-year money
 * @param obligated dollars the plan obligates from it
 * @param lapsed dollars unobligated when its availability ends inside the horizon (a planning
 *     failure the plan shows)
 * @param availableAfterHorizon dollars unobligated but still available after the horizon
 */
public record AppropriationUse(
    String programId,
    int fiscalYear,
    long amount,
    Integer lastAvailableFiscalYear,
    long obligated,
    long lapsed,
    long availableAfterHorizon) {}
