package org.scplan.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.scplan.validation.ValidationFixtures.bandaria;
import static org.scplan.validation.ValidationFixtures.builder;
import static org.scplan.validation.ValidationFixtures.cordova;
import static org.scplan.validation.ValidationFixtures.fmf;
import static org.scplan.validation.ValidationFixtures.gap;
import static org.scplan.validation.ValidationFixtures.partner;
import static org.scplan.validation.ValidationFixtures.program;
import static org.scplan.validation.ValidationFixtures.s333;
import static org.scplan.validation.ValidationFixtures.valid;
import static org.scplan.validation.ValidationFixtures.withGap;
import static org.scplan.validation.ValidationFixtures.withOption;
import static org.scplan.validation.ValidationFixtures.withPartner;
import static org.scplan.validation.ValidationFixtures.withProgram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
import org.scplan.scenario.Urgency;
import org.scplan.scenario.VettingRequirement;
import org.scplan.scenario.VettingStatus;

class ScenarioValidatorTest {

  @Test
  void problems_validFixture_isEmpty() {
    assertThat(ScenarioValidator.problems(valid())).isEmpty();
  }

  @Test
  void validate_validFixture_doesNotThrow() {
    assertThatCode(() -> ScenarioValidator.validate(valid())).doesNotThrowAnyException();
  }

