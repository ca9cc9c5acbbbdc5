package org.scplan.scenario;

import java.util.ArrayList;
import java.util.List;
import org.scplan.support.Copies;

/**
 * A complete planning problem: who the partners are, what gaps they have, how each gap could be
 * closed, which programs have what money when, and the policy that values it all. Immutable;
 * validate with {@link org.scplan.validation.ScenarioValidator} (the allocators do so first).
 *
 * @param id unique id of the scenario
 * @param name a title for reports
 * @param horizon the fiscal years planned
 * @param policy valuation constants and thresholds
 * @param endStates the theater end states
 * @param linesOfEffort lines of effort under the end states
 * @param objectives intermediate military objectives under the lines of effort
 * @param securityCooperationOffices the SCOs
 * @param partners the partners
 * @param gaps the capability gaps
 * @param options the solution options
 * @param programs the programs with their appropriations
 * @param balanceRules balancing rules over obligations
 * @param lockedDecisions decisions already taken that every plan keeps
 */
public record Scenario(
    String id,
    String name,
    PlanningHorizon horizon,
    Policy policy,
    List<EndState> endStates,
    List<LineOfEffort> linesOfEffort,
    List<Objective> objectives,
    List<SecurityCooperationOffice> securityCooperationOffices,
    List<Partner> partners,
    List<CapabilityGap> gaps,
    List<SolutionOption> options,
    List<Program> programs,
    List<BalanceRule> balanceRules,
    List<LockedDecision> lockedDecisions) {

  /** Version of the JSON format written and read by this release. */
  public static final int FORMAT_VERSION = 1;

  public Scenario {
    Copies.required(id, "Scenario", "id");
    Copies.required(horizon, "Scenario " + id, "horizon");
    name = name == null ? id : name;
    policy = policy == null ? Policy.defaults() : policy;
    endStates = Copies.list(endStates);
    linesOfEffort = Copies.list(linesOfEffort);
    objectives = Copies.list(objectives);
    securityCooperationOffices = Copies.list(securityCooperationOffices);
    partners = Copies.list(partners);
    gaps = Copies.list(gaps);
    options = Copies.list(options);
    programs = Copies.list(programs);
    balanceRules = Copies.list(balanceRules);
    lockedDecisions = Copies.list(lockedDecisions);
  }

  /** A builder for a scenario with the given id and horizon. */
  public static Builder builder(String id, PlanningHorizon horizon) {
    return new Builder(id, horizon);
  }

  /** A builder pre-filled with this scenario, for what-if variants. */
  public Builder toBuilder() {
    Builder builder = new Builder(id, horizon).name(name).policy(policy);
    builder.endStates.addAll(endStates);
    builder.linesOfEffort.addAll(linesOfEffort);
    builder.objectives.addAll(objectives);
    builder.offices.addAll(securityCooperationOffices);
    builder.partners.addAll(partners);
    builder.gaps.addAll(gaps);
    builder.options.addAll(options);
    builder.programs.addAll(programs);
    builder.balanceRules.addAll(balanceRules);
    builder.lockedDecisions.addAll(lockedDecisions);
    return builder;
  }

  /** Builds a {@link Scenario}; entities keep the order they are added in. Not thread-safe. */
  public static final class Builder {
    private String id;
    private PlanningHorizon horizon;
    private String name;
    private Policy policy = Policy.defaults();
    private final List<EndState> endStates = new ArrayList<>();
    private final List<LineOfEffort> linesOfEffort = new ArrayList<>();
    private final List<Objective> objectives = new ArrayList<>();
    private final List<SecurityCooperationOffice> offices = new ArrayList<>();
    private final List<Partner> partners = new ArrayList<>();
    private final List<CapabilityGap> gaps = new ArrayList<>();
    private final List<SolutionOption> options = new ArrayList<>();
    private final List<Program> programs = new ArrayList<>();
    private final List<BalanceRule> balanceRules = new ArrayList<>();
    private final List<LockedDecision> lockedDecisions = new ArrayList<>();

    private Builder(String id, PlanningHorizon horizon) {
      this.id = id;
      this.horizon = horizon;
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder horizon(PlanningHorizon horizon) {
      this.horizon = horizon;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder policy(Policy policy) {
      this.policy = policy;
      return this;
    }

    public Builder endState(EndState endState) {
      endStates.add(endState);
      return this;
    }

    public Builder lineOfEffort(LineOfEffort lineOfEffort) {
      linesOfEffort.add(lineOfEffort);
      return this;
    }

    public Builder objective(Objective objective) {
      objectives.add(objective);
      return this;
    }

    public Builder securityCooperationOffice(SecurityCooperationOffice office) {
      offices.add(office);
      return this;
    }

    public Builder partner(Partner partner) {
      partners.add(partner);
      return this;
    }

    public Builder gap(CapabilityGap gap) {
      gaps.add(gap);
      return this;
    }

    public Builder option(SolutionOption option) {
      options.add(option);
      return this;
    }

    public Builder program(Program program) {
      programs.add(program);
      return this;
    }

    public Builder balanceRule(BalanceRule rule) {
      balanceRules.add(rule);
      return this;
    }

    public Builder lockedDecision(LockedDecision decision) {
      lockedDecisions.add(decision);
      return this;
    }

    /** Replaces all options (for what-if variants and shrinking). */
    public Builder options(List<SolutionOption> replacement) {
      options.clear();
      options.addAll(replacement);
      return this;
    }

    /** Replaces all programs. */
    public Builder programs(List<Program> replacement) {
      programs.clear();
      programs.addAll(replacement);
      return this;
    }

    /** Replaces all partners. */
    public Builder partners(List<Partner> replacement) {
      partners.clear();
      partners.addAll(replacement);
      return this;
    }

    /** Replaces all gaps. */
    public Builder gaps(List<CapabilityGap> replacement) {
      gaps.clear();
      gaps.addAll(replacement);
      return this;
    }

    /** Replaces all balance rules. */
    public Builder balanceRules(List<BalanceRule> replacement) {
      balanceRules.clear();
      balanceRules.addAll(replacement);
      return this;
    }

    /** Replaces all locked decisions. */
    public Builder lockedDecisions(List<LockedDecision> replacement) {
      lockedDecisions.clear();
      lockedDecisions.addAll(replacement);
      return this;
    }

    public Scenario build() {
      return new Scenario(
          id,
          name,
          horizon,
          policy,
          endStates,
          linesOfEffort,
          objectives,
          offices,
          partners,
          gaps,
          options,
          programs,
          balanceRules,
          lockedDecisions);
    }
  }
}
