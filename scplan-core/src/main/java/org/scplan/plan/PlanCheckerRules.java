package org.scplan.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.EndState;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.Objective;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Policy;
import org.scplan.scenario.Program;
import org.scplan.scenario.ProgramEligibility;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;

/**
 * The domain rules of {@code docs/MODEL.md} §1–3 (eligibility, candidate starts, valuation, policy
 * exclusions, cost and obligation calendars), written for {@link PlanChecker} only and
 * independently of the code that produces plans. Indexes the scenario once; every look-up is a
 * hash-map access.
 *
 * <p>Assumes a scenario that passed validation, but degrades instead of throwing when a reference
 * does not resolve (a missing weight counts as 0).
 *
 * <p>Not thread-safe (lazily caches per-gap figures); one instance per check.
 */
final class PlanCheckerRules {

  private final Scenario scenario;
  private final Policy policy;
  private final int firstFiscalYear;
  private final int lastFiscalYear;
  private final Map<String, SolutionOption> options = new HashMap<>();
  private final Map<String, CapabilityGap> gaps = new HashMap<>();
  private final Map<String, Partner> partners = new HashMap<>();
  private final Map<String, Program> programs = new HashMap<>();
  private final Map<String, Objective> objectives = new HashMap<>();
  private final Map<String, LineOfEffort> linesOfEffort = new HashMap<>();
  private final Map<String, EndState> endStates = new HashMap<>();
  private final Map<String, Double> weights = new HashMap<>();

  PlanCheckerRules(Scenario scenario) {
    this.scenario = scenario;
    this.policy = scenario.policy();
    this.firstFiscalYear = scenario.horizon().firstFiscalYear();
    this.lastFiscalYear = scenario.horizon().lastFiscalYear();
    scenario.options().forEach(o -> options.putIfAbsent(o.id(), o));
    scenario.gaps().forEach(g -> gaps.putIfAbsent(g.id(), g));
    scenario.partners().forEach(p -> partners.putIfAbsent(p.id(), p));
    scenario.programs().forEach(p -> programs.putIfAbsent(p.id(), p));
    scenario.objectives().forEach(o -> objectives.putIfAbsent(o.id(), o));
    scenario.linesOfEffort().forEach(l -> linesOfEffort.putIfAbsent(l.id(), l));
    scenario.endStates().forEach(e -> endStates.putIfAbsent(e.id(), e));
  }

  SolutionOption option(String id) {
    return id == null ? null : options.get(id);
  }

  CapabilityGap gap(String id) {
    return id == null ? null : gaps.get(id);
  }

  Partner partner(String id) {
    return id == null ? null : partners.get(id);
  }

  Program program(String id) {
    return id == null ? null : programs.get(id);
  }

  /** The gap of an option, or null. */
  CapabilityGap gapOf(SolutionOption option) {
    return gap(option.gapId());
  }

  /** The partner of an option (through its gap), or null. */
  Partner partnerOf(SolutionOption option) {
    CapabilityGap gap = gapOf(option);
    return gap == null ? null : partner(gap.partnerId());
  }

  // ---------------------------------------------------------------- eligibility (MODEL §1)

  /**
   * The eligibility rules (1–8 of MODEL §1) that {@code program} fails for {@code option}, each
   * described in words; empty when the program is eligible.
   */
  List<String> eligibilityFailures(SolutionOption option, Program program) {
    return eligibility(option, program, true);
  }

