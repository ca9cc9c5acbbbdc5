package org.scplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scplan.plan.PlanCheckerFixture.edit;
import static org.scplan.plan.PlanCheckerFixture.noPlan;
import static org.scplan.plan.PlanCheckerFixture.scenario;
import static org.scplan.plan.PlanCheckerFixture.validPlan;
import static org.scplan.plan.PlanCheckerFixture.withReason;
import static org.scplan.plan.PlanCheckerFixture.years;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.scplan.plan.PlanCheckerFixture.Knobs;
import org.scplan.scenario.ActivityType;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.CombatantCommand;
import org.scplan.scenario.DotmlpfDomain;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.ProgramEligibility;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.VettingRequirement;
import org.scplan.valuation.ReasonCode;
import org.scplan.valuation.UnfundedReason;

class PlanCheckerTest {

  private static final Set<ActivityType> INCREMENTAL_ACTIVITIES =
      Set.of(
          ActivityType.TRAINING,
          ActivityType.EDUCATION,
          ActivityType.ADVISING,
          ActivityType.EXERCISE);

  // ------------------------------------------------------------------ the valid plan

  @Test
  void check_validPlan_returnsNoViolation() {
    assertThat(PlanChecker.check(scenario(), validPlan())).isEmpty();
  }

  @Test
  void fixture_handComputedValues_matchTheDocumentedArithmetic() {
    assertThat(PlanCheckerFixture.WEIGHT_G1).isCloseTo(92.0, within());
    assertThat(PlanCheckerFixture.WEIGHT_G2).isCloseTo(25.2, within());
    assertThat(PlanCheckerFixture.WEIGHT_G3).isCloseTo(20.8, within());
    assertThat(PlanCheckerFixture.WEIGHT_G4).isCloseTo(3.2, within());
    assertThat(PlanCheckerFixture.VALUE_O1).isCloseTo(18.4, within());
    assertThat(PlanCheckerFixture.VALUE_O2).isCloseTo(12.71808, within());
    assertThat(PlanCheckerFixture.VALUE_O4).isCloseTo(9.072, within());
    assertThat(PlanCheckerFixture.VALUE_O5).isCloseTo(7.28, within());
    assertThat(PlanCheckerFixture.VALUE_O6).isCloseTo(4.16, within());
    assertThat(PlanCheckerFixture.GAP_VALUE_G3)
        .as("capped at maximum value 20.8 x 0.5")
        .isCloseTo(10.4, within());
    assertThat(validPlan().riskReduced()).isCloseTo(31.11808 + 9.072 + 10.4, within());
  }

  @Test
  void verify_validPlan_doesNotThrow() {
    assertThatCode(() -> PlanChecker.verify(scenario(), validPlan())).doesNotThrowAnyException();
  }

  @Test
  void verify_invalidPlan_throwsListingEveryViolation() {
    Plan plan =
        edit(
            p ->
                p.editFunded("o-1", f -> f.value = 1.0)
                    .editFunded("o-5", f -> f.completion = 2030));
    assertThatThrownBy(() -> PlanChecker.verify(scenario(), plan))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[VALUE] option 'o-1'")
        .hasMessageContaining("[COMPLETION] option 'o-5'");
  }

  @Test
  void check_zeroEntriesAddedToEveryMap_stillNoViolation() {
    Plan plan =
        edit(
            p -> {
              p.editFunded(
                  "o-6",
                  f -> {
                    f.costs = years(2027, 700_000, 2028, 0, 2029, 0);
                    f.obligations = years(2026, 0, 2027, 700_000);
                  });
              PlanTotals t = p.totals;
              p.totals =
                  new PlanTotals(
                      with(t.obligationsByPartner(), "p-3", 0L),
                      with(t.obligationsBySco(), "sco-c", 0L),
                      with(t.obligationsByProgram(), "pr-none", 0L),
                      with(t.obligationsByFiscalYear(), 2030, 0L),
                      with(t.obligationsByProgramAndFiscalYear(), "pr-none", years(2027, 0)),
                      with(t.riskReducedByPartner(), "p-3", 0.0),
                      t.totalObligated(),
                      t.totalLapsed());
            });
    assertThat(PlanChecker.check(scenario(), plan)).isEmpty();
  }

  // ------------------------------------------------------------------------ coverage

  @Test
  void check_optionMissing_reportsCoverage() {
    Plan plan = edit(p -> p.unfunded.removeIf(u -> u.optionId().equals("o-3")));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(violation("COVERAGE", "option 'o-3'"));
  }

  @Test
  void check_optionBothFundedAndUnfunded_reportsCoverage() {
    Plan plan =
        edit(
            p -> {
              p.unfunded.add(
                  new UnfundedOption(
                      "o-5", "g-3", "p-2", new UnfundedReason(ReasonCode.CROWDED_OUT, "x")));
              p.unfunded.sort((a, b) -> a.optionId().compareTo(b.optionId()));
            });
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(violation("COVERAGE", "option 'o-5'"));
  }

  @Test
  void check_fundedListNotSorted_reportsCoverage() {
    Plan plan = edit(p -> Collections.swap(p.funded, 0, 1));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(violation("COVERAGE", "plan"));
  }

  @Test
  void check_entryNamesWrongGapAndPartner_reportsCoverage() {
    Plan plan =
        edit(
            p ->
                p.editFunded(
                    "o-5",
                    f -> {
                      f.gapId = "g-1";
                      f.partnerId = "p-1";
                    }));
    assertThat(PlanChecker.check(scenario(), plan))
        .hasSize(2)
        .allSatisfy(
            v -> assertThat(v.rule() + " " + v.location()).isEqualTo("COVERAGE option 'o-5'"));
  }

