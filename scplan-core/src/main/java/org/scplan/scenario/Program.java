package org.scplan.scenario;

import java.util.List;
import org.scplan.support.Copies;

/**
 * A security cooperation program or authority (10 U.S.C. 333, FMF, IMET, OHDACA…): what it may
 * fund, how it obligates, how far ahead it must be planned, and its appropriations.
 *
 * @param id unique id
 * @param name the program's name
 * @param authority the legal authority, e.g. "10 U.S.C. 333"
 * @param title Title 10 (DoD) or Title 22 (State)
 * @param obligationRule when costs are obligated
 * @param maxSpanYears for {@link ObligationRule#FULL_AT_START}: fiscal years within which a funded
 *     activity must run, start year included (3 for 10 U.S.C. 333); {@code null} for INCREMENTAL
 *     programs
 * @param eligibility what it may fund and for whom
 * @param vettingRequirement the partner vetting status it requires
 * @param planningLeadTimeYears fiscal years of proposal and congressional-notification cycle before
 *     the first start it can fund: earliest start = horizon start + this, ≥ 0
 * @param perPartnerAnnualCap most dollars it may obligate for one partner in one fiscal year, or
 *     {@code null} when not capped
 * @param appropriations its funding lines
 */
public record Program(
    String id,
    String name,
    String authority,
    FundingTitle title,
    ObligationRule obligationRule,
    Integer maxSpanYears,
    ProgramEligibility eligibility,
    VettingRequirement vettingRequirement,
    int planningLeadTimeYears,
    Long perPartnerAnnualCap,
    List<Appropriation> appropriations) {

  public Program {
    Copies.required(id, "Program", "id");
    String owner = "Program " + id;
    Copies.required(name, owner, "name");
    Copies.required(title, owner, "title");
    Copies.required(obligationRule, owner, "obligationRule");
    Copies.required(vettingRequirement, owner, "vettingRequirement");
    authority = authority == null ? "" : authority;
    eligibility = eligibility == null ? ProgramEligibility.UNRESTRICTED : eligibility;
    appropriations = Copies.list(appropriations);
  }
}
