package org.scplan.scenario;

import java.util.ArrayList;
import java.util.List;
import org.scplan.support.Copies;

/**
 * One way to close all or part of one capability gap: an activity, event, operation or investment,
 * with a phased cost, a window of start years and the programs that may fund it.
 *
 * <p>Options of a gap that share an {@link #exclusionGroup()} are alternatives (at most one is
 * funded); other options of the gap are complements whose closures add up, capped at the gap.
 *
 * @param id unique id
 * @param gapId the gap it closes
 * @param name what it is (e.g. "Border patrol NCO course")
 * @param domain its DOTMLPF-P domain
 * @param activityType its activity type, checked against program eligibility
 * @param closure fraction of the gap it closes when complete, 0–1
 * @param costProfile dollars in each fiscal year from its start (index 0 = start FY); its length is
 *     the duration in fiscal years, ≥ 1
 * @param leadTimeYears fiscal years from the end of the activity until the capability is in place
 *     (production or fielding lag), ≥ 0
 * @param earliestStartFiscalYear first FY it may start, or {@code null} for the horizon start
 * @param latestStartFiscalYear last FY it may start, or {@code null} for the horizon end
 * @param programIds programs that may fund it; empty means any program whose rules admit it
 * @param prerequisites options that must be funded and start earlier
 * @param exclusionGroup alternatives group (at most one option per group), or {@code null}
 * @param scoWorkloadPersonWeeksPerYear SCO staff person-weeks it needs in each FY it runs, ≥ 0
 * @param sustainmentCostPerYear dollars per FY the partner must spend to sustain it after it
 *     completes, ≥ 0
 * @param providingRisk political risk of providing it (e.g. abuses by US-trained units), 1–5
 * @param tags free-form tags (service, joint function, LOE…) used by balance rules
 * @param measuresOfPerformance how the activity's delivery is measured (MOPs); may be empty
 */
