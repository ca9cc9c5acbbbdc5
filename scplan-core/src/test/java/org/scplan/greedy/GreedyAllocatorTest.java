package org.scplan.greedy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.scenario.ActivityType;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.CombatantCommand;
import org.scplan.scenario.DotmlpfDomain;
import org.scplan.scenario.EndState;
import org.scplan.scenario.FundingTitle;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.Objective;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.PlanningHorizon;
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
import org.scplan.testing.RandomScenarios;
import org.scplan.valuation.ReasonCode;

class GreedyAllocatorTest {
  @Test
  void allocate_notionalTheater_fundsByPriorityWithinEveryRule() {
    Scenario theater = NotionalTheater.scenario();

    Plan plan = GreedyAllocator.allocate(theater);

    assertThat(plan.status()).isEqualTo(PlanStatus.FEASIBLE);
    assertThat(PlanChecker.check(theater, plan)).isEmpty();
    assertThat(plan.fundedOptions()).isNotEmpty();
    assertThat(plan.riskReduced()).isPositive().isLessThan(plan.totalWeightAtStake());
  }

  @Test
  void allocate_prerequisiteInOwnExclusionGroup_fundsOnlyOneOfTheGroup() {
    Scenario scenario =
        oneGap(
            SolutionOption.builder("o-kle", "g-1")
                .domain(DotmlpfDomain.LEADERSHIP_AND_EDUCATION)
                .activityType(ActivityType.ENGAGEMENT)
                .closure(0.2)
                .costProfile(10_000)
                .exclusionGroup("alt")
                .build(),
            SolutionOption.builder("o-course", "g-1")
                .domain(DotmlpfDomain.TRAINING)
                .activityType(ActivityType.TRAINING)
                .closure(0.9)
                .costProfile(20_000)
                .exclusionGroup("alt")
                .prerequisite("o-kle", 0)
                .build());

    Plan plan = GreedyAllocator.allocate(scenario);

    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    assertThat(plan.fundedOptions()).extracting(f -> f.optionId()).containsExactly("o-kle");
    assertThat(plan.unfunded("o-course").orElseThrow().reason().code())
        .isIn(ReasonCode.EXCLUDED_BY_ALTERNATIVE, ReasonCode.BLOCKED_BY_PREREQUISITE);
  }

  @Test
  void allocate_randomTinyScenarios_alwaysPassTheChecker() {
    for (long seed = 1; seed <= 300; seed++) {
      Scenario scenario = RandomScenarios.tiny(seed);
      Plan plan = GreedyAllocator.allocate(scenario);
      assertThat(PlanChecker.check(scenario, plan)).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void verified_aPlanThatBreaksARule_isRefusedWithEveryViolation() {
    Scenario theater = NotionalTheater.scenario();
    Plan plan = GreedyAllocator.allocate(theater);
    assertThat(plan.fundedOptions()).isNotEmpty();
    // The same plan against a scenario whose every appropriation is a tenth: it overdraws them.
    List<Program> starved =
        theater.programs().stream()
            .map(
                p ->
                    p.toBuilder()
                        .appropriations(
                            p.appropriations().stream()
                                .map(
                                    a ->
                                        new Appropriation(
                                            a.fiscalYear(), a.amount() / 10, a.yearsAvailable()))
                                .toList())
                        .build())
            .toList();
    Scenario poorer = theater.toBuilder().programs(starved).build();
    assertThat(PlanChecker.check(poorer, plan)).isNotEmpty();

    assertThatThrownBy(() -> GreedyAllocator.verified(poorer, plan))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("engine greedy")
        .hasMessageContaining(PlanChecker.check(poorer, plan).get(0).toString());
    assertThat(GreedyAllocator.verified(theater, plan)).isSameAs(plan);
  }

  private static Scenario oneGap(SolutionOption... options) {
    Scenario.Builder builder =
        Scenario.builder("one-gap", new PlanningHorizon(2027, 2028))
            .endState(new EndState("es", "Stable region", 1.0))
            .lineOfEffort(new LineOfEffort("loe", "Border security", "es", 1.0))
            .objective(new Objective("imo", "Secure the border", "loe", 2030, 1.0))
            .securityCooperationOffice(new SecurityCooperationOffice("sco", "SCO Bandaria", 50))
            .partner(
                new Partner(
                    "p-bandaria",
                    "Bandaria",
                    CombatantCommand.AFRICOM,
                    1,
                    0.8,
                    Map.of("border-security", 0.9),
                    null,
                    null,
                    VettingStatus.CLEAR,
                    "sco"))
            .gap(
                new CapabilityGap(
                    "g-1",
                    "p-bandaria",
                    "imo",
                    "border-security",
                    RoleType.PRIMARY,
                    "Border ISR",
                    new RiskAssessment(4, 4, 2),
                    new Urgency(2028, 0.2),
                    0.0,
                    null))
            .program(
                new Program(
                    "prog",
                    "Engagement fund",
                    "O&M",
                    FundingTitle.TITLE_10,
                    ObligationRule.INCREMENTAL,
                    null,
                    ProgramEligibility.UNRESTRICTED,
                    VettingRequirement.NONE,
                    0,
                    null,
                    List.of(
                        new Appropriation(2027, 1_000_000, 1),
                        new Appropriation(2028, 1_000_000, 1))));
    for (SolutionOption option : options) {
      builder.option(option);
    }
    return builder.build();
  }
}