  @Test
  void check_unknownIdsEverywhere_neverThrowsAndReportsThem() {
    Plan plan =
        edit(
            p -> {
              p.funded.add(
                  new FundedOption(
                      "zz-unknown",
                      null,
                      null,
                      null,
                      Integer.MAX_VALUE,
                      Integer.MIN_VALUE,
                      Map.of(Integer.MAX_VALUE, Long.MAX_VALUE),
                      Map.of(),
                      Double.NaN,
                      List.of(new AppropriationDraw(1, 2, Long.MAX_VALUE)),
                      true));
              p.editFunded(
                  "o-1",
                  f -> {
                    f.programId = "no-such-program";
                    f.gapId = null;
                    f.draws.add(new AppropriationDraw(2027, 2027, Long.MAX_VALUE));
                  });
              p.editFunded(
                  "o-5", f -> f.draws.add(new AppropriationDraw(1999, 2030, Long.MAX_VALUE)));
              p.unfunded.add(
                  new UnfundedOption(
                      "zz-ghost", "g-9", "p-9", new UnfundedReason(ReasonCode.NO_VALUE, "")));
              p.gaps.add(new GapOutcome(null, null, Double.NaN, 0, 0, 0, 0));
              p.appropriations.add(
                  new AppropriationUse(null, 0, -1, null, Long.MIN_VALUE, Long.MAX_VALUE, 0));
              p.totals =
                  new PlanTotals(
                      Map.of("nobody", Long.MIN_VALUE),
                      Map.of(),
                      Map.of(),
                      Map.of(),
                      Map.of("x", Map.of(1, 1L)),
                      Map.of("nobody", Double.NaN),
                      Long.MAX_VALUE,
                      Long.MIN_VALUE);
            });
    List<PlanViolation> violations = assertDoesNotThrow(scenario(), plan);
    assertThatKeys(violations)
        .contains(
            violation("COVERAGE", "option 'zz-unknown'"),
            violation("COVERAGE", "option 'zz-ghost'"))
        .contains(violation("ELIGIBILITY", "option 'o-1'"), violation("GAP_OUTCOME", "gap (none)"))
        .contains(violation("APPROPRIATION_USE", "program (none) appropriation FY0"));
  }

  @Test
  void check_drawsThatOverflowALong_neverThrow() {
    Plan plan =
        edit(
            p ->
                p.editFunded(
                    "o-2",
                    f -> {
                      f.draws.add(new AppropriationDraw(2028, 2028, Long.MAX_VALUE));
                      f.draws.add(new AppropriationDraw(2028, 2028, Long.MAX_VALUE));
                    }));
    List<PlanViolation> violations = assertDoesNotThrow(scenario(), plan);
    assertThat(violations).isNotEmpty();
  }

  @Test
  void check_planForAnotherScenario_reportsScenario() {
    Plan plan = edit(p -> p.scenarioId = "other");
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(violation("SCENARIO", "plan"));
  }

  // -------------------------------------------------------- eligibility and candidates

  static Stream<Arguments> ineligibleVariants() {
    return Stream.of(
        Arguments.of(
            "rule 1: option names only other programs",
            (Consumer<Knobs>) k -> k.programIdsO5 = List.of("pr-hum"),
            "o-5"),
        Arguments.of(
            "rule 2: activity type",
            eligibility(
                Set.of(ActivityType.TRAINING, ActivityType.ADVISING),
                Set.of(),
                Set.of(),
                List.of(),
                List.of()),
            "o-5"),
        Arguments.of(
            "rule 3: domain",
            eligibility(
                INCREMENTAL_ACTIVITIES,
                Set.of(DotmlpfDomain.TRAINING),
                Set.of(),
                List.of(),
                List.of()),
            "o-4"),
        Arguments.of(
            "rule 4: combatant command",
            eligibility(
                INCREMENTAL_ACTIVITIES,
                Set.of(),
                Set.of(CombatantCommand.AFRICOM),
                List.of(),
                List.of()),
            "o-5"),
        Arguments.of(
            "rule 5: partner list",
            eligibility(INCREMENTAL_ACTIVITIES, Set.of(), Set.of(), List.of("p-1"), List.of()),
            "o-5"),
        Arguments.of(
            "rule 6: prohibited partner",
            eligibility(INCREMENTAL_ACTIVITIES, Set.of(), Set.of(), List.of(), List.of("p-2")),
            "o-5"),
        Arguments.of(
            "rule 7: vetting",
            (Consumer<Knobs>) k -> k.vettingIncremental = VettingRequirement.STRICT,
            "o-5"),
        Arguments.of("rule 8: span", (Consumer<Knobs>) k -> k.span333 = 2, "o-2"));
  }