public record SolutionOption(
    String id,
    String gapId,
    String name,
    DotmlpfDomain domain,
    ActivityType activityType,
    double closure,
    List<Long> costProfile,
    int leadTimeYears,
    Integer earliestStartFiscalYear,
    Integer latestStartFiscalYear,
    List<String> programIds,
    List<Prerequisite> prerequisites,
    String exclusionGroup,
    double scoWorkloadPersonWeeksPerYear,
    long sustainmentCostPerYear,
    int providingRisk,
    List<String> tags,
    List<Measure> measuresOfPerformance) {

  public SolutionOption {
    Copies.required(id, "SolutionOption", "id");
    String owner = "SolutionOption " + id;
    Copies.required(gapId, owner, "gapId");
    Copies.required(domain, owner, "domain");
    Copies.required(activityType, owner, "activityType");
    name = name == null ? "" : name;
    costProfile = Copies.list(costProfile);
    programIds = Copies.list(programIds);
    prerequisites = Copies.list(prerequisites);
    tags = Copies.list(tags);
    measuresOfPerformance = Copies.list(measuresOfPerformance);
  }

  /** An option without measures of performance. */
  public SolutionOption(
      String id,
      String gapId,
      String name,
      DotmlpfDomain domain,
      ActivityType activityType,
      double closure,
      List<Long> costProfile,
      int leadTimeYears,
      Integer earliestStartFiscalYear,
      Integer latestStartFiscalYear,
      List<String> programIds,
      List<Prerequisite> prerequisites,
      String exclusionGroup,
      double scoWorkloadPersonWeeksPerYear,
      long sustainmentCostPerYear,
      int providingRisk,
      List<String> tags) {
    this(
        id,
        gapId,
        name,
        domain,
        activityType,
        closure,
        costProfile,
        leadTimeYears,
        earliestStartFiscalYear,
        latestStartFiscalYear,
        programIds,
        prerequisites,
        exclusionGroup,
        scoWorkloadPersonWeeksPerYear,
        sustainmentCostPerYear,
        providingRisk,
        tags,
        List.of());
  }

  /** Duration in fiscal years: the length of the cost profile. */
  public int durationYears() {
    return costProfile.size();
  }

  /** Total cost in dollars over all years. */
  public long totalCost() {
    long total = 0;
    for (long cost : costProfile) {
      total = Math.addExact(total, cost);
    }
    return total;
  }

  /**
   * Cost in dollars in its {@code yearOffset}-th fiscal year (0 = start), 0 outside its duration.
   */
  public long cost(int yearOffset) {
    return yearOffset >= 0 && yearOffset < costProfile.size() ? costProfile.get(yearOffset) : 0L;
  }

  /** A builder for an option with the given id and gap; optional fields default to empty/zero. */
  public static Builder builder(String id, String gapId) {
    return new Builder(id, gapId);
  }

  /** This option under another id, every other field the same (a copy, for variants). */
  public SolutionOption withId(String newId) {
    return new SolutionOption(
        newId,
        gapId,
        name,
        domain,
        activityType,
        closure,
        costProfile,
        leadTimeYears,
        earliestStartFiscalYear,
        latestStartFiscalYear,
        programIds,
        prerequisites,
        exclusionGroup,
        scoWorkloadPersonWeeksPerYear,
        sustainmentCostPerYear,
        providingRisk,
        tags);
  }

  /** A builder pre-filled with this option's fields, for variants. */
  public Builder toBuilder() {
    Builder builder = new Builder(id, gapId);
    builder.name = name;
    builder.domain = domain;
    builder.activityType = activityType;
    builder.closure = closure;
    builder.costProfile = new ArrayList<>(costProfile);
    builder.leadTimeYears = leadTimeYears;
    builder.earliestStartFiscalYear = earliestStartFiscalYear;
    builder.latestStartFiscalYear = latestStartFiscalYear;
    builder.programIds = new ArrayList<>(programIds);
    builder.prerequisites = new ArrayList<>(prerequisites);
    builder.exclusionGroup = exclusionGroup;
    builder.scoWorkloadPersonWeeksPerYear = scoWorkloadPersonWeeksPerYear;
    builder.sustainmentCostPerYear = sustainmentCostPerYear;
    builder.providingRisk = providingRisk;
    builder.tags = new ArrayList<>(tags);
    builder.measuresOfPerformance = new ArrayList<>(measuresOfPerformance);
    return builder;
  }

  /**
   * Builds a {@link SolutionOption}; not thread-safe. Domain and activity type have no default
   * (they decide eligibility, so a forgotten one must fail at {@link #build()}); closure defaults
   * to 1 and providing risk to 1.
   */
  public static final class Builder {
    private final String id;
    private final String gapId;
    private String name = "";
    private DotmlpfDomain domain;
    private ActivityType activityType;
    private double closure = 1.0;
    private List<Long> costProfile = new ArrayList<>();
    private int leadTimeYears;
    private Integer earliestStartFiscalYear;
    private Integer latestStartFiscalYear;
    private List<String> programIds = new ArrayList<>();
    private List<Prerequisite> prerequisites = new ArrayList<>();
    private String exclusionGroup;
    private double scoWorkloadPersonWeeksPerYear;
    private long sustainmentCostPerYear;
    private int providingRisk = 1;
    private List<String> tags = new ArrayList<>();
    private List<Measure> measuresOfPerformance = new ArrayList<>();

    private Builder(String id, String gapId) {
      this.id = id;
      this.gapId = gapId;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder domain(DotmlpfDomain domain) {
      this.domain = domain;
      return this;
    }

    public Builder activityType(ActivityType activityType) {
      this.activityType = activityType;
      return this;
    }

    /** Fraction of the gap closed, 0–1. */
    public Builder closure(double closure) {
      this.closure = closure;
      return this;
    }

    /** Dollars per fiscal year from the start year on. */
    public Builder costProfile(long... dollarsByYear) {
      this.costProfile = new ArrayList<>();
      for (long dollars : dollarsByYear) {
        this.costProfile.add(dollars);
      }
      return this;
    }

    public Builder leadTimeYears(int years) {
      this.leadTimeYears = years;
      return this;
    }

    /** The window of start fiscal years, inclusive; {@code null} bounds mean the horizon's. */
    public Builder startWindow(Integer earliestFiscalYear, Integer latestFiscalYear) {
      this.earliestStartFiscalYear = earliestFiscalYear;
      this.latestStartFiscalYear = latestFiscalYear;
      return this;
    }

    public Builder programIds(String... ids) {
      this.programIds = new ArrayList<>(List.of(ids));
      return this;
    }

    public Builder prerequisite(String optionId, int lagYears) {
      this.prerequisites.add(new Prerequisite(optionId, lagYears));
      return this;
    }

    public Builder exclusionGroup(String group) {
      this.exclusionGroup = group;
      return this;
    }

    public Builder scoWorkloadPersonWeeksPerYear(double personWeeks) {
      this.scoWorkloadPersonWeeksPerYear = personWeeks;
      return this;
    }

    public Builder sustainmentCostPerYear(long dollars) {
      this.sustainmentCostPerYear = dollars;
      return this;
    }

    /** Political risk of providing, 1–5. */
    public Builder providingRisk(int risk) {
      this.providingRisk = risk;
      return this;
    }

    public Builder tags(String... tags) {
      this.tags = new ArrayList<>(List.of(tags));
      return this;
    }

    /** Replaces the measures of performance (MOPs). */
    public Builder measuresOfPerformance(List<Measure> measures) {
      this.measuresOfPerformance = new ArrayList<>(measures);
      return this;
    }

    public SolutionOption build() {
      return new SolutionOption(
          id,
          gapId,
          name,
          domain,
          activityType,
          closure,
          costProfile,
          leadTimeYears,
          earliestStartFiscalYear,
          latestStartFiscalYear,
          programIds,
          prerequisites,
          exclusionGroup,
          scoWorkloadPersonWeeksPerYear,
          sustainmentCostPerYear,
          providingRisk,
          tags,
          measuresOfPerformance);
    }
  }
}
