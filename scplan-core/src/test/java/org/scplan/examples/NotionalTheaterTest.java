package org.scplan.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.EndState;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Objective;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.PlanningHorizon;
import org.scplan.scenario.Policy;
import org.scplan.scenario.Prerequisite;
import org.scplan.scenario.Program;
import org.scplan.scenario.ProgramEligibility;
import org.scplan.scenario.RiskAssessment;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;
import org.scplan.scenario.VettingStatus;

/**
 * Checks the embedded theater against the floors it promises and against docs/MODEL.md. Every
 * expectation is computed here from the scenario and the model rules, never copied from the class
 * under test.
 */
class NotionalTheaterTest {

  private static final Scenario THEATER = NotionalTheater.scenario();

  private static final Map<String, Partner> PARTNERS = byId(THEATER.partners(), Partner::id);
  private static final Map<String, CapabilityGap> GAPS = byId(THEATER.gaps(), CapabilityGap::id);
  private static final Map<String, SolutionOption> OPTIONS =
      byId(THEATER.options(), SolutionOption::id);
  private static final Map<String, Program> PROGRAMS = byId(THEATER.programs(), Program::id);
  private static final Map<String, Objective> OBJECTIVES =
      byId(THEATER.objectives(), Objective::id);
  private static final Map<String, LineOfEffort> LINES =
      byId(THEATER.linesOfEffort(), LineOfEffort::id);
  private static final Map<String, EndState> END_STATES = byId(THEATER.endStates(), EndState::id);

  // ------------------------------------------------------------------ determinism

  @Test
  void scenario_calledTwice_returnsEqualScenarios() {
    Scenario first = NotionalTheater.scenario();
    Scenario second = NotionalTheater.scenario();

    assertThat(second).isNotSameAs(first).isEqualTo(first);
    assertThat(second.hashCode()).isEqualTo(first.hashCode());
  }

  // ------------------------------------------------------------------ size

