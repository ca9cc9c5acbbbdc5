package org.scplan.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.scplan.scenario.ActivityType;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.BalanceScope;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.CombatantCommand;
import org.scplan.scenario.DotmlpfDomain;
import org.scplan.scenario.EndState;
import org.scplan.scenario.FundingTitle;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Objective;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.PlanningHorizon;
import org.scplan.scenario.Policy;
import org.scplan.scenario.Program;
import org.scplan.scenario.ProgramEligibility;
import org.scplan.scenario.RiskAssessment;
import org.scplan.scenario.RoleType;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;
import org.scplan.scenario.Stakeholder;
import org.scplan.scenario.Urgency;
import org.scplan.scenario.VettingRequirement;
import org.scplan.scenario.VettingStatus;
import org.scplan.valuation.ReasonCode;
import org.scplan.valuation.UnfundedReason;

/**
 * A small hand-built scenario and a valid plan for it, with every figure computed by hand, for the
 * {@link PlanChecker} tests. Tests break one rule at a time, either by editing the plan ({@link
 * PlanParts}, {@link FundedParts}) or by tightening the scenario ({@link Knobs}).
 *
 * <p>Horizon FY2027–FY2029, default policy (tier weights 4/2/1/0.5, role weights primary 1.0,
 * supporting 0.7, governance 0.8, sweet-spot bonus 0.15, providing-risk penalties 0/0/0.1/0.25/0.5,
 * maximum providing risk 4, minimum desire 0.2, minimum risk score 3).
 *
 * <pre>
 * Strategy: es-1 (1.0) ─ loe-1 (1.0) ─ obj-1 (1.0, deadline FY2031)
 *                      └ loe-2 (0.5) ─ obj-2 (2.0, deadline FY2030)
 * Partners: p-1 AFRICOM tier 1, propensity 0.8, CLEAR, sco-a (12.0 pw), absorptive $4,500,000,
 *             sustainment $100,000, desire maritime 0.5 / border 0.9
 *           p-2 INDOPACOM tier 2, propensity 0.5, RESTRICTED, sco-b (10.0 pw), absorptive $4,000,000,
 *             desire maritime 1.0 / governance 0.1
 * Gaps      riskScore  weight                                        success         maximumValue
 *   g-1 p-1  4×5 = 20   4 × 1.0 × 1.0 × 20 × 1.15 × 1      = 92.0     0.8×0.5 = 0.4   36.8
 *   g-2 p-1  3×4 = 12   4 × (1×0.5×2) × 0.7 × 12 × 1 × 0.75 = 25.2     0.8×0.9 = 0.72  18.144
 *   g-3 p-2  2×4 = 8    2 × 1.0 × 1.0 × 8 × 1.3 × 1         = 20.8     0.5×1.0 = 0.5   10.4
 *   g-4 p-2  1×2 = 2    2 × 1.0 × 0.8 × 2 × 1 × 1           = 3.2      0.5×0.1 = 0.05  0.16
 * Programs: pr-inc INCREMENTAL, 1-year money FY2027 $1.5M, FY2028 $3M, FY2029 $2M, cap $3M/partner/FY,
 *             STANDARD vetting, activities TRAINING/EDUCATION/ADVISING/EXERCISE
 *           pr-333 FULL_AT_START, span 3, 2-year money FY2027 $5M, FY2028 $4M, FY2029 $3M, STRICT,
 *             planning lead time 1, AFRICOM/INDOPACOM, EQUIPMENT/TRAINING
 *           pr-hum INCREMENTAL, no-year money FY2026 $2M, no vetting, partner p-2 only,
 *             CONSTRUCTION/HUMANITARIAN_ASSISTANCE
 * Plan:     o-1 pr-inc FY2027 (prerequisite of o-2, lag 1), o-2 pr-333 FY2028 (group g1-sensors),
 *           o-4 pr-inc FY2027 (locked), o-5 pr-inc FY2028, o-6 pr-hum FY2027;
 *           o-3 EXCLUDED_BY_ALTERNATIVE, o-7 EXCLUDED_BY_POLICY, o-8 INELIGIBLE.
 * </pre>
 */
final class PlanCheckerFixture {

