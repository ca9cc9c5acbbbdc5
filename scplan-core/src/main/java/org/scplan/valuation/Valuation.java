package org.scplan.valuation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The valuation of a scenario: per gap its weight and maximum value, per option its value by start
 * FY and its funding candidates, or the reason it has none. Immutable and thread-safe once built;
 * build one per scenario with {@link #of(Scenario)} (the scenario must have passed validation:
 * references resolve and numbers are in range).
 */
public final class Valuation {
  private final Scenario scenario;
  private final Map<String, CapabilityGap> gapsById = new HashMap<>();
  private final Map<String, Partner> partnersById = new HashMap<>();
  private final Map<String, Program> programsById = new LinkedHashMap<>();
  private final Map<String, Double> weights = new HashMap<>();
  private final Map<String, Double> maximumValues = new HashMap<>();
  private final Map<String, List<Candidate>> candidates = new HashMap<>();
  private final Map<String, UnfundedReason> exclusions = new HashMap<>();
  // Each program's partner lists as sets: every option asks every program about its partner.
  private final Map<String, Set<String>> servedPartners = new HashMap<>();
  private final Map<String, Set<String>> prohibitedPartners = new HashMap<>();

  /** What {@link #ineligibility} returns for a broken rule when no words are asked for. */
  private static final String NOT_ELIGIBLE = "ineligible";

  private Valuation(Scenario scenario) {
    this.scenario = scenario;
    scenario.gaps().forEach(g -> gapsById.put(g.id(), g));
    scenario.partners().forEach(p -> partnersById.put(p.id(), p));
    scenario.programs().forEach(p -> programsById.put(p.id(), p));
    for (Program program : scenario.programs()) {
      servedPartners.put(program.id(), Set.copyOf(program.eligibility().partnerIds()));
      prohibitedPartners.put(
          program.id(), Set.copyOf(program.eligibility().prohibitedPartnerIds()));
    }
    Map<String, EndState> endStates = new HashMap<>();
    scenario.endStates().forEach(e -> endStates.put(e.id(), e));
    Map<String, LineOfEffort> lines = new HashMap<>();
    scenario.linesOfEffort().forEach(l -> lines.put(l.id(), l));
    Map<String, Objective> objectives = new HashMap<>();
    scenario.objectives().forEach(o -> objectives.put(o.id(), o));
    Policy policy = scenario.policy();
    for (CapabilityGap gap : scenario.gaps()) {
      Partner partner = partnersById.get(gap.partnerId());
      Objective objective = objectives.get(gap.objectiveId());
      LineOfEffort line = lines.get(objective.lineOfEffortId());
      EndState endState = endStates.get(line.endStateId());
      double weight =
          policy.tierWeight(partner.priorityTier())
              * endState.weight()
              * line.weight()
              * objective.weight()
              * policy.roleTypeWeights().get(gap.roleType())
              * gap.risk().riskScore()
              * policy.sweetSpotFactor(gap.sweetSpot().size())
              * (1.0 - gap.thirdPartyCoverage());
      weights.put(gap.id(), weight);
      maximumValues.put(gap.id(), weight * success(gap));
    }
    for (SolutionOption option : scenario.options()) {
      CapabilityGap gap = gapsById.get(option.gapId());
      Objective objective = objectives.get(gap.objectiveId());
      valueOption(option, gap, objective);
    }
  }

  /**
   * Values {@code scenario}, which must have passed {@link
   * org.scplan.validation.ScenarioValidator}.
   */
  public static Valuation of(Scenario scenario) {
    return new Valuation(scenario);
  }

  /** The scenario valued. */
  public Scenario scenario() {
    return scenario;
  }

  /** Weighted risk at stake for the gap, in points. */
  public double weight(String gapId) {
    return weights.get(gapId);
  }

  /** The most the gap can be worth (weight × likelihood of success), in points. */
  public double maximumValue(String gapId) {
    return maximumValues.get(gapId);
  }

  /** Sum of all gap weights, in points. */
  public double totalWeightAtStake() {
    double total = 0;
    for (CapabilityGap gap : scenario.gaps()) {
      total += weights.get(gap.id());
    }
    return total;
  }

  /**
   * The candidates of an option, ordered by program (scenario order) then start FY; empty when the
   * option cannot be funded, see {@link #exclusion(String)}.
   */
  public List<Candidate> candidates(String optionId) {
    return candidates.getOrDefault(optionId, List.of());
  }

  /** Why the option has no candidate at all, or empty when it has one. */
  public Optional<UnfundedReason> exclusion(String optionId) {
    return Optional.ofNullable(exclusions.get(optionId));
  }

