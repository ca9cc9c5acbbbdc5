package org.scplan.json;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scplan.plan.AppropriationDraw;
import org.scplan.plan.AppropriationUse;
import org.scplan.plan.FundedOption;
import org.scplan.plan.GapOutcome;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanStatus;
import org.scplan.plan.PlanTotals;
import org.scplan.plan.SolverStatistics;
import org.scplan.plan.UnfundedOption;
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
import org.scplan.scenario.Measure;
import org.scplan.scenario.MeasureDirection;
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
 * A scenario with every entity type, every optional field set in one entity and left out in
 * another, and a plan with every kind of entry.
 */
final class Fixtures {
  private Fixtures() {}

  static Scenario richScenario() {
    Policy policy =
        Policy.defaults().toBuilder()
            .tierWeights(Map.of(1, 5.0, 2, 2.5, 3, 1.0))
            .roleTypeWeights(
                Map.of(RoleType.PRIMARY, 1.0, RoleType.SUPPORTING, 0.6, RoleType.GOVERNANCE, 0.9))
            .sweetSpotBonusPerStakeholder(0.2)
            .providingRiskPenalties(List.of(0.0, 0.05, 0.1, 0.3, 0.6))
            .maximumProvidingRisk(3)
            .minimumDesire(0.25)
            .minimumRiskScore(4)
            .lapsePenaltyPointsPerMillion(0.02)
            .moneyResolutionDollars(500L)
            .build();
    return Scenario.builder("theater-2027", new PlanningHorizon(2027, 2031))
        .name("Theater campaign plan FY2027–FY2031")
        .policy(policy)
        .endState(new EndState("es-maritime", "Secure sea lanes", 1.5))
        .endState(new EndState("es-ct", "Degraded violent extremist networks", 1.0))
        .lineOfEffort(new LineOfEffort("loe-mda", "Maritime domain awareness", "es-maritime", 1.2))
        .lineOfEffort(new LineOfEffort("loe-ct", "Counterterrorism", "es-ct", 0.8))
        .objective(
            new Objective(
                "imo-1",
                "Bandaria patrols its EEZ",
                "loe-mda",
                2030,
                1.0,
                List.of(
                    new Measure(
                        "moe-eez-patrolled",
                        "EEZ patrolled each month",
                        "% of EEZ",
                        15,
                        60,
                        2030,
                        MeasureDirection.HIGHER_IS_BETTER))))
        // 0.1 + 0.2 has no short decimal form: it checks that doubles survive exactly.
        .objective(new Objective("imo-2", "Corvia secures its border", "loe-ct", 2031, 0.1 + 0.2))
        .securityCooperationOffice(new SecurityCooperationOffice("sco-b", "ODC Bandaria", 12.5))
        .securityCooperationOffice(new SecurityCooperationOffice("sco-c", "OSC Corvia", 40.0))
        .partner(
            new Partner(
                "p-bandaria",
                "Bandaria — Ministry of Défense",
                CombatantCommand.INDOPACOM,
                1,
                0.8,
                Map.of("maritime-security", 0.9, "border-control", 0.6),
                25_000_000L,
                4_000_000L,
                VettingStatus.CLEAR,
                "sco-b"))
        .partner(
            new Partner(
                "p-corvia",
                "Corvia",
                CombatantCommand.AFRICOM,
                3,
                0.55,
                Map.of("counter-terrorism", 0.7),
                null,
                null,
                VettingStatus.RESTRICTED,
                "sco-c"))
        .gap(
            new CapabilityGap(
                "g-mda",
                "p-bandaria",
                "imo-1",
                "maritime-security",
                RoleType.PRIMARY,
                "No coastal radar coverage of the northern EEZ",
                new RiskAssessment(4, 5, 3),
                new Urgency(2029, 0.25),
                0.25,
                Set.of(Stakeholder.PARTNER, Stakeholder.DOD, Stakeholder.STATE)))
        .gap(
            new CapabilityGap(
                "g-ct",
                "p-corvia",
                "imo-2",
                "counter-terrorism",
                RoleType.GOVERNANCE,
                null,
                new RiskAssessment(3, 3, 4),
                new Urgency(2030, 0.1),
                0.0,
                null))
        .option(
            SolutionOption.builder("o-radar", "g-mda")
                .name("Coastal radar chain")
                .domain(DotmlpfDomain.MATERIEL)
                .activityType(ActivityType.EQUIPMENT)
                .closure(0.7)
                .costProfile(6_000_000L, 9_000_000L, 3_500_000L)
                .leadTimeYears(1)
                .startWindow(2028, 2029)
                .programIds("fmf")
                .prerequisite("o-training", 1)
                .exclusionGroup("mda-sensor")
                .scoWorkloadPersonWeeksPerYear(3.5)
                .sustainmentCostPerYear(250_000L)
                .providingRisk(2)
                .tags("navy", "loe-mda")
                .measuresOfPerformance(
                    List.of(
                        new Measure(
                            "mop-radar-gaps",
                            "Hours a week without radar cover",
                            "hours",
                            60,
                            8,
                            2030,
                            MeasureDirection.LOWER_IS_BETTER)))
                .build())
        .option(
            SolutionOption.builder("o-training", "g-mda")
                .domain(DotmlpfDomain.TRAINING)
                .activityType(ActivityType.TRAINING)
                .costProfile(800_000L)
                .build())
        .option(
            SolutionOption.builder("o-aerostat", "g-mda")
                .domain(DotmlpfDomain.MATERIEL)
                .activityType(ActivityType.EQUIPMENT)
                .closure(0.5)
                .costProfile(12_000_000L)
                .startWindow(2028, null)
                .exclusionGroup("mda-sensor")
                .build())
        .option(
            SolutionOption.builder("o-ct-advise", "g-ct")
                .name("Border brigade advisors")
                .domain(DotmlpfDomain.ORGANIZATION)
                .activityType(ActivityType.ADVISING)
                .closure(1.0)
                .costProfile(1_500_000L, 1_500_000L)
                .programIds("s333", "fmf")
                .tags("army")
                .build())
        .program(
            new Program(
                "fmf",
                "Foreign Military Financing",
                "22 U.S.C. 2763",
                FundingTitle.TITLE_22,
                ObligationRule.INCREMENTAL,
                null,
                new ProgramEligibility(
                    Set.of(ActivityType.EQUIPMENT, ActivityType.TRAINING, ActivityType.ADVISING),
                    Set.of(DotmlpfDomain.MATERIEL, DotmlpfDomain.TRAINING),
                    Set.of(CombatantCommand.INDOPACOM, CombatantCommand.AFRICOM),
                    List.of("p-bandaria", "p-corvia"),
                    List.of("p-nowhere")),
                VettingRequirement.STANDARD,
                1,
                10_000_000L,
                List.of(
                    new Appropriation(2026, 5_000_000L, 2),
                    new Appropriation(2027, 40_000_000L, 2),
                    new Appropriation(2028, 3_000_000L, null))))
        .program(
            new Program(
                "s333",
                "Building partner capacity",
                null,
                FundingTitle.TITLE_10,
                ObligationRule.FULL_AT_START,
                3,
                null,
                VettingRequirement.STRICT,
                0,
                null,
                List.of(new Appropriation(2027, 9_000_000_000_000L, 1))))
        .balanceRule(
            new BalanceRule(
                "navy-share",
                "Navy between 20 % and 60 % of all obligations",
                List.of("navy"),
                BalanceScope.PER_FISCAL_YEAR,
                0.2,
                0.6,
                1_000_000L,
                50_000_000L))
        .balanceRule(
            new BalanceRule(
                "army-any", null, List.of("army"), BalanceScope.HORIZON, null, null, null, null))
        .lockedDecision(new LockedDecision("o-training", "fmf", 2027, "obligated FY2027"))
        .lockedDecision(new LockedDecision("o-ct-advise", "s333", 2028, null))
        .build();
  }