  static final double WEIGHT_G1 = 4.0 * 1.0 * 1.0 * 20 * 1.15; // 92.0
  static final double WEIGHT_G2 = 4.0 * (1.0 * 0.5 * 2.0) * 0.7 * 12 * 1.0 * 0.75; // 25.2
  static final double WEIGHT_G3 = 2.0 * 1.0 * 1.0 * 8 * 1.3; // 20.8
  static final double WEIGHT_G4 = 2.0 * 1.0 * 0.8 * 2 * 1.0; // 3.2
  static final double SUCCESS_G1 = 0.8 * 0.5;
  static final double SUCCESS_G2 = 0.8 * 0.9;
  static final double SUCCESS_G3 = 0.5 * 1.0;
  static final double SUCCESS_G4 = 0.5 * 0.1;

  /** o-1 from FY2027: completion 2027 + 0 + 2 - 1 = 2028 ≤ need-by 2029, timeliness 1. */
  static final double VALUE_O1 = WEIGHT_G1 * 0.5 * 1.0 * SUCCESS_G1 * (1 - 0.0); // 18.4

  /**
   * o-2 from FY2028: completion 2028 + 1 + 3 - 1 = 2031, 2 years late, 0.8^2; risk 3 penalty 0.1.
   */
  static final double VALUE_O2 = WEIGHT_G1 * 0.6 * (0.8 * 0.8) * SUCCESS_G1 * (1 - 0.1); // 12.71808

  /** o-4 from FY2027: completion 2029, 1 year past need-by 2028, 0.5^1. */
  static final double VALUE_O4 = WEIGHT_G2 * 1.0 * 0.5 * SUCCESS_G2 * (1 - 0.0); // 9.072

  /** o-5 from FY2028: completion 2029 ≤ need-by 2030. */
  static final double VALUE_O5 = WEIGHT_G3 * 0.7 * 1.0 * SUCCESS_G3; // 7.28

  /** o-6 from FY2027: completion 2027 + 1 + 1 - 1 = 2028 ≤ 2030. */
  static final double VALUE_O6 = WEIGHT_G3 * 0.4 * 1.0 * SUCCESS_G3; // 4.16

  static final double GAP_VALUE_G1 =
      Math.min(WEIGHT_G1 * SUCCESS_G1, VALUE_O1 + VALUE_O2); // 31.11808
  static final double GAP_VALUE_G2 = Math.min(WEIGHT_G2 * SUCCESS_G2, VALUE_O4); // 9.072
  static final double GAP_VALUE_G3 =
      Math.min(WEIGHT_G3 * SUCCESS_G3, VALUE_O5 + VALUE_O6); // capped: 10.4
  static final double GAP_VALUE_G4 = 0.0;

  private PlanCheckerFixture() {}

  /** Everything a test may tighten or change in the scenario; defaults give the valid fixture. */
  static final class Knobs {
    Long absorptiveP1 = 4_500_000L;
    Long sustainmentP1 = 100_000L;
    double staffScoA = 12.0;
    Long capIncremental = 3_000_000L;
    int leadTime333 = 1;
    int span333 = 3;
    List<Appropriation> appropriations333 =
        List.of(
            new Appropriation(2027, 5_000_000, 2),
            new Appropriation(2028, 4_000_000, 2),
            new Appropriation(2029, 3_000_000, 2));
    long appropriationInc2027 = 1_500_000;
    ProgramEligibility eligibilityIncremental =
        new ProgramEligibility(
            Set.of(
                ActivityType.TRAINING,
                ActivityType.EDUCATION,
                ActivityType.ADVISING,
                ActivityType.EXERCISE),
            Set.of(),
            Set.of(),
            List.of(),
            List.of());
    VettingRequirement vettingIncremental = VettingRequirement.STANDARD;
    List<String> programIdsO5 = List.of();
    Integer latestStartO5 = 2029;
    int lagO2 = 1;
    String prerequisiteOfO4;
    double closureO3 = 0.4;
    String prerequisiteOfO3;
    int lagO3;
    Policy policy = Policy.defaults();
    Double maximumShareMaritime = 0.95;
    Double minimumShareBorder = 0.10;
    Long maximumAmountBorder = 2_000_000L;
    List<LockedDecision> locks =
        List.of(new LockedDecision("o-4", "pr-inc", 2027, "obligated FY2027"));
  }

  static Scenario scenario() {
    return scenario(k -> {});
  }