  /** The candidate for this option, program and start FY, if it is one. */
  public Optional<Candidate> candidate(String optionId, String programId, int startFiscalYear) {
    for (Candidate candidate : candidates(optionId)) {
      if (candidate.programId().equals(programId)
          && candidate.startFiscalYear() == startFiscalYear) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** FY the option's capability is in place when started in {@code startFiscalYear}. */
  public static int completion(SolutionOption option, int startFiscalYear) {
    return startFiscalYear + option.leadTimeYears() + option.durationYears() - 1;
  }

  /**
   * Dollars the option obligates in each FY under {@code rule}, indexed from its start FY
   * (INCREMENTAL: its cost profile; FULL_AT_START: its total cost in the start FY).
   */
  public static long[] obligationProfile(SolutionOption option, ObligationRule rule) {
    long[] profile = new long[option.durationYears()];
    if (rule == ObligationRule.FULL_AT_START) {
      profile[0] = option.totalCost();
    } else {
      for (int i = 0; i < profile.length; i++) {
        profile[i] = option.cost(i);
      }
    }
    return profile;
  }

  private double success(CapabilityGap gap) {
    Partner partner = partnersById.get(gap.partnerId());
    Double desire = partner.desire(gap.role());
    return partner.propensity() * (desire == null ? 0.0 : desire);
  }

  private void valueOption(SolutionOption option, CapabilityGap gap, Objective objective) {
    Policy policy = scenario.policy();
    Partner partner = partnersById.get(gap.partnerId());
    Double desire = partner.desire(gap.role());
    if (desire == null || desire < policy.minimumDesire()) {
      exclusions.put(
          option.id(),
          new UnfundedReason(
              ReasonCode.EXCLUDED_BY_POLICY,
              String.format(
                  Locale.ROOT,
                  "%s's desire to play role '%s' is %.2f, below the policy minimum desire %.2f.",
                  partner.name(),
                  gap.role(),
                  desire == null ? 0.0 : desire,
                  policy.minimumDesire())));
      return;
    }
    int riskScore = gap.risk().riskScore();
    if (riskScore < policy.minimumRiskScore()) {
      exclusions.put(
          option.id(),
          new UnfundedReason(
              ReasonCode.EXCLUDED_BY_POLICY,
              String.format(
                  Locale.ROOT,
                  "Its gap '%s' has risk score %d, below the policy minimum risk score %d: little point in providing.",
                  gap.description().isBlank() ? gap.id() : gap.description(),
                  riskScore,
                  policy.minimumRiskScore())));
      return;
    }
    if (option.providingRisk() > policy.maximumProvidingRisk()) {
      exclusions.put(
          option.id(),
          new UnfundedReason(
              ReasonCode.EXCLUDED_BY_POLICY,
              String.format(
                  Locale.ROOT,
                  "Political risk of providing is %d, above the policy maximum providing risk %d.",
                  option.providingRisk(),
                  policy.maximumProvidingRisk())));
      return;
    }
    double baseValue =
        weights.get(gap.id())
            * option.closure()
            * success(gap)
            * (1.0 - policy.providingRiskPenalty(option.providingRisk()));
    if (!(baseValue > 0)) {
      exclusions.put(
          option.id(),
          new UnfundedReason(
              ReasonCode.NO_VALUE,
              String.format(
                  Locale.ROOT,
                  "The option is worth nothing: gap weight %.3f (third-party coverage %.0f%%), closure %.2f, likelihood of success %.2f.",
                  weights.get(gap.id()),
                  gap.thirdPartyCoverage() * 100,
                  option.closure(),
                  success(gap))));
      return;
    }
    int ineligible = 0;
    List<Candidate> found = new ArrayList<>();
    int horizonFirst = scenario.horizon().firstFiscalYear();
    int horizonLast = scenario.horizon().lastFiscalYear();
    for (Program program : programsById.values()) {
      if (ineligibility(option, partner, program, false) != null) {
        ineligible++;
        continue;
      }
      int first =
          Math.max(
              horizonFirst + program.planningLeadTimeYears(),
              option.earliestStartFiscalYear() == null
                  ? horizonFirst
                  : option.earliestStartFiscalYear());
      int last =
          Math.min(
              option.latestStartFiscalYear() == null ? horizonLast : option.latestStartFiscalYear(),
              horizonLast);
      if (program.obligationRule() == ObligationRule.INCREMENTAL) {
        last = Math.min(last, horizonLast - option.durationYears() + 1);
      }
      long[] obligations = obligationProfile(option, program.obligationRule());
      for (int start = first; start <= last; start++) {
        if (!moneyExistsWhenNeeded(program, obligations, start)) {
          continue;
        }
        int completion = completion(option, start);
        double value = baseValue * timeliness(gap, objective, completion);
        if (value > 0) {
          found.add(new Candidate(option.id(), program.id(), start, completion, value));
        }
      }
    }
    if (!found.isEmpty()) {
      candidates.put(option.id(), List.copyOf(found));
      return;
    }
    if (ineligible == programsById.size()) {
      List<String> ineligibility = new ArrayList<>();
      for (Program program : programsById.values()) {
        ineligibility.add(program.name() + ": " + ineligibility(option, partner, program, true));
      }
      exclusions.put(
          option.id(),
          new UnfundedReason(
              ReasonCode.INELIGIBLE,
              "No program may fund it: " + String.join("; ", ineligibility) + "."));
    } else {
      exclusions.put(
          option.id(),
          new UnfundedReason(
              ReasonCode.NO_START_YEAR,
              String.format(
                  Locale.ROOT,
                  "No start year works: start window FY%s–FY%s, duration %d FY, lead time %d FY, horizon FY%d–FY%d, objective deadline FY%d, and the eligible programs' planning lead times and appropriations leave no start with value.",
                  option.earliestStartFiscalYear() == null
                      ? horizonFirst
                      : option.earliestStartFiscalYear(),
                  option.latestStartFiscalYear() == null
                      ? horizonLast
                      : option.latestStartFiscalYear(),
                  option.durationYears(),
                  option.leadTimeYears(),
                  horizonFirst,
                  horizonLast,
                  objective.deadlineFiscalYear())));
    }
  }

  /**
   * The first eligibility rule of docs/MODEL.md §1 that {@code program} breaks, or null. Without
   * {@code explain} the words are not built (most programs of a large scenario are ineligible for
   * most options, and the words are needed only for options no program may fund).
   */
  private String ineligibility(
      SolutionOption option, Partner partner, Program program, boolean explain) {
    ProgramEligibility rules = program.eligibility();
    if (!option.programIds().isEmpty() && !option.programIds().contains(program.id())) {
      return explain ? "not among the option's programs" : NOT_ELIGIBLE;
    }
    if (!rules.activityTypes().isEmpty()
        && !rules.activityTypes().contains(option.activityType())) {
      return explain ? "does not fund " + option.activityType() : NOT_ELIGIBLE;
    }
    if (!rules.domains().isEmpty() && !rules.domains().contains(option.domain())) {
      return explain ? "does not fund the " + option.domain() + " domain" : NOT_ELIGIBLE;
    }
    if (!rules.combatantCommands().isEmpty()
        && !rules.combatantCommands().contains(partner.combatantCommand())) {
      return explain ? "does not serve " + partner.combatantCommand() : NOT_ELIGIBLE;
    }
    if (!rules.partnerIds().isEmpty() && !servedPartners.get(program.id()).contains(partner.id())) {
      return explain ? "does not serve " + partner.name() : NOT_ELIGIBLE;
    }
    if (prohibitedPartners.get(program.id()).contains(partner.id())) {
      return explain ? "prohibited for " + partner.name() : NOT_ELIGIBLE;
    }
    if (!program.vettingRequirement().admits(partner.vettingStatus())) {
      return explain
          ? "requires "
              + program.vettingRequirement()
              + " vetting; "
              + partner.name()
              + " is "
              + partner.vettingStatus()
          : NOT_ELIGIBLE;
    }
    if (program.obligationRule() == ObligationRule.FULL_AT_START
        && program.maxSpanYears() != null
        && option.durationYears() > program.maxSpanYears()) {
      return explain
          ? "runs "
              + option.durationYears()
              + " FY, longer than the program's span of "
              + program.maxSpanYears()
              + " FY"
          : NOT_ELIGIBLE;
    }
    return null;
  }

  private static boolean moneyExistsWhenNeeded(Program program, long[] obligations, int start) {
    for (int i = 0; i < obligations.length; i++) {
      if (obligations[i] > 0 && !anyAvailable(program, start + i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyAvailable(Program program, int fiscalYear) {
    for (Appropriation appropriation : program.appropriations()) {
      if (appropriation.availableIn(fiscalYear)) {
        return true;
      }
    }
    return false;
  }

  private static double timeliness(CapabilityGap gap, Objective objective, int completion) {
    if (completion > objective.deadlineFiscalYear()) {
      return 0.0;
    }
    int late = completion - gap.urgency().needByFiscalYear();
    return late <= 0 ? 1.0 : Math.pow(1.0 - gap.urgency().decayPerYear(), late);
  }
}