  /**
   * The rules {@code program} fails for {@code option}: described in words with {@code describe},
   * else as placeholders, as the eligibility asked of every program for every unfunded option needs
   * no words.
   */
  private List<String> eligibility(SolutionOption option, Program program, boolean describe) {
    List<String> failures = new ArrayList<>(1);
    Partner partner = partnerOf(option);
    ProgramEligibility rules = program.eligibility();
    if (!option.programIds().isEmpty() && !option.programIds().contains(program.id())) {
      fail(
          failures,
          describe,
          () -> "rule 1: the option may be funded only by " + quoted(option.programIds()));
    }
    if (!rules.activityTypes().isEmpty()
        && !rules.activityTypes().contains(option.activityType())) {
      fail(
          failures,
          describe,
          () ->
              "rule 2: activity type "
                  + option.activityType()
                  + " is not among the program's "
                  + rules.activityTypes());
    }
    if (!rules.domains().isEmpty() && !rules.domains().contains(option.domain())) {
      fail(
          failures,
          describe,
          () ->
              "rule 3: domain "
                  + option.domain()
                  + " is not among the program's "
                  + rules.domains());
    }
    if (partner == null) {
      fail(failures, describe, () -> "rules 4-7: the option's partner is unknown");
    } else {
      if (!rules.combatantCommands().isEmpty()
          && !rules.combatantCommands().contains(partner.combatantCommand())) {
        fail(
            failures,
            describe,
            () ->
                "rule 4: partner's combatant command "
                    + partner.combatantCommand()
                    + " is not among the program's "
                    + rules.combatantCommands());
      }
      if (!rules.partnerIds().isEmpty() && !rules.partnerIds().contains(partner.id())) {
        fail(
            failures,
            describe,
            () ->
                "rule 5: partner '"
                    + partner.id()
                    + "' is not among the program's partners "
                    + quoted(rules.partnerIds()));
      }
      if (rules.prohibitedPartnerIds().contains(partner.id())) {
        fail(
            failures,
            describe,
            () -> "rule 6: partner '" + partner.id() + "' is prohibited for the program");
      }
      if (!program.vettingRequirement().admits(partner.vettingStatus())) {
        fail(
            failures,
            describe,
            () ->
                "rule 7: vetting requirement "
                    + program.vettingRequirement()
                    + " does not admit partner vetting status "
                    + partner.vettingStatus());
      }
    }
    if (program.obligationRule() == ObligationRule.FULL_AT_START) {
      Integer span = program.maxSpanYears();
      if (span == null || option.durationYears() > span) {
        fail(
            failures,
            describe,
            () ->
                "rule 8: duration "
                    + option.durationYears()
                    + " years exceeds the program's span of "
                    + (span == null ? "(none)" : span)
                    + " years");
      }
    }
    return failures;
  }

  private static void fail(List<String> failures, boolean describe, Supplier<String> failure) {
    failures.add(describe ? failure.get() : "");
  }

  boolean eligible(SolutionOption option, Program program) {
    return eligibility(option, program, false).isEmpty();
  }

  /** Whether any program of the scenario is eligible for the option. */
  Program anyEligibleProgram(SolutionOption option) {
    for (Program program : scenario.programs()) {
      if (eligible(option, program)) {
        return program;
      }
    }
    return null;
  }

  // ------------------------------------------------------------ candidate starts (MODEL §1)

  /** Earliest candidate start by rule 1: max(horizon.first + program lead time, earliest start). */
  long earliestStart(SolutionOption option, Program program) {
    long byProgram = (long) firstFiscalYear + program.planningLeadTimeYears();
    long byOption =
        option.earliestStartFiscalYear() == null
            ? firstFiscalYear
            : option.earliestStartFiscalYear();
    return Math.max(byProgram, byOption);
  }

  /** Latest candidate start by rule 1: min(latest start, horizon.last). */
  long latestStart(SolutionOption option) {
    long byOption =
        option.latestStartFiscalYear() == null ? lastFiscalYear : option.latestStartFiscalYear();
    return Math.min(byOption, lastFiscalYear);
  }

  /**
   * Why {@code start} breaks candidate rules 1 (window, program planning lead time) or 2
   * (INCREMENTAL cost inside the horizon), or null when it does not.
   */
  String windowFailure(SolutionOption option, Program program, int start) {
    long earliest = earliestStart(option, program);
    long latest = latestStart(option);
    if (start < earliest || start > latest) {
      StringBuilder why =
          new StringBuilder("start FY" + start + " is outside the candidate window ");
      why.append(earliest > latest ? "(empty: " : "")
          .append("FY")
          .append(earliest)
          .append("-FY")
          .append(latest);
      why.append(earliest > latest ? ")" : "");
      why.append(" (horizon FY")
          .append(firstFiscalYear)
          .append("-FY")
          .append(lastFiscalYear)
          .append(", program '")
          .append(program.id())
          .append("' planning lead time ")
          .append(program.planningLeadTimeYears())
          .append(" years, option window ")
          .append(
              option.earliestStartFiscalYear() == null
                  ? "-"
                  : "FY" + option.earliestStartFiscalYear())
          .append(" to ")
          .append(
              option.latestStartFiscalYear() == null ? "-" : "FY" + option.latestStartFiscalYear())
          .append(')');
      return why.toString();
    }
    if (program.obligationRule() == ObligationRule.INCREMENTAL) {
      long lastCostYear = (long) start + option.durationYears() - 1;
      if (lastCostYear > lastFiscalYear) {
        return "INCREMENTAL program '"
            + program.id()
            + "': the option's cost runs to FY"
            + lastCostYear
            + ", after the horizon's last FY"
            + lastFiscalYear;
      }
    }
    return null;
  }