  static Scenario scenario(Consumer<Knobs> edit) {
    Knobs k = new Knobs();
    edit.accept(k);
    Scenario.Builder builder =
        Scenario.builder("fixture", new PlanningHorizon(2027, 2029))
            .name("PlanChecker fixture")
            .policy(k.policy)
            .endState(new EndState("es-1", "Secure sea lanes", 1.0))
            .lineOfEffort(new LineOfEffort("loe-1", "Maritime security", "es-1", 1.0))
            .lineOfEffort(new LineOfEffort("loe-2", "Border security", "es-1", 0.5))
            .objective(new Objective("obj-1", "Patrol the EEZ", "loe-1", 2031, 1.0))
            .objective(new Objective("obj-2", "Control the border", "loe-2", 2030, 2.0))
            .securityCooperationOffice(
                new SecurityCooperationOffice("sco-a", "ODC Bandaria", k.staffScoA))
            .securityCooperationOffice(new SecurityCooperationOffice("sco-b", "SCO Coastia", 10.0))
            .partner(
                new Partner(
                    "p-1",
                    "Bandaria",
                    CombatantCommand.AFRICOM,
                    1,
                    0.8,
                    Map.of("maritime", 0.5, "border", 0.9),
                    k.absorptiveP1,
                    k.sustainmentP1,
                    VettingStatus.CLEAR,
                    "sco-a"))
            .partner(
                new Partner(
                    "p-2",
                    "Coastia",
                    CombatantCommand.INDOPACOM,
                    2,
                    0.5,
                    Map.of("maritime", 1.0, "governance", 0.1),
                    4_000_000L,
                    null,
                    VettingStatus.RESTRICTED,
                    "sco-b"))
            .gap(
                new CapabilityGap(
                    "g-1",
                    "p-1",
                    "obj-1",
                    "maritime",
                    RoleType.PRIMARY,
                    "No coastal patrol",
                    new RiskAssessment(4, 5, 3),
                    new Urgency(2029, 0.2),
                    0.0,
                    Set.of(Stakeholder.DOD, Stakeholder.STATE)))
            .gap(
                new CapabilityGap(
                    "g-2",
                    "p-1",
                    "obj-2",
                    "border",
                    RoleType.SUPPORTING,
                    "No border surveillance",
                    new RiskAssessment(3, 3, 4),
                    new Urgency(2028, 0.5),
                    0.25,
                    Set.of(Stakeholder.DOD)))
            .gap(
                new CapabilityGap(
                    "g-3",
                    "p-2",
                    "obj-1",
                    "maritime",
                    RoleType.PRIMARY,
                    "No harbour security",
                    new RiskAssessment(2, 4, 2),
                    new Urgency(2030, 0.1),
                    0.0,
                    Set.of(Stakeholder.DOD, Stakeholder.STATE, Stakeholder.PARTNER)))
            .gap(
                new CapabilityGap(
                    "g-4",
                    "p-2",
                    "obj-2",
                    "governance",
                    RoleType.GOVERNANCE,
                    "Weak ministry",
                    new RiskAssessment(1, 2, 1),
                    new Urgency(2029, 0.1),
                    0.0,
                    Set.of()));
    SolutionOption.Builder o4 =
        SolutionOption.builder("o-4", "g-2")
            .name("Border advisors")
            .domain(DotmlpfDomain.ORGANIZATION)
            .activityType(ActivityType.ADVISING)
            .closure(1.0)
            .costProfile(500_000, 500_000, 500_000)
            .scoWorkloadPersonWeeksPerYear(5.7)
            .providingRisk(2)
            .tags("border", "loe-2");
    if (k.prerequisiteOfO4 != null) {
      o4.prerequisite(k.prerequisiteOfO4, 0);
    }
    SolutionOption.Builder o3 =
        SolutionOption.builder("o-3", "g-1")
            .name("Coastal radar")
            .domain(DotmlpfDomain.MATERIEL)
            .activityType(ActivityType.EQUIPMENT)
            .closure(k.closureO3)
            .costProfile(1_500_000)
            .programIds("pr-333")
            .exclusionGroup("g1-sensors")
            .tags("maritime");
    if (k.prerequisiteOfO3 != null) {
      o3.prerequisite(k.prerequisiteOfO3, k.lagO3);
    }
    builder
        .option(
            SolutionOption.builder("o-1", "g-1")
                .name("Maritime NCO course")
                .domain(DotmlpfDomain.TRAINING)
                .activityType(ActivityType.TRAINING)
                .closure(0.5)
                .costProfile(1_000_000, 1_000_000)
                .scoWorkloadPersonWeeksPerYear(4.1)
                .sustainmentCostPerYear(100_000)
                .tags("maritime", "loe-1")
                .build())
        .option(
            SolutionOption.builder("o-2", "g-1")
                .name("Patrol boats")
                .domain(DotmlpfDomain.MATERIEL)
                .activityType(ActivityType.EQUIPMENT)
                .closure(0.6)
                .costProfile(3_000_000, 2_000_000, 1_000_000)
                .leadTimeYears(1)
                .startWindow(2027, 2029)
                .programIds("pr-333")
                .prerequisite("o-1", k.lagO2)
                .exclusionGroup("g1-sensors")
                .scoWorkloadPersonWeeksPerYear(2.2)
                .sustainmentCostPerYear(200_000)
                .providingRisk(3)
                .tags("maritime")
                .build())
        .option(o3.build())
        .option(o4.build())
        .option(
            new SolutionOption(
                "o-5",
                "g-3",
                "Maritime exercise",
                DotmlpfDomain.TRAINING,
                ActivityType.EXERCISE,
                0.7,
                List.of(1_200_000L, 800_000L),
                0,
                2028,
                k.latestStartO5,
                k.programIdsO5,
                List.of(),
                null,
                3.0,
                50_000,
                1,
                List.of("maritime")))
        .option(
            SolutionOption.builder("o-6", "g-3")
                .name("Harbour repair")
                .domain(DotmlpfDomain.FACILITIES)
                .activityType(ActivityType.CONSTRUCTION)
                .closure(0.4)
                .costProfile(700_000)
                .leadTimeYears(1)
                .programIds("pr-hum")
                .scoWorkloadPersonWeeksPerYear(1.0)
                .sustainmentCostPerYear(20_000)
                .tags("infrastructure")
                .build())
        .option(
            SolutionOption.builder("o-7", "g-4")
                .name("Governance seminar")
                .domain(DotmlpfDomain.LEADERSHIP_AND_EDUCATION)
                .activityType(ActivityType.EDUCATION)
                .costProfile(300_000)
                .build())
        .option(
            SolutionOption.builder("o-8", "g-2")
                .name("Border post repair")
                .domain(DotmlpfDomain.FACILITIES)
                .activityType(ActivityType.CONSTRUCTION)
                .closure(0.5)
                .costProfile(900_000)
                .programIds("pr-hum")
                .build())
        .program(
            new Program(
                "pr-inc",
                "O&M training",
                "10 U.S.C. 321",
                FundingTitle.TITLE_10,
                ObligationRule.INCREMENTAL,
                null,
                k.eligibilityIncremental,
                k.vettingIncremental,
                0,
                k.capIncremental,
                List.of(
                    new Appropriation(2027, k.appropriationInc2027, 1),
                    new Appropriation(2028, 3_000_000, 1),
                    new Appropriation(2029, 2_000_000, 1))))
        .program(
            new Program(
                "pr-333",
                "Build partner capacity",
                "10 U.S.C. 333",
                FundingTitle.TITLE_10,
                ObligationRule.FULL_AT_START,
                k.span333,
                new ProgramEligibility(
                    Set.of(ActivityType.EQUIPMENT, ActivityType.TRAINING),
                    Set.of(),
                    Set.of(CombatantCommand.AFRICOM, CombatantCommand.INDOPACOM),
                    List.of(),
                    List.of()),
                VettingRequirement.STRICT,
                k.leadTime333,
                null,
                k.appropriations333))
        .program(
            new Program(
                "pr-hum",
                "Humanitarian assistance",
                "10 U.S.C. 2561",
                FundingTitle.TITLE_10,
                ObligationRule.INCREMENTAL,
                null,
                new ProgramEligibility(
                    Set.of(ActivityType.CONSTRUCTION, ActivityType.HUMANITARIAN_ASSISTANCE),
                    Set.of(),
                    Set.of(),
                    List.of("p-2"),
                    List.of()),
                VettingRequirement.NONE,
                0,
                null,
                List.of(new Appropriation(2026, 2_000_000, null))))
        .balanceRule(
            new BalanceRule(
                "b-border",
                "Border at least 10 % of obligations, at most $2M",
                List.of("border", "loe-2"),
                BalanceScope.HORIZON,
                k.minimumShareBorder,
                null,
                null,
                k.maximumAmountBorder))
        .balanceRule(
            new BalanceRule(
                "b-maritime",
                "Maritime at most 95 % per FY",
                List.of("maritime"),
                BalanceScope.PER_FISCAL_YEAR,
                null,
                k.maximumShareMaritime,
                null,
                null))
        .lockedDecisions(k.locks);
    return builder.build();
  }