  @Test
  void problems_duplicateId_reportsSecondOccurrenceWithIndexOfFirst() {
    Scenario scenario =
        builder()
            .partner(partner("p-bandaria", "Bandaria again", 1, 0.5, "sco-bandaria"))
            .program(program("fmf", ObligationRule.INCREMENTAL, null, List.of()))
            .build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message, Problem::hint)
        .containsExactly(
            tuple(
                "Partner 'p-bandaria'",
                "id",
                "duplicate id 'p-bandaria': partners[2] has the id of partners[0]",
                "give each Partner its own id, or remove the duplicate"),
            tuple(
                "Program 'fmf'",
                "id",
                "duplicate id 'fmf': programs[2] has the id of programs[1]",
                "give each Program its own id, or remove the duplicate"));
  }

  @Test
  void problems_blankId_reportedAtListIndex() {
    Scenario scenario = builder().endState(new EndState(" ", "Unnamed", 1.0)).build();

    Problem problem = single(scenario);

    assertThat(problem.location()).isEqualTo("EndState at endStates[1]");
    assertThat(problem.field()).isEqualTo("id");
    assertThat(problem.message()).isEqualTo("must be non-blank, but was ' '");
  }

  @Test
  void problems_unknownReferences_suggestClosestKnownId() {
    Scenario scenario =
        withOption("o-2", o -> o.programIds("fmf", "s33").prerequisite("o-9", 0)).toBuilder()
            .gaps(
                List.of(
                    gap("g-1", "p-bandria", "imo-1", "maritime-security"),
                    gap("g-2", "p-bandaria", "imo-2", "defense-institution"),
                    gap("g-3", "p-cordova", "imo-3", "maritime-security")))
            .lineOfEffort(new LineOfEffort("loe-3", "Peacekeeping", "es-2", 1.0))
            .build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message, Problem::hint)
        .containsExactly(
            tuple(
                "LineOfEffort 'loe-3'",
                "endStateId",
                "refers to unknown EndState 'es-2'",
                "did you mean 'es-1'?"),
            tuple(
                "CapabilityGap 'g-1'",
                "partnerId",
                "refers to unknown Partner 'p-bandria'",
                "did you mean 'p-bandaria'?"),
            tuple(
                "CapabilityGap 'g-3'",
                "objectiveId",
                "refers to unknown Objective 'imo-3'",
                "did you mean 'imo-1'?"),
            tuple(
                "SolutionOption 'o-2'",
                "programIds[1]",
                "refers to unknown Program 's33'",
                "did you mean 's333'?"),
            tuple(
                "SolutionOption 'o-2'",
                "prerequisites[1].optionId",
                "refers to unknown SolutionOption 'o-9'",
                "did you mean 'o-1'?"));
  }

  @Test
  void problems_unknownReferenceFarFromEveryId_listsKnownIds() {
    Program restricted =
        new Program(
            "s333",
            "Section 333",
            "10 U.S.C. 333",
            FundingTitle.TITLE_10,
            ObligationRule.FULL_AT_START,
            3,
            new ProgramEligibility(
                null, null, null, List.of("p-bandaria"), List.of("zanzibar-republic")),
            VettingRequirement.STANDARD,
            0,
            null,
            s333().appropriations());
    Scenario scenario =
        withProgram("s333", restricted).toBuilder()
            .partners(List.of(partner("p-bandaria", "Bandaria", 1, 0.8, "embassy"), cordova()))
            .build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message, Problem::hint)
        .containsExactly(
            tuple(
                "Partner 'p-bandaria'",
                "scoId",
                "refers to unknown SecurityCooperationOffice 'embassy'",
                "use one of 'sco-bandaria', 'sco-cordova', or add a SecurityCooperationOffice"
                    + " with id 'embassy'"),
            tuple(
                "Program 's333'",
                "eligibility.prohibitedPartnerIds[0]",
                "refers to unknown Partner 'zanzibar-republic'",
                "use one of 'p-bandaria', 'p-cordova', or add a Partner with id"
                    + " 'zanzibar-republic'"));
  }

  @Test
  void problems_unknownPrerequisiteCloseToOwnId_neverSuggestsSelf() {
    Problem problem = single(withOption("o-4", o -> o.prerequisite("o-44", 0)));

    assertThat(problem.field()).isEqualTo("prerequisites[0].optionId");
    assertThat(problem.hint())
        .isEqualTo("use one of 'o-1', 'o-2', 'o-3', 'o-4', or add a SolutionOption with id 'o-44'");
  }

  @Test
  void problems_threeOptionCycle_reportedOnceAtFirstOptionWithPath() {
    Scenario valid = valid();
    Scenario scenario =
        valid.toBuilder()
            .options(
                List.of(
                    valid.options().get(0).toBuilder().prerequisite("o-4", 0).build(),
                    valid.options().get(1),
                    valid.options().get(2).toBuilder().prerequisite("o-1", 1).build(),
                    valid.options().get(3).toBuilder().prerequisite("o-3", 0).build()))
            .build();

    Problem problem = single(scenario);

    assertThat(problem.location()).isEqualTo("SolutionOption 'o-1'");
    assertThat(problem.field()).isEqualTo("prerequisites");
    assertThat(problem.message())
        .isEqualTo(
            "prerequisites form a cycle: o-1 → o-4 → o-3 → o-1 (each option requires the next)");
    assertThat(problem.hint())
        .isEqualTo(
            "remove 'o-4' from the prerequisites of 'o-1', or break another link of the cycle");
  }

  @Test
  void problems_selfPrerequisite_reportedAsCycleOfOne() {
    Problem problem = single(withOption("o-4", o -> o.prerequisite("o-4", 0)));

    assertThat(problem.location()).isEqualTo("SolutionOption 'o-4'");
    assertThat(problem.field()).isEqualTo("prerequisites");
    assertThat(problem.message()).contains("cycle: o-4 → o-4");
    assertThat(problem.hint()).isEqualTo("remove 'o-4' from its own prerequisites");
  }

  @Test
  void problems_tenThousandOptionChainClosedIntoCycle_oneProblemWithoutStackOverflow() {
    int n = 10_000;
    List<SolutionOption> chain = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      chain.add(
          SolutionOption.builder("c-" + i, "g-1")
              .domain(DotmlpfDomain.TRAINING)
              .activityType(ActivityType.TRAINING)
              .costProfile(1_000)
              .prerequisite("c-" + ((i + 1) % n), 0)
              .build());
    }
    Scenario scenario = valid().toBuilder().options(chain).lockedDecisions(List.of()).build();

    Problem problem = single(scenario);

    assertThat(problem.location()).isEqualTo("SolutionOption 'c-0'");
    assertThat(problem.message())
        .startsWith("prerequisites form a cycle: c-0 → c-1 → c-2")
        .contains("(9988 more)")
        .contains("c-9999 → c-0");
  }

  @Test
  void problems_tenThousandOptionChainWithoutCycle_isEmpty() {
    int n = 10_000;
    List<SolutionOption> chain = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SolutionOption.Builder option =
          SolutionOption.builder("c-" + i, "g-1")
              .domain(DotmlpfDomain.TRAINING)
              .activityType(ActivityType.TRAINING)
              .costProfile(1_000);
      if (i + 1 < n) {
        option.prerequisite("c-" + (i + 1), 0);
      }
      chain.add(option.build());
    }
    Scenario scenario = valid().toBuilder().options(chain).lockedDecisions(List.of()).build();

    assertThat(ScenarioValidator.problems(scenario)).isEmpty();
  }

  @Test
  void problems_twoCyclesSharingOptions_reportedOnceForTheGroup() {
    Scenario valid = valid();
    Scenario scenario =
        valid.toBuilder()
            .options(
                List.of(
                    valid.options().get(0).toBuilder()
                        .prerequisite("o-2", 0)
                        .prerequisite("o-3", 0)
                        .build(),
                    valid.options().get(1),
                    valid.options().get(2).toBuilder().prerequisite("o-1", 0).build(),
                    valid.options().get(3)))
            .build();

    Problem problem = single(scenario);

    assertThat(problem.location()).isEqualTo("SolutionOption 'o-1'");
    assertThat(problem.message())
        .isEqualTo(
            "prerequisites form a cycle: o-1 → o-2 → o-1 (each option requires the next);"
                + " 3 options in all depend on each other in cycles here");
  }

  @Test
  void problems_negativeOrOverflowingMoney_reportedInWholeDollars() {
    Partner bandaria = bandaria();
    Partner negativeCapacity =
        new Partner(
            bandaria.id(),
            bandaria.name(),
            bandaria.combatantCommand(),
            bandaria.priorityTier(),
            bandaria.propensity(),
            bandaria.desireByRole(),
            -1L,
            bandaria.sustainmentBudgetPerYear(),
            bandaria.vettingStatus(),
            bandaria.scoId());
    Program overflowing =
        program(
            "fmf",
            ObligationRule.INCREMENTAL,
            null,
            List.of(
                new Appropriation(2027, Long.MAX_VALUE, 2),
                new Appropriation(2028, 1, 2),
                new Appropriation(2029, -5, 2)));
    Scenario scenario =
        withOption("o-1", o -> o.costProfile(400_000, -300_000).sustainmentCostPerYear(-10))
            .toBuilder()
            .partners(List.of(negativeCapacity, cordova()))
            .programs(List.of(s333(), overflowing))
            .build();
    Scenario overflowingOption =
        withOption("o-4", o -> o.costProfile(Long.MAX_VALUE, Long.MAX_VALUE));

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message)
        .containsExactly(
            tuple(
                "Partner 'p-bandaria'",
                "absorptiveCapacityPerYear",
                "must be ≥ 0 dollars, but was -1"),
            tuple("SolutionOption 'o-1'", "costProfile[1]", "must be ≥ 0 dollars, but was -300000"),
            tuple(
                "SolutionOption 'o-1'",
                "sustainmentCostPerYear",
                "must be ≥ 0 dollars, but was -10"),
            tuple(
                "Program 'fmf' appropriation FY2029", "amount", "must be ≥ 0 dollars, but was -5"),
            tuple(
                "Program 'fmf'",
                "appropriations",
                "total of the appropriations overflows a long (more than 9223372036854775807"
                    + " dollars)"));
    assertThat(ScenarioValidator.problems(scenario))
        .allSatisfy(p -> assertThat(p.hint()).contains("money is in whole dollars"));
    Problem overflow = single(overflowingOption);
    assertThat(overflow.location()).isEqualTo("SolutionOption 'o-4'");
    assertThat(overflow.field()).isEqualTo("costProfile");
    assertThat(overflow.message()).startsWith("total cost overflows a long");
    assertThat(overflow.hint()).contains("money is in whole dollars");
  }

  @Test
  void problems_emptyHorizon_reportedOnceWithoutHorizonRelativeCascade() {
    Scenario scenario = valid().toBuilder().horizon(new PlanningHorizon(2027, 2025)).build();

    Problem problem = single(scenario);

    assertThat(problem.location()).isEqualTo("PlanningHorizon");
    assertThat(problem.field()).isEqualTo("lastFiscalYear");
    assertThat(problem.message())
        .isEqualTo("empty horizon: lastFiscalYear FY2025 is before firstFiscalYear FY2027");
    assertThat(problem.hint()).startsWith("set lastFiscalYear to FY2027 or later");
  }

  @Test
  void problems_horizonLongerThanThirtyYears_reported() {
    Problem problem = single(valid().toBuilder().horizon(new PlanningHorizon(2027, 2127)).build());

    assertThat(problem.location()).isEqualTo("PlanningHorizon");
    assertThat(problem.field()).isEqualTo("lastFiscalYear");
    assertThat(problem.message())
        .isEqualTo("horizon FY2027–FY2127 is 101 FYs long, more than the 30 FYs allowed");
  }

  @Test
  void problems_implausibleFiscalYears_reportedEverywhere() {
    Scenario scenario =
        withOption("o-3", o -> o.startWindow(27, 2029)).toBuilder()
            .objective(new Objective("imo-3", "Typo", "loe-1", 20300, 1.0))
            .lockedDecisions(List.of(new LockedDecision("o-1", "s333", 1066, "")))
            .build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message, Problem::hint)
        .containsExactly(
            tuple(
                "Objective 'imo-3'",
                "deadlineFiscalYear",
                "must be a fiscal year in 1900..2200, but was 20300",
                "check the year for a typo (fiscal years are written like 2027)"),
            tuple(
                "SolutionOption 'o-3'",
                "earliestStartFiscalYear",
                "must be a fiscal year in 1900..2200, but was 27",
                "write the year in full: FY27 is 2027"),
            tuple(
                "LockedDecision for option 'o-1'",
                "startFiscalYear",
                "must be a fiscal year in 1900..2200, but was 1066",
                "check the year for a typo (fiscal years are written like 2027)"));
  }

  @Test
  void problems_optionsThatCanNeverStart_reported() {
    Scenario valid = valid();
    Scenario scenario =
        valid.toBuilder()
            .options(
                List.of(
                    valid.options().get(0).toBuilder().costProfile().build(),
                    valid.options().get(1).toBuilder().startWindow(2030, 2028).build(),
                    valid.options().get(2).toBuilder().startWindow(2032, null).build(),
                    valid.options().get(3).toBuilder()
                        .startWindow(null, 2026)
                        .leadTimeYears(-1)
                        .build()))
            .build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message)
        .containsExactly(
            tuple(
                "SolutionOption 'o-1'",
                "costProfile",
                "empty cost profile: a duration of 0 FYs, so the option can never start"),
            tuple(
                "SolutionOption 'o-2'",
                "latestStartFiscalYear",
                "start window is inverted: earliestStartFiscalYear FY2030 is after"
                    + " latestStartFiscalYear FY2028, so the option can never start"),
            tuple(
                "SolutionOption 'o-3'",
                "earliestStartFiscalYear",
                "earliest start FY2032 is after the horizon FY2027–FY2031, so the option can"
                    + " never start"),
            tuple("SolutionOption 'o-4'", "leadTimeYears", "must be ≥ 0 FYs, but was -1"),
            tuple(
                "SolutionOption 'o-4'",
                "latestStartFiscalYear",
                "latest start FY2026 is before the horizon FY2027–FY2031, so the option can"
                    + " never start"));
  }

  @Test
  void problems_fractionsOutsideZeroToOneOrNotFinite_reported() {
    Partner overeager =
        new Partner(
            "p-bandaria",
            "Bandaria",
            CombatantCommand.AFRICOM,
            1,
            1.7,
            Map.of("maritime-security", Double.NaN, "defense-institution", 0.6),
            null,
            null,
            VettingStatus.CLEAR,
            "sco-bandaria");
    Policy policy =
        Policy.defaults().toBuilder()
            .providingRiskPenalties(List.of(0.0, 0.0, 0.1, 0.25, 1.5))
            .minimumDesire(Double.POSITIVE_INFINITY)
            .build();
    Scenario scenario =
        withOption("o-3", o -> o.closure(Double.NEGATIVE_INFINITY)).toBuilder()
            .policy(policy)
            .partners(List.of(overeager, cordova()))
            .gaps(
                List.of(
                    gap("g-1", "p-bandaria", "imo-1", "maritime-security"),
                    gap(
                        "g-2",
                        "p-bandaria",
                        "imo-2",
                        "defense-institution",
                        new RiskAssessment(4, 4, 3),
                        new Urgency(2029, -0.1)),
                    new CapabilityGap(
                        "g-3",
                        "p-cordova",
                        "imo-1",
                        "maritime-security",
                        RoleType.PRIMARY,
                        "",
                        new RiskAssessment(4, 4, 3),
                        new Urgency(2029, 0.2),
                        70,
                        null)))
            .balanceRules(
                List.of(
                    new BalanceRule(
                        "br-1", "", List.of("navy"), BalanceScope.HORIZON, null, 1.2, null, null)))
            .build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message, Problem::hint)
        .containsExactly(
            tuple(
                "Policy",
                "providingRiskPenalties[4]",
                "must be in 0..1, but was 1.5",
                "give a fraction in 0..1 (e.g. 0.7 for 70 %)"),
            tuple(
                "Policy",
                "minimumDesire",
                "must be a finite number in 0..1, but was Infinity",
                "give a fraction in 0..1"),
            tuple(
                "Partner 'p-bandaria'",
                "propensity",
                "must be in 0..1, but was 1.7",
                "give a fraction in 0..1 (e.g. 0.7 for 70 %)"),
            tuple(
                "Partner 'p-bandaria'",
                "desireByRole[maritime-security]",
                "must be a finite number in 0..1, but was NaN",
                "give a fraction in 0..1"),
            tuple(
                "CapabilityGap 'g-2'",
                "urgency.decayPerYear",
                "must be in 0..1, but was -0.1",
                "give a fraction in 0..1 (e.g. 0.7 for 70 %)"),
            tuple(
                "CapabilityGap 'g-3'",
                "thirdPartyCoverage",
                "must be in 0..1, but was 70.0",
                "give a fraction, not a percentage: 70 % is 0.7"),
            tuple(
                "SolutionOption 'o-3'",
                "closure",
                "must be a finite number in 0..1, but was -Infinity",
                "give a fraction in 0..1"),
            tuple(
                "BalanceRule 'br-1'",
                "maximumShare",
                "must be in 0..1, but was 1.2",
                "give a fraction in 0..1 (e.g. 0.7 for 70 %)"));
  }

  @Test
  void problems_scoresAndWeightsOutOfRange_reported() {
    Policy policy =
        Policy.defaults().toBuilder()
            .tierWeights(Map.of(1, 4.0, 2, 0.0))
            .roleTypeWeights(Map.of(RoleType.PRIMARY, 1.0, RoleType.SUPPORTING, 0.7))
            .sweetSpotBonusPerStakeholder(-0.15)
            .providingRiskPenalties(List.of(0.0, 0.1, 0.25, 0.5))
            .maximumProvidingRisk(6)
            .minimumRiskScore(30)
            .lapsePenaltyPointsPerMillion(Double.NaN)
            .moneyResolutionDollars(0)
            .build();
    Scenario scenario =
        withOption("o-4", o -> o.providingRisk(0)).toBuilder()
            .policy(policy)
            .partners(List.of(bandaria(), partner("p-cordova", "Cordova", 7, 0.6, "sco-cordova")))
            .gaps(
                List.of(
                    gap(
                        "g-1",
                        "p-bandaria",
                        "imo-1",
                        "maritime-security",
                        new RiskAssessment(7, 0, 6),
                        new Urgency(2029, 0.2)),
                    gap("g-2", "p-bandaria", "imo-2", "defense-institution"),
                    gap("g-3", "p-cordova", "imo-1", "maritime-security")))
            .endState(new EndState("es-2", "Weightless", -1.0))
            .build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message)
        .containsExactly(
            tuple("Policy", "tierWeights[2]", "must be a finite number > 0, but was 0.0"),
            tuple(
                "Policy",
                "roleTypeWeights",
                "has no weight for role type GOVERNANCE, but every role type needs one"),
            tuple(
                "Policy",
                "sweetSpotBonusPerStakeholder",
                "must be a finite number ≥ 0, but was -0.15"),
            tuple(
                "Policy",
                "providingRiskPenalties",
                "must have exactly 5 entries (for providing risk 1 to 5), but had 4: [0.0, 0.1,"
                    + " 0.25, 0.5]"),
            tuple("Policy", "maximumProvidingRisk", "must be in 1..5, but was 6"),
            tuple("Policy", "minimumRiskScore", "must be in 0..25, but was 30"),
            tuple(
                "Policy",
                "lapsePenaltyPointsPerMillion",
                "must be a finite number ≥ 0, but was NaN"),
            tuple("Policy", "moneyResolutionDollars", "must be ≥ 1 dollar, but was 0"),
            tuple("EndState 'es-2'", "weight", "must be a finite number > 0, but was -1.0"),
            tuple(
                "Partner 'p-cordova'",
                "priorityTier",
                "tier 7 has no weight in Policy.tierWeights"),
            tuple("CapabilityGap 'g-1'", "risk.likelihood", "must be in 1..5, but was 7"),
            tuple("CapabilityGap 'g-1'", "risk.consequence", "must be in 1..5, but was 0"),
            tuple(
                "CapabilityGap 'g-1'",
                "risk.politicalRiskOfNotProviding",
                "must be in 1..5, but was 6"),
            tuple("SolutionOption 'o-4'", "providingRisk", "must be in 1..5, but was 0"));
    assertThat(ScenarioValidator.problems(scenario))
        .filteredOn(p -> p.field().equals("priorityTier"))
        .extracting(Problem::hint)
        .containsExactly("use one of tiers 1, 2, or add a weight for tier 7 to Policy.tierWeights");
  }

  @Test
  void problems_gapRoleWithoutPartnerDesire_hintsPartnerRoles() {
    Scenario scenario =
        valid().toBuilder()
            .gaps(
                List.of(
                    gap("g-1", "p-bandaria", "imo-1", "maritime-securty"),
                    gap("g-2", "p-bandaria", "imo-2", "peacekeeping"),
                    gap("g-3", "p-cordova", "imo-1", "maritime-security")))
            .build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message, Problem::hint)
        .containsExactly(
            tuple(
                "CapabilityGap 'g-1'",
                "role",
                "role 'maritime-securty' has no desire in desireByRole of Partner 'p-bandaria'",
                "did you mean 'maritime-security'? Otherwise add a desire for 'maritime-securty'"
                    + " to the partner's desireByRole"),
            tuple(
                "CapabilityGap 'g-2'",
                "role",
                "role 'peacekeeping' has no desire in desireByRole of Partner 'p-bandaria'",
                "use one of the partner's roles 'defense-institution', 'maritime-security', or"
                    + " add a desire for 'peacekeeping' to the partner's desireByRole"));
  }

  @Test
  void problems_inconsistentPrograms_reported() {
    Program noSpan = program("s333", ObligationRule.FULL_AT_START, null, s333().appropriations());
    Program fmf =
        new Program(
            "fmf",
            "Foreign Military Financing",
            "22 U.S.C. 2763",
            FundingTitle.TITLE_22,
            ObligationRule.INCREMENTAL,
            3,
            ProgramEligibility.UNRESTRICTED,
            VettingRequirement.STANDARD,
            -1,
            -100L,
            List.of(
                new Appropriation(2024, 1_000_000, 2),
                new Appropriation(2027, 8_000_000, 2),
                new Appropriation(2027, 2_000_000, 2),
                new Appropriation(2028, 8_000_000, 0)));
    Scenario scenario = valid().toBuilder().programs(List.of(noSpan, fmf)).build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message, Problem::hint)
        .containsExactly(
            tuple(
                "Program 's333'",
                "maxSpanYears",
                "a FULL_AT_START program needs maxSpanYears ≥ 1, but was null",
                "give the FYs a funded activity may run, start year included (3 for 10 U.S.C."
                    + " 333)"),
            tuple(
                "Program 'fmf'",
                "maxSpanYears",
                "an INCREMENTAL program has no maxSpanYears, but was 3",
                "remove it, or switch obligationRule to FULL_AT_START"),
            tuple(
                "Program 'fmf'",
                "planningLeadTimeYears",
                "must be ≥ 0 FYs, but was -1",
                "give the FYs of proposal and notification before its first start; 0 for none"),
            tuple(
                "Program 'fmf'",
                "perPartnerAnnualCap",
                "must be ≥ 0 dollars, but was -100",
                "money is in whole dollars and never negative; leave it null when not capped"),
            tuple(
                "Program 'fmf' appropriation FY2024",
                "yearsAvailable",
                "expired in FY2025 (2-FY money of FY2024) before the horizon starts in FY2027",
                "remove it or correct its FY/availability"),
            tuple(
                "Program 'fmf' appropriations[2]",
                "fiscalYear",
                "duplicate funding line: same FY2027 and availability (2-FY) as"
                    + " appropriations[1]",
                "merge the two amounts into one appropriation, or correct its FY or"
                    + " availability"),
            tuple(
                "Program 'fmf' appropriation FY2028",
                "yearsAvailable",
                "must be ≥ 1 FY when given, but was 0",
                "give the period of availability in FYs (1, 2, 5…), or null for no-year money"));
  }

  @Test
  void problems_availabilityRunningPastLatestFiscalYear_reported() {
    Program fmf =
        program(
            "fmf",
            ObligationRule.INCREMENTAL,
            null,
            List.of(new Appropriation(2027, 1_000, Integer.MAX_VALUE)));

    Problem problem = single(withProgram("fmf", fmf));

    assertThat(problem.location()).isEqualTo("Program 'fmf' appropriation FY2027");
    assertThat(problem.field()).isEqualTo("yearsAvailable");
    assertThat(problem.message())
        .isEqualTo("must end by FY2200, but 2147483647 FYs from FY2027 run to FY2147485673");
    assertThat(problem.hint()).isEqualTo("use null for no-year money (available until expended)");
  }

  @Test
  void problems_sameFiscalYearWithDifferentAvailability_isNotADuplicate() {
    Program fmf =
        program(
            "fmf",
            ObligationRule.INCREMENTAL,
            null,
            List.of(new Appropriation(2027, 1_000, 2), new Appropriation(2027, 1_000, null)));

    assertThat(ScenarioValidator.problems(withProgram("fmf", fmf))).isEmpty();
  }

  @Test
  void problems_negativeOrNonFiniteStaffAndWorkload_reported() {
    Scenario scenario =
        withOption("o-3", o -> o.scoWorkloadPersonWeeksPerYear(Double.NaN)).toBuilder()
            .securityCooperationOffice(new SecurityCooperationOffice("sco-x", "SCO X", -5))
            .build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message)
        .containsExactly(
            tuple(
                "SecurityCooperationOffice 'sco-x'",
                "staffCapacityPersonWeeksPerYear",
                "must be a finite number ≥ 0, but was -5.0"),
            tuple(
                "SolutionOption 'o-3'",
                "scoWorkloadPersonWeeksPerYear",
                "must be a finite number ≥ 0, but was NaN"));
  }

  @Test
  void problems_negativeLagAndRepeatedPrerequisite_reported() {
    Scenario scenario = withOption("o-2", o -> o.prerequisite("o-1", -2).prerequisite("o-3", 0));

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message, Problem::hint)
        .containsExactly(
            tuple(
                "SolutionOption 'o-2'",
                "prerequisites[1].optionId",
                "option 'o-1' is already a prerequisite at prerequisites[0]",
                "list each prerequisite once, with the larger lag"),
            tuple(
                "SolutionOption 'o-2'",
                "prerequisites[1].lagYears",
                "must be ≥ 0 FYs, but was -2",
                "give the least FYs between the two starts; 0 allows the same FY"));
  }

  @Test
  void problems_malformedBalanceRules_reported() {
    Scenario scenario =
        valid().toBuilder()
            .balanceRules(
                List.of(
                    new BalanceRule(
                        "br-1", "", List.of(), BalanceScope.HORIZON, null, null, null, null),
                    new BalanceRule(
                        "br-2",
                        "",
                        List.of("navy"),
                        BalanceScope.PER_FISCAL_YEAR,
                        0.4,
                        0.3,
                        2_000_000L,
                        1_000_000L)))
            .build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message)
        .containsExactly(
            tuple("BalanceRule 'br-1'", "tags", "has no tags, so it covers no option"),
            tuple(
                "BalanceRule 'br-1'",
                "",
                "has no bound: minimumShare, maximumShare, minimumAmount and maximumAmount are all"
                    + " null"),
            tuple(
                "BalanceRule 'br-2'", "maximumShare", "maximumShare 0.3 is below minimumShare 0.4"),
            tuple(
                "BalanceRule 'br-2'",
                "maximumAmount",
                "maximumAmount 1000000 dollars is below minimumAmount 2000000 dollars"));
  }

  @Test
  void problems_badLockedDecisions_reported() {
    Scenario scenario =
        valid().toBuilder()
            .lockedDecisions(
                List.of(
                    new LockedDecision("o-1", "s333", 2027, "obligated"),
                    new LockedDecision("o-1", "s333", 2028, "again"),
                    new LockedDecision("o-2", "s333", 2033, ""),
                    new LockedDecision("o-7", "fmff", 2028, "")))
            .build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message, Problem::hint)
        .containsExactly(
            tuple(
                "LockedDecision for option 'o-1'",
                "optionId",
                "option 'o-1' is locked again; lockedDecisions[0] already locks it",
                "keep one locked decision per option"),
            tuple(
                "LockedDecision for option 'o-2'",
                "programId",
                "program 's333' is not among the option's programIds [fmf]",
                "lock it to one of 'fmf', or add 's333' to the option's programIds"),
            tuple(
                "LockedDecision for option 'o-2'",
                "startFiscalYear",
                "start FY2033 is outside the horizon FY2027–FY2031",
                "lock a start in FY2027–FY2031, or drop the locked decision"),
            tuple(
                "LockedDecision for option 'o-7'",
                "optionId",
                "refers to unknown SolutionOption 'o-7'",
                "did you mean 'o-1'?"),
            tuple(
                "LockedDecision for option 'o-7'",
                "programId",
                "refers to unknown Program 'fmff'",
                "did you mean 'fmf'?"));
  }

  @Test
  void problems_blankPartnerAndProgramNames_reported() {
    Program unnamed =
        new Program(
            "fmf",
            " ",
            "",
            FundingTitle.TITLE_22,
            ObligationRule.INCREMENTAL,
            null,
            null,
            VettingRequirement.STANDARD,
            0,
            null,
            fmf().appropriations());
    Scenario scenario =
        withPartner("p-cordova", partner("p-cordova", "", 2, 0.6, "sco-cordova")).toBuilder()
            .programs(List.of(s333(), unnamed))
            .build();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message)
        .containsExactly(
            tuple("Partner 'p-cordova'", "name", "must be non-blank, but was ''"),
            tuple("Program 'fmf'", "name", "must be non-blank, but was ' '"));
  }

  @Test
  void problems_needByAfterObjectiveDeadline_reported() {
    Scenario scenario =
        withGap(
            "g-3",
            gap(
                "g-3",
                "p-cordova",
                "imo-1",
                "maritime-security",
                new RiskAssessment(3, 3, 2),
                new Urgency(2031, 0.2)));

    Problem problem = single(scenario);

    assertThat(problem.location()).isEqualTo("CapabilityGap 'g-3'");
    assertThat(problem.field()).isEqualTo("urgency.needByFiscalYear");
    assertThat(problem.message())
        .isEqualTo(
            "need-by FY2031 is after the deadline FY2030 of Objective 'imo-1', so the gap could"
                + " never be closed on time");
    assertThat(problem.hint()).isEqualTo("move need-by to or before FY2030");
  }

  @Test
  void problems_manyDifferentProblems_allReportedAtOnceInEntityOrder() {
    Scenario scenario = manyProblems();

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field)
        .containsExactly(
            tuple("Policy", "minimumDesire"),
            tuple("LineOfEffort 'loe-3'", "weight"),
            tuple("Partner 'p-bandaria'", "propensity"),
            tuple("Partner 'p-bandaria'", "id"),
            tuple("CapabilityGap 'g-1'", "partnerId"),
            tuple("SolutionOption 'o-1'", "costProfile[0]"),
            tuple("SolutionOption 'o-2'", "programIds[0]"),
            tuple("SolutionOption 'o-4'", "prerequisites"),
            tuple("Program 'fmf'", "maxSpanYears"),
            tuple("Program 'fmf' appropriation FY2020", "yearsAvailable"),
            tuple("BalanceRule 'br-1'", "minimumShare"),
            tuple("LockedDecision for option 'o-1'", "startFiscalYear"));
  }

  @Test
  void validate_invalidScenario_throwsListingEveryProblem() {
    Scenario scenario = manyProblems();

    ScenarioValidationException thrown =
        catchThrowableOfType(
            ScenarioValidationException.class, () -> ScenarioValidator.validate(scenario));

    assertThat(thrown.problems()).isEqualTo(ScenarioValidator.problems(scenario)).hasSize(12);
    assertThat(thrown.getMessage()).startsWith("Scenario 'fixture' has 12 problems:\n");
    for (Problem problem : thrown.problems()) {
      assertThat(thrown.getMessage()).contains("  - " + problem);
    }
    assertThat(thrown.getMessage())
        .contains(
            "  - CapabilityGap 'g-1', partnerId: refers to unknown Partner 'p-bandarai'."
                + " Did you mean 'p-bandaria'?");
  }

  @Test
  void problems_anyScenario_doesNotChangeIt() {
    Scenario scenario = manyProblems();
    Scenario copy = scenario.toBuilder().build();

    ScenarioValidator.problems(scenario);

    assertThat(scenario).isEqualTo(copy);
  }

  @Test
  void problems_sameScenarioTwice_sameProblemsInSameOrder() {
    assertThat(ScenarioValidator.problems(manyProblems()))
        .isEqualTo(ScenarioValidator.problems(manyProblems()));
  }

  /** Twelve different problems, one or two per entity list. */
  private static Scenario manyProblems() {
    Scenario valid = valid();
    return valid.toBuilder()
        .policy(Policy.defaults().toBuilder().minimumDesire(-0.2).build())
        .lineOfEffort(new LineOfEffort("loe-3", "Unweighted", "es-1", 0))
        .partners(
            List.of(
                partner("p-bandaria", "Bandaria", 1, 1.01, "sco-bandaria"),
                cordova(),
                partner("p-bandaria", "Bandaria again", 1, 0.8, "sco-bandaria")))
        .gaps(
            List.of(
                gap("g-1", "p-bandarai", "imo-1", "maritime-security"),
                valid.gaps().get(1),
                valid.gaps().get(2)))
        .options(
            List.of(
                valid.options().get(0).toBuilder().costProfile(-1, 300_000).build(),
                valid.options().get(1).toBuilder().programIds("FMF").build(),
                valid.options().get(2),
                valid.options().get(3).toBuilder().prerequisite("o-4", 0).build()))
        .programs(
            List.of(
                s333(),
                program(
                    "fmf",
                    ObligationRule.INCREMENTAL,
                    2,
                    List.of(new Appropriation(2020, 1_000_000, 1)))))
        .balanceRules(
            List.of(
                new BalanceRule(
                    "br-1",
                    "",
                    List.of("navy"),
                    BalanceScope.HORIZON,
                    Double.NaN,
                    null,
                    null,
                    null)))
        .lockedDecisions(List.of(new LockedDecision("o-1", "s333", 2026, "")))
        .build();
  }

  private static Problem single(Scenario scenario) {
    List<Problem> problems = ScenarioValidator.problems(scenario);
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }
}
