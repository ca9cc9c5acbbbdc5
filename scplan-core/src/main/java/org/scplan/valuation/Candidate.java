package org.scplan.valuation;

/**
 * One way an option may be funded: a program that is eligible for it and a start fiscal year in
 * which every rule of docs/MODEL.md §1 holds.
 *
 * @param optionId the option
 * @param programId the eligible program
 * @param startFiscalYear the start FY
 * @param completionFiscalYear FY the capability is in place
 * @param value weighted risk points the option brings when started then (before the gap cap)
 */
public record Candidate(
    String optionId,
    String programId,
    int startFiscalYear,
    int completionFiscalYear,
    double value) {}