  // ------------------------------------------------------------------------ the plan

  static Plan validPlan() {
    List<FundedOption> funded =
        List.of(
            new FundedOption(
                "o-1",
                "g-1",
                "p-1",
                "pr-inc",
                2027,
                2028,
                years(2027, 1_000_000, 2028, 1_000_000),
                years(2027, 1_000_000, 2028, 1_000_000),
                VALUE_O1,
                List.of(
                    new AppropriationDraw(2027, 2027, 1_000_000),
                    new AppropriationDraw(2028, 2028, 1_000_000)),
                false),
            // FULL_AT_START: the whole $6M in FY2028, from the money expiring soonest (FY2027, then
            // FY2028).
            new FundedOption(
                "o-2",
                "g-1",
                "p-1",
                "pr-333",
                2028,
                2031,
                years(2028, 3_000_000, 2029, 2_000_000, 2030, 1_000_000),
                years(2028, 6_000_000),
                VALUE_O2,
                List.of(
                    new AppropriationDraw(2027, 2028, 5_000_000),
                    new AppropriationDraw(2028, 2028, 1_000_000)),
                false),
            new FundedOption(
                "o-4",
                "g-2",
                "p-1",
                "pr-inc",
                2027,
                2029,
                years(2027, 500_000, 2028, 500_000, 2029, 500_000),
                years(2027, 500_000, 2028, 500_000, 2029, 500_000),
                VALUE_O4,
                List.of(
                    new AppropriationDraw(2027, 2027, 500_000),
                    new AppropriationDraw(2028, 2028, 500_000),
                    new AppropriationDraw(2029, 2029, 500_000)),
                true),
            new FundedOption(
                "o-5",
                "g-3",
                "p-2",
                "pr-inc",
                2028,
                2029,
                years(2028, 1_200_000, 2029, 800_000),
                years(2028, 1_200_000, 2029, 800_000),
                VALUE_O5,
                List.of(
                    new AppropriationDraw(2028, 2028, 1_200_000),
                    new AppropriationDraw(2029, 2029, 800_000)),
                false),
            new FundedOption(
                "o-6",
                "g-3",
                "p-2",
                "pr-hum",
                2027,
                2028,
                years(2027, 700_000),
                years(2027, 700_000),
                VALUE_O6,
                List.of(new AppropriationDraw(2026, 2027, 700_000)),
                false));
    List<UnfundedOption> unfunded =
        List.of(
            new UnfundedOption(
                "o-3",
                "g-1",
                "p-1",
                new UnfundedReason(
                    ReasonCode.EXCLUDED_BY_ALTERNATIVE, "o-2 of group g1-sensors is funded")),
            new UnfundedOption(
                "o-7",
                "g-4",
                "p-2",
                new UnfundedReason(ReasonCode.EXCLUDED_BY_POLICY, "desire 0.1 below 0.2")),
            new UnfundedOption(
                "o-8",
                "g-2",
                "p-1",
                new UnfundedReason(ReasonCode.INELIGIBLE, "pr-hum serves p-2 only")));
    List<GapOutcome> gaps =
        List.of(
            new GapOutcome(
                "g-1",
                "p-1",
                WEIGHT_G1,
                WEIGHT_G1 * SUCCESS_G1,
                GAP_VALUE_G1,
                1.0,
                WEIGHT_G1 - GAP_VALUE_G1),
            new GapOutcome(
                "g-2",
                "p-1",
                WEIGHT_G2,
                WEIGHT_G2 * SUCCESS_G2,
                GAP_VALUE_G2,
                1.0,
                WEIGHT_G2 - GAP_VALUE_G2),
            new GapOutcome(
                "g-3",
                "p-2",
                WEIGHT_G3,
                WEIGHT_G3 * SUCCESS_G3,
                GAP_VALUE_G3,
                1.0,
                WEIGHT_G3 - GAP_VALUE_G3),
            new GapOutcome("g-4", "p-2", WEIGHT_G4, WEIGHT_G4 * SUCCESS_G4, 0.0, 0.0, WEIGHT_G4));
    // Draws: pr-inc FY2027 1.0M + 0.5M; FY2028 1.0M + 0.5M + 1.2M; FY2029 0.5M + 0.8M.
    List<AppropriationUse> appropriations =
        List.of(
            new AppropriationUse("pr-333", 2027, 5_000_000, 2028, 5_000_000, 0, 0),
            new AppropriationUse("pr-333", 2028, 4_000_000, 2029, 1_000_000, 3_000_000, 0),
            new AppropriationUse("pr-333", 2029, 3_000_000, 2030, 0, 0, 3_000_000),
            new AppropriationUse("pr-hum", 2026, 2_000_000, null, 700_000, 0, 1_300_000),
            new AppropriationUse("pr-inc", 2027, 1_500_000, 2027, 1_500_000, 0, 0),
            new AppropriationUse("pr-inc", 2028, 3_000_000, 2028, 2_700_000, 300_000, 0),
            new AppropriationUse("pr-inc", 2029, 2_000_000, 2029, 1_300_000, 700_000, 0));
    PlanTotals totals =
        new PlanTotals(
            Map.of("p-1", 9_500_000L, "p-2", 2_700_000L),
            Map.of("sco-a", 9_500_000L, "sco-b", 2_700_000L),
            Map.of("pr-inc", 5_500_000L, "pr-333", 6_000_000L, "pr-hum", 700_000L),
            years(2027, 2_200_000, 2028, 8_700_000, 2029, 1_300_000),
            Map.of(
                "pr-inc", years(2027, 1_500_000, 2028, 2_700_000, 2029, 1_300_000),
                "pr-333", years(2028, 6_000_000),
                "pr-hum", years(2027, 700_000)),
            Map.of("p-1", GAP_VALUE_G1 + GAP_VALUE_G2, "p-2", GAP_VALUE_G3 + GAP_VALUE_G4),
            12_200_000,
            4_000_000);
    return new Plan(
        "fixture",
        PlanStatus.FEASIBLE,
        WEIGHT_G1 + WEIGHT_G2 + WEIGHT_G3 + WEIGHT_G4,
        GAP_VALUE_G1 + GAP_VALUE_G2 + GAP_VALUE_G3 + GAP_VALUE_G4,
        funded,
        unfunded,
        gaps,
        appropriations,
        totals,
        SolverStatistics.builder("hand").objective(50.59008).build());
  }