  /**
   * The first FY in which the option, funded by {@code program} from {@code start}, obligates a
   * positive amount while the program has no appropriation available (candidate rule 3), or null.
   * Availability is the period of availability only; an appropriation of amount 0 counts.
   */
  Integer yearWithoutMoney(SolutionOption option, Program program, int start) {
    for (Map.Entry<Integer, Long> obligation :
        obligationsByFiscalYear(option, program, start).entrySet()) {
      if (obligation.getValue() > 0 && !hasAppropriationAvailable(program, obligation.getKey())) {
        return obligation.getKey();
      }
    }
    return null;
  }

  boolean hasAppropriationAvailable(Program program, int fiscalYear) {
    for (Appropriation appropriation : program.appropriations()) {
      if (appropriation.availableIn(fiscalYear)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code start} is a candidate for (option, program): rules 1–4 (eligibility apart). */
  boolean isCandidate(SolutionOption option, Program program, int start) {
    return windowFailure(option, program, start) == null
        && yearWithoutMoney(option, program, start) == null
        && value(option, start) > 0;
  }

  /** An eligible program and a candidate start for it. */
  record Candidate(Program program, int start) {}

  /**
   * A candidate (program, start) for the option with start ≥ {@code notBefore}: eligible program
   * and candidate start; or null when there is none. Programs in scenario order, starts ascending.
   */
  Candidate anyCandidate(SolutionOption option, long notBefore) {
    for (Program program : scenario.programs()) {
      if (!eligible(option, program)) {
        continue;
      }
      long from = Math.max(notBefore, earliestStart(option, program));
      long to = latestStart(option);
      for (long start = from; start <= to; start++) {
        if (isCandidate(option, program, (int) start)) {
          return new Candidate(program, (int) start);
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ policy (MODEL §2)

  /**
   * The policy thresholds that exclude the option, each described with its value; empty if none.
   */
  List<String> policyExclusions(SolutionOption option) {
    List<String> reasons = new ArrayList<>(1);
    CapabilityGap gap = gapOf(option);
    Partner partner = partnerOf(option);
    if (gap != null && partner != null) {
      Double desire = partner.desire(gap.role());
      if (desire == null || desire < policy.minimumDesire()) {
        reasons.add(
            "partner '"
                + partner.id()
                + "' desire "
                + (desire == null ? "(none)" : desire)
                + " for role '"
                + gap.role()
                + "' is below the policy minimum "
                + policy.minimumDesire());
      }
    }
    if (gap != null && riskScore(gap) < policy.minimumRiskScore()) {
      reasons.add(
          "gap '"
              + gap.id()
              + "' risk score "
              + riskScore(gap)
              + " is below the policy minimum "
              + policy.minimumRiskScore());
    }
    if (option.providingRisk() > policy.maximumProvidingRisk()) {
      reasons.add(
          "providing risk "
              + option.providingRisk()
              + " exceeds the policy maximum "
              + policy.maximumProvidingRisk());
    }
    return reasons;
  }

  // --------------------------------------------------------------- valuation (MODEL §2)

  int riskScore(CapabilityGap gap) {
    return gap.risk().likelihood()
        * Math.max(gap.risk().consequence(), gap.risk().politicalRiskOfNotProviding());
  }

  /** weight(g) in points; 0 when a reference or a policy constant is missing. */
  double weight(CapabilityGap gap) {
    Double cached = weights.get(gap.id());
    if (cached != null) {
      return cached;
    }
    double weight = computeWeight(gap);
    weights.put(gap.id(), weight);
    return weight;
  }

  private double computeWeight(CapabilityGap gap) {
    Partner partner = partner(gap.partnerId());
    Objective objective = objectives.get(gap.objectiveId());
    LineOfEffort lineOfEffort =
        objective == null ? null : linesOfEffort.get(objective.lineOfEffortId());
    EndState endState = lineOfEffort == null ? null : endStates.get(lineOfEffort.endStateId());
    if (partner == null || endState == null) {
      return 0.0;
    }
    Double tierWeight = policy.tierWeight(partner.priorityTier());
    Double roleTypeWeight = policy.roleTypeWeights().get(gap.roleType());
    if (tierWeight == null || roleTypeWeight == null) {
      return 0.0;
    }
    double strategyWeight = endState.weight() * lineOfEffort.weight() * objective.weight();
    double sweetSpot =
        1.0 + policy.sweetSpotBonusPerStakeholder() * Math.max(0, gap.sweetSpot().size() - 1);
    return tierWeight
        * strategyWeight
        * roleTypeWeight
        * riskScore(gap)
        * sweetSpot
        * (1.0 - gap.thirdPartyCoverage());
  }

  /** success(g) = propensity × desire(role); 0 when the partner or the desire is missing. */
  double success(CapabilityGap gap) {
    Partner partner = partner(gap.partnerId());
    if (partner == null) {
      return 0.0;
    }
    Double desire = partner.desire(gap.role());
    return desire == null ? 0.0 : partner.propensity() * desire;
  }

  double maximumValue(CapabilityGap gap) {
    return weight(gap) * success(gap);
  }

  /** completion(o, t) = t + lead time + duration − 1 (long: no overflow on absurd plan years). */
  long completion(SolutionOption option, long start) {
    return start + option.leadTimeYears() + option.durationYears() - 1;
  }

  double timeliness(SolutionOption option, long start) {
    CapabilityGap gap = gapOf(option);
    Objective objective = gap == null ? null : objectives.get(gap.objectiveId());
    if (objective == null) {
      return 0.0;
    }
    long completion = completion(option, start);
    if (completion > objective.deadlineFiscalYear()) {
      return 0.0;
    }
    long needBy = gap.urgency().needByFiscalYear();
    if (completion <= needBy) {
      return 1.0;
    }
    return Math.pow(1.0 - gap.urgency().decayPerYear(), completion - needBy);
  }

  double providingRiskPenalty(int risk) {
    List<Double> penalties = policy.providingRiskPenalties();
    if (risk < 1 || risk > penalties.size()) {
      return 1.0;
    }
    return penalties.get(risk - 1);
  }

  /** value(o, t) in points. */
  double value(SolutionOption option, long start) {
    CapabilityGap gap = gapOf(option);
    if (gap == null) {
      return 0.0;
    }
    return weight(gap)
        * option.closure()
        * timeliness(option, start)
        * success(gap)
        * (1.0 - providingRiskPenalty(option.providingRisk()));
  }

  // ------------------------------------------------------------------ money (MODEL §3)

  /** The cost profile laid on the calendar from {@code start}; zero-dollar years omitted. */
  SortedMap<Integer, Long> costByFiscalYear(SolutionOption option, int start) {
    SortedMap<Integer, Long> costs = new TreeMap<>();
    List<Long> profile = option.costProfile();
    for (int i = 0; i < profile.size(); i++) {
      long cost = profile.get(i);
      if (cost != 0) {
        costs.merge(start + i, cost, Math::addExact);
      }
    }
    return costs;
  }

  /**
   * Obligations by FY under the program's rule: INCREMENTAL = cost by FY; FULL_AT_START = total
   * cost in the start FY. Zero-dollar years omitted.
   */
  SortedMap<Integer, Long> obligationsByFiscalYear(
      SolutionOption option, Program program, int start) {
    if (program.obligationRule() == ObligationRule.INCREMENTAL) {
      return costByFiscalYear(option, start);
    }
    SortedMap<Integer, Long> obligations = new TreeMap<>();
    long total = option.totalCost();
    if (total != 0) {
      obligations.put(start, total);
    }
    return obligations;
  }

  private static String quoted(List<String> ids) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < ids.size(); i++) {
      text.append(i == 0 ? "'" : ", '").append(ids.get(i)).append('\'');
    }
    return text.append(']').toString();
  }
}
