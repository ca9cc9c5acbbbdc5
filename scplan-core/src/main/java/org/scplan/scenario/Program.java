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

  /** A builder pre-filled with this program, for variants that change a few fields. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link Program} from another with some fields replaced; see the record's fields. */
  public static final class Builder {
    private String id;
    private String name;
    private String authority;
    private FundingTitle title;
    private ObligationRule obligationRule;
    private Integer maxSpanYears;
    private ProgramEligibility eligibility;
    private VettingRequirement vettingRequirement;
    private int planningLeadTimeYears;
    private Long perPartnerAnnualCap;
    private List<Appropriation> appropriations;

    private Builder(Program program) {
      id = program.id;
      name = program.name;
      authority = program.authority;
      title = program.title;
      obligationRule = program.obligationRule;
      maxSpanYears = program.maxSpanYears;
      eligibility = program.eligibility;
      vettingRequirement = program.vettingRequirement;
      planningLeadTimeYears = program.planningLeadTimeYears;
      perPartnerAnnualCap = program.perPartnerAnnualCap;
      appropriations = program.appropriations;
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder authority(String authority) {
      this.authority = authority;
      return this;
    }

    public Builder title(FundingTitle title) {
      this.title = title;
      return this;
    }

    public Builder obligationRule(ObligationRule obligationRule) {
      this.obligationRule = obligationRule;
      return this;
    }

    /** Fiscal years within which a FULL_AT_START activity must run, or null. */
    public Builder maxSpanYears(Integer maxSpanYears) {
      this.maxSpanYears = maxSpanYears;
      return this;
    }

    public Builder eligibility(ProgramEligibility eligibility) {
      this.eligibility = eligibility;
      return this;
    }

    public Builder vettingRequirement(VettingRequirement vettingRequirement) {
      this.vettingRequirement = vettingRequirement;
      return this;
    }

    /** Fiscal years of planning before the first start it can fund, ≥ 0. */
    public Builder planningLeadTimeYears(int planningLeadTimeYears) {
      this.planningLeadTimeYears = planningLeadTimeYears;
      return this;
    }

    /** Most dollars for one partner in one fiscal year, or null when not capped. */
    public Builder perPartnerAnnualCap(Long perPartnerAnnualCap) {
      this.perPartnerAnnualCap = perPartnerAnnualCap;
      return this;
    }

    public Builder appropriations(List<Appropriation> appropriations) {
      this.appropriations = Copies.list(appropriations);
      return this;
    }

    /** The program; the record's constructor checks and copies the fields. */
    public Program build() {
      return new Program(
          id,
          name,
          authority,
          title,
          obligationRule,
          maxSpanYears,
          eligibility,
          vettingRequirement,
          planningLeadTimeYears,
          perPartnerAnnualCap,
          appropriations);
    }
  }
}