  /** The empty plan of a scenario with no solution: nothing funded, nothing obligated. */
  static Plan noPlan(PlanStatus status) {
    Plan valid = validPlan();
    List<UnfundedOption> unfunded = new ArrayList<>();
    for (String[] option :
        new String[][] {
          {"o-1", "g-1", "p-1"},
          {"o-2", "g-1", "p-1"},
          {"o-3", "g-1", "p-1"},
          {"o-4", "g-2", "p-1"},
          {"o-5", "g-3", "p-2"},
          {"o-6", "g-3", "p-2"},
          {"o-7", "g-4", "p-2"},
          {"o-8", "g-2", "p-1"}
        }) {
      unfunded.add(
          new UnfundedOption(
              option[0], option[1], option[2], new UnfundedReason(ReasonCode.NO_PLAN, "no plan")));
    }
    List<GapOutcome> gaps = new ArrayList<>();
    for (GapOutcome gap : valid.gaps()) {
      gaps.add(
          new GapOutcome(
              gap.gapId(),
              gap.partnerId(),
              gap.weight(),
              gap.maximumValue(),
              0.0,
              0.0,
              gap.weight()));
    }
    // Nothing obligated: all lapses except pr-333 FY2029 (last FY2030) and pr-hum (no-year).
    List<AppropriationUse> appropriations =
        List.of(
            new AppropriationUse("pr-333", 2027, 5_000_000, 2028, 0, 5_000_000, 0),
            new AppropriationUse("pr-333", 2028, 4_000_000, 2029, 0, 4_000_000, 0),
            new AppropriationUse("pr-333", 2029, 3_000_000, 2030, 0, 0, 3_000_000),
            new AppropriationUse("pr-hum", 2026, 2_000_000, null, 0, 0, 2_000_000),
            new AppropriationUse("pr-inc", 2027, 1_500_000, 2027, 0, 1_500_000, 0),
            new AppropriationUse("pr-inc", 2028, 3_000_000, 2028, 0, 3_000_000, 0),
            new AppropriationUse("pr-inc", 2029, 2_000_000, 2029, 0, 2_000_000, 0));
    PlanTotals totals =
        new PlanTotals(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), 0, 15_500_000);
    return new Plan(
        "fixture",
        status,
        valid.totalWeightAtStake(),
        0.0,
        List.of(),
        unfunded,
        gaps,
        appropriations,
        totals,
        SolverStatistics.builder("hand").note("no plan").build());
  }

  static Map<Integer, Long> years(long... yearAmountPairs) {
    Map<Integer, Long> map = new TreeMap<>();
    for (int i = 0; i < yearAmountPairs.length; i += 2) {
      map.put((int) yearAmountPairs[i], yearAmountPairs[i + 1]);
    }
    return map;
  }

  // ------------------------------------------------------------------ plan editing

  /** A plan's fields, mutable, to build a variant of it. */
  static final class PlanParts {
    String scenarioId;
    PlanStatus status;
    double totalWeightAtStake;
    double riskReduced;
    List<FundedOption> funded;
    List<UnfundedOption> unfunded;
    List<GapOutcome> gaps;
    List<AppropriationUse> appropriations;
    PlanTotals totals;
    SolverStatistics solver;

    PlanParts(Plan plan) {
      scenarioId = plan.scenarioId();
      status = plan.status();
      totalWeightAtStake = plan.totalWeightAtStake();
      riskReduced = plan.riskReduced();
      funded = new ArrayList<>(plan.fundedOptions());
      unfunded = new ArrayList<>(plan.unfundedOptions());
      gaps = new ArrayList<>(plan.gaps());
      appropriations = new ArrayList<>(plan.appropriations());
      totals = plan.totals();
      solver = plan.solver();
    }

    Plan build() {
      return new Plan(
          scenarioId,
          status,
          totalWeightAtStake,
          riskReduced,
          funded,
          unfunded,
          gaps,
          appropriations,
          totals,
          solver);
    }

    /** Replaces the funded entry of {@code optionId} by an edited copy. */
    PlanParts editFunded(String optionId, Consumer<FundedParts> edit) {
      for (int i = 0; i < funded.size(); i++) {
        if (funded.get(i).optionId().equals(optionId)) {
          FundedParts parts = new FundedParts(funded.get(i));
          edit.accept(parts);
          funded.set(i, parts.build());
          return this;
        }
      }
      throw new IllegalArgumentException("not funded: " + optionId);
    }

    PlanParts editUnfunded(String optionId, UnaryOperator<UnfundedOption> edit) {
      unfunded.replaceAll(u -> u.optionId().equals(optionId) ? edit.apply(u) : u);
      return this;
    }

    PlanParts editAppropriation(
        String programId, int fiscalYear, UnaryOperator<AppropriationUse> edit) {
      appropriations.replaceAll(
          a -> a.programId().equals(programId) && a.fiscalYear() == fiscalYear ? edit.apply(a) : a);
      return this;
    }
  }

  /** A funded option's fields, mutable. */
  static final class FundedParts {
    String optionId;
    String gapId;
    String partnerId;
    String programId;
    int start;
    int completion;
    Map<Integer, Long> costs;
    Map<Integer, Long> obligations;
    double value;
    List<AppropriationDraw> draws;
    boolean locked;

    FundedParts(FundedOption f) {
      optionId = f.optionId();
      gapId = f.gapId();
      partnerId = f.partnerId();
      programId = f.programId();
      start = f.startFiscalYear();
      completion = f.completionFiscalYear();
      costs = new TreeMap<>(f.costByFiscalYear());
      obligations = new TreeMap<>(f.obligationsByFiscalYear());
      value = f.value();
      draws = new ArrayList<>(f.draws());
      locked = f.locked();
    }

    FundedOption build() {
      return new FundedOption(
          optionId,
          gapId,
          partnerId,
          programId,
          start,
          completion,
          costs,
          obligations,
          value,
          draws,
          locked);
    }
  }

  /** The valid plan with an edit. */
  static Plan edit(Consumer<PlanParts> edit) {
    return edit(validPlan(), edit);
  }

  /** {@code base} with an edit. */
  static Plan edit(Plan base, Consumer<PlanParts> edit) {
    PlanParts parts = new PlanParts(base);
    edit.accept(parts);
    return parts.build();
  }

  static UnfundedOption withReason(UnfundedOption entry, ReasonCode code) {
    return new UnfundedOption(
        entry.optionId(), entry.gapId(), entry.partnerId(), new UnfundedReason(code, "test"));
  }
}