  static Plan smallPlan() {
    FundedOption radar =
        new FundedOption(
            "o-radar",
            "g-mda",
            "p-bandaria",
            "fmf",
            2028,
            2031,
            Map.of(2028, 6_000_000L, 2029, 9_000_000L, 2030, 3_500_000L),
            Map.of(2028, 6_000_000L, 2029, 9_000_000L, 2030, 3_500_000L),
            12.345678901234567,
            List.of(
                new AppropriationDraw(2027, 2028, 6_000_000L),
                new AppropriationDraw(2028, 2029, 3_000_000L),
                new AppropriationDraw(2027, 2029, 6_000_000L)),
            false);
    FundedOption training =
        new FundedOption(
            "o-training",
            "g-mda",
            "p-bandaria",
            "fmf",
            2027,
            2027,
            Map.of(2027, 800_000L),
            Map.of(2027, 800_000L),
            1.5,
            List.of(new AppropriationDraw(2026, 2027, 800_000L)),
            true);
    return new Plan(
        "theater-2027",
        PlanStatus.OPTIMAL,
        80.25,
        13.845678901234567,
        List.of(radar, training),
        List.of(
            new UnfundedOption(
                "o-aerostat",
                "g-mda",
                "p-bandaria",
                new UnfundedReason(
                    ReasonCode.EXCLUDED_BY_ALTERNATIVE, "o-radar of group mda-sensor is funded")),
            new UnfundedOption(
                "o-ct-advise",
                "g-ct",
                "p-corvia",
                new UnfundedReason(
                    ReasonCode.INELIGIBLE, "s333 requires vetting CLEAR; Corvia is RESTRICTED"))),
        List.of(
            new GapOutcome("g-ct", "p-corvia", 27.0, 18.9, 0.0, 0.0, 27.0),
            new GapOutcome("g-mda", "p-bandaria", 53.25, 42.6, 13.845678901234567, 0.8, 39.4)),
        List.of(
            new AppropriationUse("fmf", 2026, 5_000_000L, 2027, 800_000L, 4_200_000L, 0L),
            new AppropriationUse("fmf", 2027, 40_000_000L, 2028, 12_000_000L, 28_000_000L, 0L),
            new AppropriationUse("fmf", 2028, 3_000_000L, null, 3_000_000L, 0L, 0L),
            new AppropriationUse("s333", 2027, 9_000_000L, 2027, 0L, 9_000_000L, 0L)),
        new PlanTotals(
            Map.of("p-bandaria", 19_300_000L),
            Map.of("sco-b", 19_300_000L),
            Map.of("fmf", 19_300_000L),
            Map.of(2027, 800_000L, 2028, 6_000_000L, 2029, 9_000_000L, 2030, 3_500_000L),
            Map.of("fmf", Map.of(2027, 800_000L, 2028, 6_000_000L, 2029, 9_000_000L)),
            Map.of("p-bandaria", 13.845678901234567),
            19_300_000L,
            41_200_000L),
        new SolverStatistics(
            "cp-sat 9.15.6755",
            13.8,
            14.1,
            0.0212765957,
            2.5,
            0.03,
            2,
            42L,
            1234,
            5678,
            11.0,
            null));
  }
}