  private static Consumer<Knobs> eligibility(
      Set<ActivityType> activities,
      Set<DotmlpfDomain> domains,
      Set<CombatantCommand> commands,
      List<String> partners,
      List<String> prohibited) {
    return k ->
        k.eligibilityIncremental =
            new ProgramEligibility(activities, domains, commands, partners, prohibited);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ineligibleVariants")
  void check_programIneligibleByOneRule_reportsEligibility(
      String rule, Consumer<Knobs> knob, String optionId) {
    List<PlanViolation> violations = PlanChecker.check(scenario(knob), validPlan());
    assertThatKeys(violations).contains(violation("ELIGIBILITY", "option '" + optionId + "'"));
    assertThat(violations)
        .filteredOn(v -> v.rule().equals("ELIGIBILITY"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains(rule.substring(0, rule.indexOf(':'))));
  }

  @Test
  void check_fundedByUnknownProgram_reportsEligibility() {
    Plan plan = edit(p -> p.editFunded("o-6", f -> f.programId = "pr-gone"));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .contains(violation("ELIGIBILITY", "option 'o-6'"));
  }

  @Test
  void check_startBeforeProgramPlanningLeadTime_reportsStartWindow() {
    List<PlanViolation> violations =
        PlanChecker.check(scenario(k -> k.leadTime333 = 2), validPlan());
    assertThatKeys(violations).containsExactly(violation("START_WINDOW", "option 'o-2' FY2028"));
    assertThat(violations.get(0).message()).contains("FY2029-FY2029", "planning lead time 2");
  }

  @Test
  void check_startAfterOptionLatestStart_reportsStartWindow() {
    assertThatKeys(PlanChecker.check(scenario(k -> k.latestStartO5 = 2027), validPlan()))
        .containsExactly(violation("START_WINDOW", "option 'o-5' FY2028"));
  }

  @Test
  void check_incrementalCostRunsPastHorizon_reportsStartWindow() {
    Plan plan = edit(p -> p.editFunded("o-4", f -> f.start = 2028));
    List<PlanViolation> violations = PlanChecker.check(scenario(), plan);
    assertThatKeys(violations).contains(violation("START_WINDOW", "option 'o-4' FY2028"));
    assertThat(violations)
        .filteredOn(v -> v.rule().equals("START_WINDOW"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("runs to FY2030"));
    // and the candidate money rule: pr-inc has no appropriation available in FY2030
    assertThatKeys(violations).contains(violation("DRAW_AVAILABILITY", "option 'o-4' FY2030"));
  }

  @Test
  void check_policyExcludedOptionFunded_reportsPolicyExclusion() {
    Scenario scenario = scenario(k -> k.policy = k.policy.toBuilder().minimumRiskScore(9).build());
    // g-3 has risk score 2 x 4 = 8 < 9: o-5 and o-6 are excluded; o-7's policy reason stays true.
    assertThatKeys(PlanChecker.check(scenario, validPlan()))
        .containsExactly(
            violation("POLICY_EXCLUSION", "option 'o-5'"),
            violation("POLICY_EXCLUSION", "option 'o-6'"));
  }

  @Test
  void check_startWithNoValue_reportsValue() {
    // completion of o-2 is FY2031; the objective deadline moved to FY2030 makes it worthless.
    Plan plan = edit(p -> p.editFunded("o-2", f -> f.value = 0.0));
    Scenario scenario = scenario();
    Scenario shorter =
        scenario.toBuilder()
            .gaps(
                scenario.gaps().stream()
                    .map(
                        g ->
                            g.id().equals("g-1")
                                ? new org.scplan.scenario.CapabilityGap(
                                    g.id(),
                                    g.partnerId(),
                                    "obj-2",
                                    g.role(),
                                    g.roleType(),
                                    g.description(),
                                    g.risk(),
                                    g.urgency(),
                                    g.thirdPartyCoverage(),
                                    g.sweetSpot())
                                : g)
                    .toList())
            .build();
    List<PlanViolation> violations = PlanChecker.check(shorter, plan);
    assertThatKeys(violations).contains(violation("VALUE", "option 'o-2'"));
    assertThat(violations)
        .anySatisfy(v -> assertThat(v.message()).contains("no value when started in FY2028"));
  }

  // ------------------------------------------------------------- calendar and money

  @Test
  void check_wrongCompletion_reportsCompletion() {
    Plan plan = edit(p -> p.editFunded("o-2", f -> f.completion = 2030));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(violation("COMPLETION", "option 'o-2'"));
  }

  @Test
  void check_costShiftedByAYear_reportsCostPerYear() {
    Plan plan =
        edit(p -> p.editFunded("o-2", f -> f.costs = years(2028, 3_000_000, 2029, 3_000_000)));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(
            violation("COST", "option 'o-2' FY2029"), violation("COST", "option 'o-2' FY2030"));
  }

  @Test
  void check_fullAtStartObligationsSpreadLikeCost_reportsObligation() {
    Plan plan =
        edit(
            p ->
                p.editFunded(
                    "o-2",
                    f -> f.obligations = years(2028, 3_000_000, 2029, 2_000_000, 2030, 1_000_000)));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(
            violation("OBLIGATION", "option 'o-2' FY2028"),
            violation("OBLIGATION", "option 'o-2' FY2029"),
            violation("OBLIGATION", "option 'o-2' FY2030"));
  }

  @Test
  void check_drawOutsideAppropriationAvailability_reportsDrawAvailability() {
    // o-1's FY2028 cost drawn on 1-year money of FY2027, which expired; pr-inc FY2027 uses stay as
    // they were.
    Plan plan =
        edit(
            p ->
                p.editFunded(
                    "o-1", f -> f.draws.set(1, new AppropriationDraw(2027, 2028, 1_000_000))));
    List<PlanViolation> violations = PlanChecker.check(scenario(), plan);
    assertThatKeys(violations).contains(violation("DRAW_AVAILABILITY", "option 'o-1' FY2028"));
    assertThat(violations)
        .filteredOn(v -> v.rule().equals("DRAW_AVAILABILITY"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("available FY2027-FY2027, not in FY2028"));
  }

  @Test
  void check_drawOnAppropriationThatDoesNotExist_reportsDrawAvailability() {
    Plan plan =
        edit(
            p ->
                p.editFunded(
                    "o-6", f -> f.draws.set(0, new AppropriationDraw(2027, 2027, 700_000))));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .contains(violation("DRAW_AVAILABILITY", "option 'o-6' FY2027"));
  }

  @Test
  void check_drawsOneDollarShortOfObligations_reportsDrawSum() {
    Plan plan =
        edit(
            p ->
                p.editFunded(
                    "o-5", f -> f.draws.set(1, new AppropriationDraw(2029, 2029, 799_999))));
    List<PlanViolation> violations = PlanChecker.check(scenario(), plan);
    assertThatKeys(violations).contains(violation("DRAW_SUM", "option 'o-5' FY2029"));
    assertThat(violations)
        .filteredOn(v -> v.rule().equals("DRAW_SUM"))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.message())
                    .isEqualTo("draws total $799,999 but the option obligates $800,000 in FY2029"));
  }

  @Test
  void check_zeroDollarDraw_reportsDrawAmount() {
    Plan plan =
        edit(p -> p.editFunded("o-5", f -> f.draws.add(new AppropriationDraw(2028, 2028, 0))));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(violation("DRAW_AMOUNT", "option 'o-5' FY2028"));
  }

  @Test
  void check_appropriationOverspentByOneDollar_reportsOverspent() {
    // pr-inc FY2027 carries exactly the $1,500,000 drawn; one dollar less is overspent by $1.
    List<PlanViolation> violations =
        PlanChecker.check(
            scenario(k -> k.appropriationInc2027 = 1_499_999),
            edit(
                p ->
                    p.editAppropriation(
                                "pr-inc",
                                2027,
                                a ->
                                    new AppropriationUse(
                                        "pr-inc", 2027, 1_499_999, 2027, 1_500_000, -1, 0))
                            .totals =
                        new PlanTotals(
                            p.totals.obligationsByPartner(),
                            p.totals.obligationsBySco(),
                            p.totals.obligationsByProgram(),
                            p.totals.obligationsByFiscalYear(),
                            p.totals.obligationsByProgramAndFiscalYear(),
                            p.totals.riskReducedByPartner(),
                            p.totals.totalObligated(),
                            3_999_999)));
    assertThatKeys(violations)
        .containsExactly(
            violation("APPROPRIATION_OVERSPENT", "program 'pr-inc' appropriation FY2027"));
    assertThat(violations.get(0).message())
        .isEqualTo("draws total $1,500,000, exceeding the amount $1,499,999 by $1");
  }

  @Test
  void check_drawsMovedBetweenAppropriations_reportsOverspentAndUse() {
    // $1 of o-2 moved from FY2028 money to the fully used FY2027 money.
    Plan plan =
        edit(
            p ->
                p.editFunded(
                    "o-2",
                    f -> {
                      f.draws.set(0, new AppropriationDraw(2027, 2028, 5_000_001));
                      f.draws.set(1, new AppropriationDraw(2028, 2028, 999_999));
                    }));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .contains(
            violation("APPROPRIATION_OVERSPENT", "program 'pr-333' appropriation FY2027"),
            violation("APPROPRIATION_USE", "program 'pr-333' appropriation FY2027"),
            violation("APPROPRIATION_USE", "program 'pr-333' appropriation FY2028"));
  }

  @Test
  void check_lapseReportedAsAvailableAfterHorizon_reportsAppropriationUse() {
    Plan plan =
        edit(
            p ->
                p.editAppropriation(
                    "pr-inc",
                    2029,
                    a ->
                        new AppropriationUse(
                            "pr-inc", 2029, 2_000_000, 2029, 1_300_000, 0, 700_000)));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(
            violation("APPROPRIATION_USE", "program 'pr-inc' appropriation FY2029"),
            violation("APPROPRIATION_USE", "program 'pr-inc' appropriation FY2029"));
  }

  @Test
  void check_noYearMoneyGivenALastFiscalYear_reportsAppropriationUse() {
    Plan plan =
        edit(
            p ->
                p.editAppropriation(
                    "pr-hum",
                    2026,
                    a ->
                        new AppropriationUse(
                            "pr-hum", 2026, 2_000_000, 2029, 700_000, 0, 1_300_000)));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(violation("APPROPRIATION_USE", "program 'pr-hum' appropriation FY2026"));
  }

  @Test
  void check_appropriationUseMissingOrUnsorted_reportsAppropriationUse() {
    Plan missing = edit(p -> p.appropriations.remove(2));
    assertThatKeys(PlanChecker.check(scenario(), missing))
        .containsExactly(violation("APPROPRIATION_USE", "program 'pr-333' appropriation FY2029"));
    Plan unsorted = edit(p -> Collections.swap(p.appropriations, 0, 6));
    assertThatKeys(PlanChecker.check(scenario(), unsorted))
        .containsExactly(violation("APPROPRIATION_USE", "plan"));
  }

  // ----------------------------------------------------------- duplicate-FY appropriations

  @Test
  void check_twoAppropriationsOfOneFiscalYearBothAvailable_acceptsSplitDraws() {
    // pr-333 FY2027 split into $3M 2-year and $2M 3-year money: both available in FY2028.
    Scenario scenario =
        scenario(
            k ->
                k.appropriations333 =
                    List.of(
                        new Appropriation(2027, 3_000_000, 2),
                            new Appropriation(2027, 2_000_000, 3),
                        new Appropriation(2028, 4_000_000, 2),
                            new Appropriation(2029, 3_000_000, 2)));
    Plan plan =
        edit(
            p -> {
              p.appropriations.set(
                  0, new AppropriationUse("pr-333", 2027, 3_000_000, 2028, 3_000_000, 0, 0));
              p.appropriations.add(
                  1, new AppropriationUse("pr-333", 2027, 2_000_000, 2029, 2_000_000, 0, 0));
            });
    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
  }

  @Test
  void check_twoAppropriationsOfOneFiscalYearOneExpired_reportsOverspent() {
    // $3M 2-year and $2M 1-year money of FY2027: only $3M is still available for o-2's FY2028 draw
    // of $5M.
    Scenario scenario =
        scenario(
            k ->
                k.appropriations333 =
                    List.of(
                        new Appropriation(2027, 3_000_000, 2),
                            new Appropriation(2027, 2_000_000, 1),
                        new Appropriation(2028, 4_000_000, 2),
                            new Appropriation(2029, 3_000_000, 2)));
    Plan plan =
        edit(
            p -> {
              p.appropriations.set(
                  0, new AppropriationUse("pr-333", 2027, 3_000_000, 2028, 3_000_000, 0, 0));
              p.appropriations.add(
                  1, new AppropriationUse("pr-333", 2027, 2_000_000, 2027, 2_000_000, 0, 0));
            });
    List<PlanViolation> violations = PlanChecker.check(scenario, plan);
    assertThatKeys(violations)
        .contains(violation("APPROPRIATION_OVERSPENT", "program 'pr-333' appropriation FY2027"));
    assertThat(violations)
        .filteredOn(v -> v.rule().equals("APPROPRIATION_OVERSPENT"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("$5,000,000", "$3,000,000"));
  }

  // -------------------------------------------------------------------------- limits

  @Test
  void check_absorptiveCapacityExceededByOneDollar_reportsAbsorptiveCapacity() {
    List<PlanViolation> violations =
        PlanChecker.check(scenario(k -> k.absorptiveP1 = 4_499_999L), validPlan());
    assertThatKeys(violations)
        .containsExactly(violation("ABSORPTIVE_CAPACITY", "partner 'p-1' FY2028"));
    assertThat(violations.get(0).message())
        .isEqualTo("cost $4,500,000 exceeds absorptive capacity $4,499,999 by $1");
  }

  @Test
  void check_sustainmentBudgetExceeded_reportsSustainment() {
    // o-1 completes FY2028: its $100,000 sustainment falls in FY2029.
    assertThatKeys(PlanChecker.check(scenario(k -> k.sustainmentP1 = 99_999L), validPlan()))
        .containsExactly(violation("SUSTAINMENT", "partner 'p-1' FY2029"));
  }

  @Test
  void check_perPartnerProgramCapExceeded_reportsProgramCap() {
    assertThatKeys(PlanChecker.check(scenario(k -> k.capIncremental = 1_499_999L), validPlan()))
        .containsExactly(
            violation("PROGRAM_CAP", "program 'pr-inc' partner 'p-1' FY2027"),
            violation("PROGRAM_CAP", "program 'pr-inc' partner 'p-1' FY2028"));
  }

  @Test
  void check_scoStaffCapacityExceeded_reportsScoCapacity() {
    // FY2028 workload 4.1 + 2.2 + 5.7 = 12.0 person-weeks: fits 12.0 exactly, not 11.99.
    assertThatKeys(PlanChecker.check(scenario(k -> k.staffScoA = 11.99), validPlan()))
        .containsExactly(violation("SCO_CAPACITY", "SCO 'sco-a' FY2028"));
  }

  @Test
  void check_balanceRuleMaximumShareExceeded_reportsBalanceRule() {
    // FY2028 maritime obligations $8.2M of $8.7M = 94.25 %.
    List<PlanViolation> violations =
        PlanChecker.check(scenario(k -> k.maximumShareMaritime = 0.9424), validPlan());
    assertThatKeys(violations)
        .containsExactly(violation("BALANCE_RULE", "balance rule 'b-maritime' FY2028"));
    assertThat(violations.get(0).message())
        .contains("$8,200,000", "$8,700,000", "94.2529%", "94.24%");
    assertThat(PlanChecker.check(scenario(k -> k.maximumShareMaritime = 0.9426), validPlan()))
        .isEmpty();
  }

  @Test
  void check_balanceRuleHorizonMinimumShareAndMaximumAmount_reportsBalanceRule() {
    // Border: $1.5M of $12.2M over the horizon = 12.295 %: 10000 x 1.5M >= 1229 x 12.2M, but < 1230
    // x 12.2M.
    assertThat(PlanChecker.check(scenario(k -> k.minimumShareBorder = 0.1229), validPlan()))
        .isEmpty();
    assertThatKeys(PlanChecker.check(scenario(k -> k.minimumShareBorder = 0.1230), validPlan()))
        .containsExactly(violation("BALANCE_RULE", "balance rule 'b-border' horizon"));
    assertThatKeys(
            PlanChecker.check(scenario(k -> k.maximumAmountBorder = 1_499_999L), validPlan()))
        .containsExactly(violation("BALANCE_RULE", "balance rule 'b-border' horizon"));
  }

  // ----------------------------------------------------------------------- structure

  @Test
  void check_twoOptionsOfExclusionGroupFunded_reportsExclusionGroup() {
    Plan plan =
        edit(
            p -> {
              p.unfunded.removeIf(u -> u.optionId().equals("o-3"));
              p.funded.add(
                  2,
                  new FundedOption(
                      "o-3",
                      "g-1",
                      "p-1",
                      "pr-333",
                      2028,
                      2028,
                      years(2028, 1_500_000),
                      years(2028, 1_500_000),
                      0.0,
                      List.of(new AppropriationDraw(2029, 2029, 1_500_000)),
                      false));
            });
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .contains(violation("EXCLUSION_GROUP", "exclusion group 'g1-sensors'"));
  }

  @Test
  void check_prerequisiteStartsTooLate_reportsPrerequisite() {
    List<PlanViolation> violations = PlanChecker.check(scenario(k -> k.lagO2 = 2), validPlan());
    assertThatKeys(violations).containsExactly(violation("PREREQUISITE", "option 'o-2'"));
    assertThat(violations.get(0).message()).contains("FY2029 at the earliest");
  }

  @Test
  void check_prerequisiteNotFunded_reportsPrerequisite() {
    assertThatKeys(PlanChecker.check(scenario(k -> k.prerequisiteOfO4 = "o-3"), validPlan()))
        .containsExactly(violation("PREREQUISITE", "option 'o-4'"));
  }

  @Test
  void check_lockedDecisionAtAnotherStart_reportsLockedDecision() {
    Scenario scenario =
        scenario(k -> k.locks = List.of(new LockedDecision("o-4", "pr-inc", 2028, "")));
    assertThatKeys(PlanChecker.check(scenario, validPlan()))
        .containsExactly(violation("LOCKED_DECISION", "option 'o-4'"));
  }

  @Test
  void check_lockedDecisionNotFunded_reportsLockedDecision() {
    Scenario scenario =
        scenario(
            k ->
                k.locks =
                    List.of(
                        new LockedDecision("o-4", "pr-inc", 2027, ""),
                        new LockedDecision("o-3", "pr-333", 2028, "")));
    assertThatKeys(PlanChecker.check(scenario, validPlan()))
        .containsExactly(violation("LOCKED_DECISION", "option 'o-3'"));
  }

  @Test
  void check_lockedFlagWrong_reportsLockedDecision() {
    Plan plan =
        edit(
            p ->
                p.editFunded("o-4", f -> f.locked = false).editFunded("o-5", f -> f.locked = true));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(
            violation("LOCKED_DECISION", "option 'o-4'"),
            violation("LOCKED_DECISION", "option 'o-5'"));
  }

  // -------------------------------------------------------------------- values, totals

  @Test
  void check_optionValueOff_reportsValueAndNothingElse() {
    Plan plan =
        edit(p -> p.editFunded("o-2", f -> f.value = PlanCheckerFixture.VALUE_O2 * (1 + 1e-6)));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(violation("VALUE", "option 'o-2'"));
  }

  @Test
  void check_optionValueWithinTolerance_passes() {
    Plan plan =
        edit(p -> p.editFunded("o-2", f -> f.value = PlanCheckerFixture.VALUE_O2 * (1 + 1e-12)));
    assertThat(PlanChecker.check(scenario(), plan)).isEmpty();
  }

  @Test
  void check_gapValueNotCapped_reportsGapOutcome() {
    // g-3: 7.28 + 4.16 = 11.44 exceeds the maximum value 10.4.
    double uncapped = PlanCheckerFixture.VALUE_O5 + PlanCheckerFixture.VALUE_O6;
    Plan plan =
        edit(
            p ->
                p.gaps.set(
                    2, new GapOutcome("g-3", "p-2", 20.8, 10.4, uncapped, 1.0, 20.8 - uncapped)));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(
            violation("GAP_OUTCOME", "gap 'g-3'"), violation("GAP_OUTCOME", "gap 'g-3'"));
  }

  @Test
  void check_gapOutcomeMissingOrClosureUncapped_reportsGapOutcome() {
    assertThatKeys(PlanChecker.check(scenario(), edit(p -> p.gaps.remove(3))))
        .containsExactly(violation("GAP_OUTCOME", "gap 'g-4'"));
    // g-1 closures 0.5 + 0.6 = 1.1, capped at 1.
    Plan uncapped =
        edit(
            p ->
                p.gaps.set(
                    0,
                    new GapOutcome(
                        "g-1",
                        "p-1",
                        p.gaps.get(0).weight(),
                        p.gaps.get(0).maximumValue(),
                        p.gaps.get(0).value(),
                        1.1,
                        p.gaps.get(0).residualRisk())));
    assertThatKeys(PlanChecker.check(scenario(), uncapped))
        .containsExactly(violation("GAP_OUTCOME", "gap 'g-1'"));
  }

  @Test
  void check_headlineFiguresWrong_reportsValue() {
    Plan plan =
        edit(
            p -> {
              p.riskReduced += 0.001;
              p.totalWeightAtStake -= 1;
            });
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(violation("VALUE", "plan"), violation("VALUE", "plan"));
  }

  @Test
  void check_everyTotalOff_reportsEachTotal() {
    Plan plan =
        edit(
            p ->
                p.totals =
                    new PlanTotals(
                        Map.of("p-1", 9_500_001L, "p-2", 2_700_000L),
                        Map.of("sco-a", 9_500_000L),
                        Map.of(
                            "pr-inc",
                            5_500_000L,
                            "pr-333",
                            6_000_000L,
                            "pr-hum",
                            700_000L,
                            "pr-x",
                            1L),
                        years(2027, 2_200_000, 2028, 8_700_000, 2029, 1_300_001),
                        Map.of(
                            "pr-inc",
                            years(2027, 1_500_000, 2028, 2_700_000, 2029, 1_300_000),
                            "pr-333",
                            years(2029, 6_000_000),
                            "pr-hum",
                            years(2027, 700_000)),
                        Map.of("p-1", 40.19008, "p-2", 10.5),
                        12_200_001,
                        3_000_000));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(
            violation("TOTALS", "totals obligationsByPartner 'p-1'"),
            violation("TOTALS", "totals obligationsBySco 'sco-b'"),
            violation("TOTALS", "totals obligationsByProgram 'pr-x'"),
            violation("TOTALS", "totals obligationsByFiscalYear FY2029"),
            violation("TOTALS", "totals obligationsByProgramAndFiscalYear 'pr-333' FY2028"),
            violation("TOTALS", "totals obligationsByProgramAndFiscalYear 'pr-333' FY2029"),
            violation("TOTALS", "totals riskReducedByPartner 'p-2'"),
            violation("TOTALS", "totals totalObligated"),
            violation("TOTALS", "totals totalLapsed"));
  }

  // ---------------------------------------------------------------- status and reasons

  @Test
  void check_infeasiblePlanWithFundedOption_reportsStatus() {
    Plan plan = edit(p -> p.status = PlanStatus.INFEASIBLE);
    List<PlanViolation> violations = PlanChecker.check(scenario(), plan);
    assertThatKeys(violations)
        .contains(violation("STATUS", "plan"), violation("STATUS", "option 'o-3'"));
  }

  @ParameterizedTest
  @EnumSource(
      value = PlanStatus.class,
      names = {"INFEASIBLE", "UNKNOWN"})
  void check_emptyPlanWithoutSolution_passes(PlanStatus status) {
    assertThat(PlanChecker.check(scenario(), noPlan(status))).isEmpty();
  }

  @Test
  void check_feasiblePlanUsingNoPlanReason_reportsStatus() {
    Plan plan = edit(p -> p.editUnfunded("o-3", u -> withReason(u, ReasonCode.NO_PLAN)));
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(violation("STATUS", "option 'o-3'"));
  }

  @Test
  void check_emptyPlanClaimingFeasible_reportsBrokenLock() {
    Plan plan =
        edit(
            noPlan(PlanStatus.INFEASIBLE),
            p -> {
              p.status = PlanStatus.FEASIBLE;
              p.unfunded.replaceAll(u -> withReason(u, ReasonCode.CROWDED_OUT));
            });
    // Share bounds hold trivially with no obligations at all (10000 x 0 >= 1000 x 0); the lock does
    // not.
    assertThatKeys(PlanChecker.check(scenario(), plan))
        .containsExactly(violation("LOCKED_DECISION", "option 'o-4'"));
  }

  static Stream<Arguments> falseReasons() {
    return Stream.of(
        Arguments.of("o-3", ReasonCode.INELIGIBLE, "program 'pr-333' is eligible"),
        Arguments.of("o-3", ReasonCode.EXCLUDED_BY_POLICY, "no policy threshold"),
        Arguments.of("o-3", ReasonCode.NO_VALUE, "worth"),
        Arguments.of("o-3", ReasonCode.NO_START_YEAR, "program 'pr-333' could start it in FY2028"),
        Arguments.of("o-3", ReasonCode.BLOCKED_BY_PREREQUISITE, "no prerequisite"),
        Arguments.of("o-7", ReasonCode.EXCLUDED_BY_ALTERNATIVE, "no exclusion group"),
        Arguments.of("o-7", ReasonCode.INELIGIBLE, "is eligible"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("falseReasons")
  void check_unfundedReasonThatIsFalse_reportsUnfundedReason(
      String optionId, ReasonCode code, String expected) {
    Plan plan = edit(p -> p.editUnfunded(optionId, u -> withReason(u, code)));
    List<PlanViolation> violations = PlanChecker.check(scenario(), plan);
    assertThatKeys(violations)
        .containsExactly(violation("UNFUNDED_REASON", "option '" + optionId + "'"));
    assertThat(violations.get(0).message()).contains(expected);
  }

  @Test
  void check_unfundedReasonsThatAreTrue_pass() {
    // o-8's only program serves p-2 alone: no start year, no candidate; o-7 (risk score 2) has
    // value 0 nowhere,
    // so only the reasons that hold are accepted.
    Plan plan =
        edit(
            p ->
                p.editUnfunded("o-8", u -> withReason(u, ReasonCode.NO_START_YEAR))
                    .editUnfunded("o-3", u -> withReason(u, ReasonCode.CROWDED_OUT)));
    assertThat(PlanChecker.check(scenario(), plan)).isEmpty();
  }

  @Test
  void check_noValueReasonForOptionClosingNothing_passes() {
    Plan plan = edit(p -> p.editUnfunded("o-3", u -> withReason(u, ReasonCode.NO_VALUE)));
    assertThat(PlanChecker.check(scenario(k -> k.closureO3 = 0.0), plan)).isEmpty();
  }

  @Test
  void check_blockedByPrerequisiteFundedTooLate_passesAndEarlyEnough_reportsUnfundedReason() {
    // o-3 needs o-5 (FY2028) two years earlier: FY2030 at the earliest, after the horizon.
    Plan plan =
        edit(p -> p.editUnfunded("o-3", u -> withReason(u, ReasonCode.BLOCKED_BY_PREREQUISITE)));
    assertThat(
            PlanChecker.check(
                scenario(
                    k -> {
                      k.prerequisiteOfO3 = "o-5";
                      k.lagO3 = 2;
                    }),
                plan))
        .isEmpty();
    // with a lag of 1, pr-333 could start o-3 in FY2029: the reason is false.
    List<PlanViolation> violations =
        PlanChecker.check(
            scenario(
                k -> {
                  k.prerequisiteOfO3 = "o-5";
                  k.lagO3 = 1;
                }),
            plan);
    assertThatKeys(violations).containsExactly(violation("UNFUNDED_REASON", "option 'o-3'"));
    assertThat(violations.get(0).message()).contains("program 'pr-333' to start it in FY2029");
  }

  @Test
  void check_duplicateFiscalYearUsesWithImpossibleSplit_reportsAppropriationUse() {
    Scenario scenario =
        scenario(
            k ->
                k.appropriations333 =
                    List.of(
                        new Appropriation(2027, 3_000_000, 2),
                            new Appropriation(2027, 2_000_000, 3),
                        new Appropriation(2028, 4_000_000, 2),
                            new Appropriation(2029, 3_000_000, 2)));
    // obligated $3.5M from a $3M appropriation, $1.5M from the $2M one: sums match the draws, the
    // split does not.
    Plan plan =
        edit(
            p -> {
              p.appropriations.set(
                  0, new AppropriationUse("pr-333", 2027, 3_000_000, 2028, 3_500_000, -500_000, 0));
              p.appropriations.add(
                  1, new AppropriationUse("pr-333", 2027, 2_000_000, 2029, 1_500_000, 500_000, 0));
            });
    assertThatKeys(PlanChecker.check(scenario, plan))
        .containsOnly(violation("APPROPRIATION_USE", "program 'pr-333' appropriation FY2027"));
  }

  @Test
  void check_blockedByPrerequisiteWhenPrerequisiteUnfunded_passes() {
    // o-4 made dependent on unfunded o-3 and left unfunded: its reason is true.
    Scenario scenario =
        scenario(
            k -> {
              k.prerequisiteOfO4 = "o-3";
              k.locks = List.of();
              k.minimumShareBorder = null;
            });
    Plan plan =
        edit(
            noPlan(PlanStatus.FEASIBLE),
            p ->
                p.unfunded.replaceAll(
                    u ->
                        withReason(
                            u,
                            u.optionId().equals("o-4")
                                ? ReasonCode.BLOCKED_BY_PREREQUISITE
                                : ReasonCode.CROWDED_OUT)));
    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
  }

  // ----------------------------------------------------------------------------- scale

  @Test
  void check_tenThousandOptionPlan_findsEveryBrokenLimitAndNothingElse() {
    // 5,000 funded options (valid one by one, far over every limit together) and 5,000 unfunded
    // ones whose reasons need the candidate search. Its speed is measured by
    // TheaterBenchmark.checkPlan.
    List<org.scplan.scenario.SolutionOption> options = new ArrayList<>();
    List<FundedOption> funded = new ArrayList<>();
    List<UnfundedOption> unfunded = new ArrayList<>();
    double value = PlanCheckerFixture.WEIGHT_G3 * 0.01 * PlanCheckerFixture.SUCCESS_G3;
    for (int i = 0; i < 10_000; i++) {
      String id = String.format("x-%05d", i);
      options.add(
          org.scplan.scenario.SolutionOption.builder(id, "g-3")
              .activityType(ActivityType.EXERCISE)
              .domain(org.scplan.scenario.DotmlpfDomain.TRAINING)
              .closure(0.01)
              .costProfile(100_000, 100_000)
              .exclusionGroup(i % 2 == 0 ? null : "group-" + i)
              .build());
      if (i % 2 == 0) {
        funded.add(
            new FundedOption(
                id,
                "g-3",
                "p-2",
                "pr-inc",
                2028,
                2029,
                years(2028, 100_000, 2029, 100_000),
                years(2028, 100_000, 2029, 100_000),
                value,
                List.of(
                    new AppropriationDraw(2028, 2028, 100_000),
                    new AppropriationDraw(2029, 2029, 100_000)),
                false));
      } else {
        unfunded.add(
            new UnfundedOption(
                id,
                "g-3",
                "p-2",
                new UnfundedReason(
                    i % 4 == 1 ? ReasonCode.NO_START_YEAR : ReasonCode.EXCLUDED_BY_ALTERNATIVE,
                    "")));
      }
    }
    Scenario large = scenario().toBuilder().options(options).lockedDecisions(List.of()).build();
    Plan plan =
        edit(
            noPlan(PlanStatus.FEASIBLE),
            p -> {
              p.funded = funded;
              p.unfunded = unfunded;
            });
    List<PlanViolation> violations = PlanChecker.check(large, plan);
    assertThat(violations).noneMatch(v -> v.rule().equals("UNCHECKED"));
    assertThat(violations)
        .extracting(PlanViolation::rule)
        .contains(
            "APPROPRIATION_OVERSPENT",
            "PROGRAM_CAP",
            "ABSORPTIVE_CAPACITY",
            "UNFUNDED_REASON",
            "TOTALS")
        .doesNotContain(
            "COVERAGE", "ELIGIBILITY", "START_WINDOW", "COST", "OBLIGATION", "DRAW_SUM");
  }

  @Test
  void dollars_anyAmount_groupsThousandsWithCommas() {
    assertThat(PlanChecker.dollars(0)).isEqualTo("$0");
    assertThat(PlanChecker.dollars(999)).isEqualTo("$999");
    assertThat(PlanChecker.dollars(1_000)).isEqualTo("$1,000");
    assertThat(PlanChecker.dollars(12_500_000)).isEqualTo("$12,500,000");
    assertThat(PlanChecker.dollars(-5)).isEqualTo("-$5");
    assertThat(PlanChecker.dollars(Long.MIN_VALUE)).isEqualTo("-$9,223,372,036,854,775,808");
  }

  // --------------------------------------------------------------------------- helpers

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  private static List<PlanViolation> assertDoesNotThrow(Scenario scenario, Plan plan) {
    List<List<PlanViolation>> result = new ArrayList<>();
    assertThatCode(() -> result.add(PlanChecker.check(scenario, plan))).doesNotThrowAnyException();
    return result.get(0);
  }

  /** A violation's rule and location, the part the tests match on: "RULE @ location". */
  private static String violation(String rule, String location) {
    return rule + " @ " + location;
  }

  /** Assertions on the violations' rules and locations, in order. */
  private static org.assertj.core.api.ListAssert<String> assertThatKeys(
      List<PlanViolation> violations) {
    return assertThat(violations.stream().map(v -> violation(v.rule(), v.location())).toList())
        .as("violations %s", violations);
  }

  private static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
    Map<K, V> copy = new java.util.HashMap<>(map);
    copy.put(key, value);
    return copy;
  }
}