  @Test
  void scenario_counts_meetTheFloors() {
    long commands = THEATER.partners().stream().map(Partner::combatantCommand).distinct().count();

    assertThat(THEATER.horizon()).isEqualTo(new PlanningHorizon(2027, 2031));
    assertThat(THEATER.partners()).hasSizeGreaterThanOrEqualTo(14);
    assertThat(commands).isGreaterThanOrEqualTo(4);
    assertThat(THEATER.programs()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(THEATER.options()).hasSizeGreaterThanOrEqualTo(200);
    assertThat(THEATER.gaps()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(THEATER.endStates()).hasSizeBetween(3, 4);
    assertThat(THEATER.linesOfEffort()).hasSizeBetween(6, 10);
    assertThat(THEATER.balanceRules()).hasSizeBetween(2, 3);
    assertThat(THEATER.lockedDecisions()).hasSizeBetween(1, 2);
    assertThat(THEATER.securityCooperationOffices()).hasSameSizeAs(THEATER.partners());
    assertThat(THEATER.policy()).isEqualTo(Policy.defaults());
  }

  @Test
  void gaps_optionsPerGap_areTwoToFive() {
    Map<String, Long> optionsPerGap =
        THEATER.options().stream()
            .collect(
                Collectors.groupingBy(SolutionOption::gapId, TreeMap::new, Collectors.counting()));

    assertThat(optionsPerGap.keySet()).containsExactlyInAnyOrderElementsOf(GAPS.keySet());
    assertThat(optionsPerGap.values()).allSatisfy(count -> assertThat(count).isBetween(2L, 5L));
  }

  // ------------------------------------------------------------------ money

  @Test
  void programs_obligationRulesAndAvailability_coverEveryKind() {
    Set<ObligationRule> rules = new HashSet<>();
    Set<Integer> periods = new HashSet<>();
    boolean noYear = false;
    boolean carriedOver = false;
    for (Program program : THEATER.programs()) {
      rules.add(program.obligationRule());
      for (Appropriation appropriation : program.appropriations()) {
        if (appropriation.noYear()) {
          noYear = true;
        } else {
          periods.add(appropriation.yearsAvailable());
        }
        carriedOver |= appropriation.fiscalYear() < THEATER.horizon().firstFiscalYear();
      }
    }

    assertThat(rules).containsExactlyInAnyOrder(ObligationRule.values());
    assertThat(periods).contains(1, 2);
    assertThat(noYear).isTrue();
    assertThat(carriedOver).isTrue();
  }

  @Test
  void appropriations_againstAllOptionCosts_areTight() {
    long money =
        THEATER.programs().stream()
            .flatMap(program -> program.appropriations().stream())
            .mapToLong(Appropriation::amount)
            .sum();
    long demand = THEATER.options().stream().mapToLong(SolutionOption::totalCost).sum();

    assertThat((double) money / demand).isBetween(0.40, 0.60);
  }

  @Test
  void programs_someProgram_holdsMoreThanEverythingItMayFund() {
    // Money that nothing can use must lapse: the scenario shows a lapse whatever the plan.
    List<String> overFunded = new ArrayList<>();
    for (Program program : THEATER.programs()) {
      long money = program.appropriations().stream().mapToLong(Appropriation::amount).sum();
      long fundable =
          THEATER.options().stream()
              .filter(option -> eligible(program, option))
              .mapToLong(SolutionOption::totalCost)
              .sum();
      if (money > fundable) {
        overFunded.add(program.id());
      }
    }

    assertThat(overFunded).isNotEmpty();
  }

  @Test
  void appropriations_everyOne_isUsableInsideTheHorizon() {
    PlanningHorizon horizon = THEATER.horizon();
    for (Program program : THEATER.programs()) {
      assertThat(program.appropriations()).as(program.id()).isNotEmpty();
      for (Appropriation appropriation : program.appropriations()) {
        assertThat(appropriation.amount()).as(program.id()).isPositive();
        assertThat(appropriation.lastAvailableFiscalYear())
            .as(program.id() + " FY" + appropriation.fiscalYear())
            .isGreaterThanOrEqualTo(horizon.firstFiscalYear());
        assertThat(appropriation.fiscalYear()).isLessThanOrEqualTo(horizon.lastFiscalYear());
      }
    }
  }

  // ------------------------------------------------------------------ structure

  @Test
  void options_prerequisitesAndExclusionGroups_areNumerous() {
    long prerequisites = THEATER.options().stream().mapToLong(o -> o.prerequisites().size()).sum();
    Map<String, Long> groupSizes =
        THEATER.options().stream()
            .map(SolutionOption::exclusionGroup)
            .filter(Objects::nonNull)
            .collect(Collectors.groupingBy(group -> group, TreeMap::new, Collectors.counting()));

    assertThat(prerequisites).isGreaterThanOrEqualTo(10);
    assertThat(groupSizes).hasSizeGreaterThanOrEqualTo(8);
    // A group of one excludes nothing.
    assertThat(groupSizes.values()).allSatisfy(size -> assertThat(size).isGreaterThan(1L));
  }

  @Test
  void exclusionGroups_members_belongToOneGap() {
    Map<String, Set<String>> gapsPerGroup = new TreeMap<>();
    for (SolutionOption option : THEATER.options()) {
      if (option.exclusionGroup() != null) {
        gapsPerGroup
            .computeIfAbsent(option.exclusionGroup(), group -> new TreeSet<>())
            .add(option.gapId());
      }
    }

    assertThat(gapsPerGroup.values()).allSatisfy(gaps -> assertThat(gaps).hasSize(1));
  }

  @Test
  void gaps_complements_closeMoreThanTheWholeGapInSome() {
    // Best closure a gap can reach: every option outside a group plus the best of each group.
    long overClosed =
        THEATER.gaps().stream().filter(gap -> reachableClosure(gap.id()) > 1.0 + 1e-9).count();

    assertThat(overClosed).isGreaterThanOrEqualTo(2);
  }

  @Test
  void ids_perEntityType_areUnique() {
    assertUnique(THEATER.endStates().stream().map(EndState::id).toList());
    assertUnique(THEATER.linesOfEffort().stream().map(LineOfEffort::id).toList());
    assertUnique(THEATER.objectives().stream().map(Objective::id).toList());
    assertUnique(
        THEATER.securityCooperationOffices().stream().map(SecurityCooperationOffice::id).toList());
    assertUnique(THEATER.partners().stream().map(Partner::id).toList());
    assertUnique(THEATER.gaps().stream().map(CapabilityGap::id).toList());
    assertUnique(THEATER.options().stream().map(SolutionOption::id).toList());
    assertUnique(THEATER.programs().stream().map(Program::id).toList());
    assertUnique(THEATER.balanceRules().stream().map(BalanceRule::id).toList());
    assertUnique(THEATER.lockedDecisions().stream().map(LockedDecision::optionId).toList());
  }

  @Test
  void ids_everyEntity_isReadableLowercase() {
    List<String> ids = new ArrayList<>();
    THEATER.partners().forEach(p -> ids.add(p.id()));
    THEATER.gaps().forEach(g -> ids.add(g.id()));
    THEATER.options().forEach(o -> ids.add(o.id()));
    THEATER.programs().forEach(p -> ids.add(p.id()));

    assertThat(ids).allMatch(id -> id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)+"), "kebab-case id");
    assertThat(THEATER.options()).allSatisfy(o -> assertThat(o.name()).isNotBlank());
    assertThat(THEATER.gaps()).allSatisfy(g -> assertThat(g.description()).isNotBlank());
  }

  @Test
  void references_everyOne_resolves() {
    Set<String> offices =
        THEATER.securityCooperationOffices().stream()
            .map(SecurityCooperationOffice::id)
            .collect(Collectors.toSet());
    assertThat(THEATER.linesOfEffort())
        .allSatisfy(l -> assertThat(END_STATES).containsKey(l.endStateId()));
    assertThat(THEATER.objectives())
        .allSatisfy(o -> assertThat(LINES).containsKey(o.lineOfEffortId()));
    assertThat(THEATER.partners()).allSatisfy(p -> assertThat(offices).contains(p.scoId()));
    assertThat(THEATER.gaps())
        .allSatisfy(
            g -> {
              assertThat(PARTNERS).containsKey(g.partnerId());
              assertThat(OBJECTIVES).containsKey(g.objectiveId());
            });
    assertThat(THEATER.options())
        .allSatisfy(
            o -> {
              assertThat(GAPS).containsKey(o.gapId());
              assertThat(PROGRAMS.keySet()).containsAll(o.programIds());
              assertThat(o.prerequisites())
                  .allSatisfy(p -> assertThat(OPTIONS).containsKey(p.optionId()));
            });
    assertThat(THEATER.programs())
        .allSatisfy(
            p -> {
              assertThat(PARTNERS.keySet()).containsAll(p.eligibility().partnerIds());
              assertThat(PARTNERS.keySet()).containsAll(p.eligibility().prohibitedPartnerIds());
            });
    assertThat(THEATER.lockedDecisions())
        .allSatisfy(
            d -> {
              assertThat(OPTIONS).containsKey(d.optionId());
              assertThat(PROGRAMS).containsKey(d.programId());
            });
  }

  @Test
  void prerequisites_graph_hasNoCycle() {
    Map<String, Integer> state = new HashMap<>();
    for (SolutionOption option : THEATER.options()) {
      assertThat(reachesCycle(option.id(), state)).as(option.id()).isFalse();
    }
  }

  @Test
  void prerequisites_everyOne_isSameGapWithSmallLag() {
    for (SolutionOption option : THEATER.options()) {
      for (Prerequisite prerequisite : option.prerequisites()) {
        assertThat(OPTIONS.get(prerequisite.optionId()).gapId()).isEqualTo(option.gapId());
        assertThat(prerequisite.lagYears()).isBetween(0, 1);
        assertThat(prerequisite.optionId()).isNotEqualTo(option.id());
      }
    }
  }

  // ------------------------------------------------------------------ validity

  @Test
  void gaps_role_isInThePartnersDesires() {
    assertThat(THEATER.gaps())
        .allSatisfy(
            gap ->
                assertThat(PARTNERS.get(gap.partnerId()).desireByRole())
                    .as(gap.id())
                    .containsKey(gap.role()));
  }

  @Test
  void gaps_needBy_isNotAfterTheObjectiveDeadline() {
    assertThat(THEATER.gaps())
        .allSatisfy(
            gap ->
                assertThat(gap.urgency().needByFiscalYear())
                    .as(gap.id())
                    .isBetween(2027, OBJECTIVES.get(gap.objectiveId()).deadlineFiscalYear()));
    assertThat(THEATER.objectives())
        .allSatisfy(o -> assertThat(o.deadlineFiscalYear()).isBetween(2029, 2033));
  }

  @Test
  void values_everyScoreFractionAndAmount_isInRange() {
    Policy policy = THEATER.policy();
    for (Partner partner : THEATER.partners()) {
      assertThat(policy.tierWeight(partner.priorityTier())).as(partner.id()).isNotNull();
      assertThat(partner.propensity()).isBetween(0.35, 0.95);
      assertThat(partner.desireByRole().values())
          .allSatisfy(d -> assertThat(d).isBetween(0.0, 1.0));
      assertThat(partner.absorptiveCapacityPerYear()).isPositive();
      assertThat(partner.sustainmentBudgetPerYear()).isPositive();
    }
    for (CapabilityGap gap : THEATER.gaps()) {
      RiskAssessment risk = gap.risk();
      assertThat(List.of(risk.likelihood(), risk.consequence(), risk.politicalRiskOfNotProviding()))
          .as(gap.id())
          .allSatisfy(score -> assertThat(score).isBetween(1, 5));
      assertThat(gap.thirdPartyCoverage()).isBetween(0.0, 1.0);
      assertThat(gap.urgency().decayPerYear()).isBetween(0.1, 0.5);
    }
    PlanningHorizon horizon = THEATER.horizon();
    for (SolutionOption option : THEATER.options()) {
      assertThat(option.closure()).as(option.id()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
      assertThat(option.durationYears()).as(option.id()).isBetween(1, 3);
      assertThat(option.costProfile())
          .as(option.id())
          .allSatisfy(cost -> assertThat(cost).isBetween(50_000L, 25_000_000L));
      assertThat(option.leadTimeYears()).isBetween(0, 2);
      assertThat(option.providingRisk()).isBetween(1, 5);
      assertThat(option.scoWorkloadPersonWeeksPerYear()).isBetween(2.0, 12.0);
      assertThat(option.sustainmentCostPerYear()).isBetween(0L, 2_000_000L);
      int earliest =
          option.earliestStartFiscalYear() == null
              ? horizon.firstFiscalYear()
              : option.earliestStartFiscalYear();
      int latest =
          option.latestStartFiscalYear() == null
              ? horizon.lastFiscalYear()
              : option.latestStartFiscalYear();
      assertThat(earliest).as(option.id()).isLessThanOrEqualTo(latest);
      assertThat(earliest).isLessThanOrEqualTo(horizon.lastFiscalYear());
      assertThat(latest).isGreaterThanOrEqualTo(horizon.firstFiscalYear());
    }
    assertThat(THEATER.securityCooperationOffices())
        .allSatisfy(sco -> assertThat(sco.staffCapacityPersonWeeksPerYear()).isPositive());
    for (BalanceRule rule : THEATER.balanceRules()) {
      for (Double share : new Double[] {rule.minimumShare(), rule.maximumShare()}) {
        if (share != null) {
          assertThat(share).as(rule.id()).isBetween(0.0, 1.0);
        }
      }
    }
  }

  @Test
  void programs_spanAndObligationRule_agree() {
    for (Program program : THEATER.programs()) {
      if (program.obligationRule() == ObligationRule.FULL_AT_START) {
        assertThat(program.maxSpanYears()).as(program.id()).isNotNull().isPositive();
        // Every option that names the program fits its span.
        THEATER.options().stream()
            .filter(option -> option.programIds().contains(program.id()))
            .forEach(
                option ->
                    assertThat(option.durationYears())
                        .as(option.id())
                        .isLessThanOrEqualTo(program.maxSpanYears()));
      } else {
        assertThat(program.maxSpanYears()).as(program.id()).isNull();
      }
    }
  }

  @Test
  void options_namedPrograms_fundTheirActivityTypeAndDomain() {
    // A named program that cannot fund the activity at all would be a typo, not a choice.
    for (SolutionOption option : THEATER.options()) {
      for (String programId : option.programIds()) {
        ProgramEligibility rules = PROGRAMS.get(programId).eligibility();
        assertThat(
                rules.activityTypes().isEmpty()
                    || rules.activityTypes().contains(option.activityType()))
            .as(option.id() + " / " + programId)
            .isTrue();
        assertThat(rules.domains().isEmpty() || rules.domains().contains(option.domain()))
            .as(option.id() + " / " + programId)
            .isTrue();
      }
    }
  }

  @Test
  void lockedDecisions_programAndStart_areAnEligibleCandidate() {
    for (LockedDecision decision : THEATER.lockedDecisions()) {
      SolutionOption option = OPTIONS.get(decision.optionId());
      Program program = PROGRAMS.get(decision.programId());

      assertThat(eligible(program, option)).as(decision.optionId()).isTrue();
      assertThat(candidateStart(option, program, decision.startFiscalYear()))
          .as(decision.optionId())
          .isTrue();
      assertThat(option.prerequisites())
          .as("a locked start cannot wait on a free choice")
          .isEmpty();
    }
  }

  // ------------------------------------------------------------------ every rule exercised

  @Test
  void policy_thresholds_excludeSomeOptionsEach() {
    Policy policy = THEATER.policy();

    assertThat(THEATER.options())
        .anyMatch(o -> desire(o) < policy.minimumDesire())
        .anyMatch(o -> gapOf(o).risk().riskScore() < policy.minimumRiskScore())
        .anyMatch(o -> o.providingRisk() > policy.maximumProvidingRisk())
        .anyMatch(
            o ->
                o.providingRisk() <= policy.maximumProvidingRisk()
                    && policy.providingRiskPenalty(o.providingRisk()) > 0);
    assertThat(THEATER.gaps())
        .anyMatch(g -> g.thirdPartyCoverage() == 1.0)
        .anyMatch(g -> g.thirdPartyCoverage() > 0 && g.thirdPartyCoverage() < 1);
  }

  @Test
  void eligibility_everyPartnerRule_makesSomeOptionIneligible() {
    assertThat(THEATER.partners())
        .anyMatch(p -> p.vettingStatus() == VettingStatus.FAILED)
        .anyMatch(p -> p.vettingStatus() == VettingStatus.RESTRICTED);
    // Each listed program a partner rule rejects, by rule (MODEL.md section 1, rules 4 to 7).
    Set<Integer> rejectingRules = new TreeSet<>();
    int withoutProgram = 0;
    for (SolutionOption option : THEATER.options()) {
      Partner partner = partnerOf(option);
      boolean any = false;
      for (Program program : THEATER.programs()) {
        if (!option.programIds().isEmpty() && !option.programIds().contains(program.id())) {
          continue;
        }
        ProgramEligibility rules = program.eligibility();
        if (!rules.combatantCommands().isEmpty()
            && !rules.combatantCommands().contains(partner.combatantCommand())) {
          rejectingRules.add(4);
        } else if (!rules.partnerIds().isEmpty() && !rules.partnerIds().contains(partner.id())) {
          rejectingRules.add(5);
        } else if (rules.prohibitedPartnerIds().contains(partner.id())) {
          rejectingRules.add(6);
        } else if (!program.vettingRequirement().admits(partner.vettingStatus())) {
          rejectingRules.add(7);
        }
        any |= eligible(program, option);
      }
      withoutProgram += any ? 0 : 1;
    }

    assertThat(rejectingRules).containsExactly(4, 5, 6, 7);
    assertThat(withoutProgram).isPositive();
    assertThat(THEATER.options()).anyMatch(o -> o.programIds().isEmpty());
  }

  @Test
  void partnerLimits_exceedEachLimitSomewhereIfEverythingWereFunded() {
    // Limits bind only if the partner's options could exceed them; check each kind does.
    Map<String, Double> workload = new TreeMap<>();
    Map<String, Long> sustainment = new TreeMap<>();
    Map<String, Long> firstYearCost = new TreeMap<>();
    for (SolutionOption option : THEATER.options()) {
      Partner partner = partnerOf(option);
      workload.merge(partner.scoId(), option.scoWorkloadPersonWeeksPerYear(), Double::sum);
      sustainment.merge(partner.id(), option.sustainmentCostPerYear(), Long::sum);
      firstYearCost.merge(partner.id(), option.cost(0), Long::sum);
    }

    assertThat(THEATER.securityCooperationOffices())
        .anyMatch(sco -> workload.get(sco.id()) > sco.staffCapacityPersonWeeksPerYear())
        .anyMatch(sco -> sco.staffCapacityPersonWeeksPerYear() <= 40);
    assertThat(THEATER.partners())
        .anyMatch(p -> sustainment.get(p.id()) > p.sustainmentBudgetPerYear())
        .anyMatch(p -> firstYearCost.get(p.id()) > p.absorptiveCapacityPerYear());
    assertThat(THEATER.programs()).anyMatch(p -> p.perPartnerAnnualCap() != null);
  }

  @Test
  void balanceRules_eachRule_coversOptionsAndCanBeMet() {
    long allCosts = THEATER.options().stream().mapToLong(SolutionOption::totalCost).sum();
    for (BalanceRule rule : THEATER.balanceRules()) {
      long covered =
          THEATER.options().stream()
              .filter(option -> rule.covers(option.tags()))
              .mapToLong(SolutionOption::totalCost)
              .sum();
      assertThat(covered).as(rule.id()).isPositive().isLessThan(allCosts);
      if (rule.minimumAmount() != null) {
        assertThat(covered).as(rule.id()).isGreaterThan(rule.minimumAmount());
      }
    }
  }

  // ------------------------------------------------------------------ MODEL.md section 1 and 2

  /** Rules 1 to 8 of MODEL.md section 1: program {@code p} may fund option {@code o}. */
  private static boolean eligible(Program p, SolutionOption o) {
    Partner partner = partnerOf(o);
    ProgramEligibility rules = p.eligibility();
    return (o.programIds().isEmpty() || o.programIds().contains(p.id()))
        && (rules.activityTypes().isEmpty() || rules.activityTypes().contains(o.activityType()))
        && (rules.domains().isEmpty() || rules.domains().contains(o.domain()))
        && (rules.combatantCommands().isEmpty()
            || rules.combatantCommands().contains(partner.combatantCommand()))
        && (rules.partnerIds().isEmpty() || rules.partnerIds().contains(partner.id()))
        && !rules.prohibitedPartnerIds().contains(partner.id())
        && p.vettingRequirement().admits(partner.vettingStatus())
        && (p.obligationRule() != ObligationRule.FULL_AT_START
            || o.durationYears() <= p.maxSpanYears());
  }

  /** Candidate rules 1 to 4 of MODEL.md section 1 for start FY {@code t}. */
  private static boolean candidateStart(SolutionOption o, Program p, int t) {
    PlanningHorizon horizon = THEATER.horizon();
    int earliest =
        Math.max(
            horizon.firstFiscalYear() + p.planningLeadTimeYears(),
            o.earliestStartFiscalYear() == null
                ? horizon.firstFiscalYear()
                : o.earliestStartFiscalYear());
    int latest =
        Math.min(
            o.latestStartFiscalYear() == null
                ? horizon.lastFiscalYear()
                : o.latestStartFiscalYear(),
            horizon.lastFiscalYear());
    if (t < earliest || t > latest) {
      return false;
    }
    boolean incremental = p.obligationRule() == ObligationRule.INCREMENTAL;
    if (incremental && t + o.durationYears() - 1 > horizon.lastFiscalYear()) {
      return false;
    }
    for (int i = 0; i < o.durationYears(); i++) {
      long obligation = incremental ? o.cost(i) : (i == 0 ? o.totalCost() : 0L);
      int fiscalYear = t + i;
      if (obligation > 0 && p.appropriations().stream().noneMatch(a -> a.availableIn(fiscalYear))) {
        return false;
      }
    }
    return value(o, t) > 0;
  }

  /** value(o, t) of MODEL.md section 2, zero when a policy threshold excludes the option. */
  private static double value(SolutionOption o, int t) {
    Policy policy = THEATER.policy();
    CapabilityGap gap = gapOf(o);
    Partner partner = partnerOf(o);
    if (desire(o) < policy.minimumDesire()
        || gap.risk().riskScore() < policy.minimumRiskScore()
        || o.providingRisk() > policy.maximumProvidingRisk()) {
      return 0;
    }
    Objective objective = OBJECTIVES.get(gap.objectiveId());
    LineOfEffort line = LINES.get(objective.lineOfEffortId());
    EndState endState = END_STATES.get(line.endStateId());
    double weight =
        policy.tierWeight(partner.priorityTier())
            * endState.weight()
            * line.weight()
            * objective.weight()
            * policy.roleTypeWeights().get(gap.roleType())
            * gap.risk().riskScore()
            * policy.sweetSpotFactor(gap.sweetSpot().size())
            * (1 - gap.thirdPartyCoverage());
    int completion = t + o.leadTimeYears() + o.durationYears() - 1;
    int needBy = gap.urgency().needByFiscalYear();
    double timeliness =
        completion > objective.deadlineFiscalYear()
            ? 0
            : completion <= needBy
                ? 1
                : Math.pow(1 - gap.urgency().decayPerYear(), completion - needBy);
    return weight
        * o.closure()
        * timeliness
        * partner.propensity()
        * desire(o)
        * (1 - policy.providingRiskPenalty(o.providingRisk()));
  }

  // ------------------------------------------------------------------ helpers

  private static CapabilityGap gapOf(SolutionOption option) {
    return GAPS.get(option.gapId());
  }

  private static Partner partnerOf(SolutionOption option) {
    return PARTNERS.get(gapOf(option).partnerId());
  }

  private static double desire(SolutionOption option) {
    return partnerOf(option).desire(gapOf(option).role());
  }

  private static double reachableClosure(String gapId) {
    double free = 0;
    Map<String, Double> bestOfGroup = new TreeMap<>();
    for (SolutionOption option : THEATER.options()) {
      if (!option.gapId().equals(gapId)) {
        continue;
      }
      if (option.exclusionGroup() == null) {
        free += option.closure();
      } else {
        bestOfGroup.merge(option.exclusionGroup(), option.closure(), Math::max);
      }
    }
    return free + bestOfGroup.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Depth-first search; state 1 = on the current path, 2 = done. */
  private static boolean reachesCycle(String optionId, Map<String, Integer> state) {
    Integer seen = state.get(optionId);
    if (seen != null) {
      return seen == 1;
    }
    state.put(optionId, 1);
    for (Prerequisite prerequisite : OPTIONS.get(optionId).prerequisites()) {
      if (reachesCycle(prerequisite.optionId(), state)) {
        return true;
      }
    }
    state.put(optionId, 2);
    return false;
  }

  private static void assertUnique(List<String> ids) {
    assertThat(ids).doesNotHaveDuplicates().doesNotContainNull();
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> map = new HashMap<>();
    items.forEach(item -> map.put(id.apply(item), item));
    return map;
  }
}
