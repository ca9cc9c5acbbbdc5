package org.scplan.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scplan.execution.ExecutionStatus;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;

/**
 * Every figure of the assessment of {@link ExecutionFixtures}, against values computed by hand
 * (docs/MODEL.md §10; the arithmetic is in each assertion's comment).
 */
class AssessmentTest {
  private static final double EXACT = 1e-12;

  private final Plan plan = ExecutionFixtures.plan();
  private final Assessment assessment =
      Assessment.of(ExecutionFixtures.scenario(), plan, ExecutionFixtures.execution());

  @Test
  void fixturePlan_fundsEveryOptionAtItsLockedStart() {
    PlanChecker.verify(ExecutionFixtures.scenario(), plan);
    assertThat(plan.fundedOptions())
        .extracting(FundedOption::optionId, FundedOption::programId, FundedOption::startFiscalYear)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("o-advise", "prog-a", 2027),
            org.assertj.core.groups.Tuple.tuple("o-equip", "prog-b", 2028),
            org.assertj.core.groups.Tuple.tuple("o-later", "prog-a", 2029),
            org.assertj.core.groups.Tuple.tuple("o-survey", "prog-a", 2028),
            org.assertj.core.groups.Tuple.tuple("o-train", "prog-a", 2027));
  }

  @Test
  void programYears_plannedAgainstObligated() {
    // prog-a 2027: o-train 400,000 + o-advise 300,000 planned; 400,000 + 250,000 obligated.
    // prog-a 2028: o-train 400,000 + o-survey 100,000 planned; 300,000 obligated.
    // prog-b 2028: o-equip 1,500,000 planned; nothing obligated (delayed).
    assertThat(assessment.programYears())
        .containsExactly(
            new ProgramYearExecution("prog-a", 2027, 700_000, 650_000),
            new ProgramYearExecution("prog-a", 2028, 500_000, 300_000),
            new ProgramYearExecution("prog-b", 2028, 1_500_000, 0));
    assertThat(assessment.programYears().get(0).obligationRate())
        .isCloseTo(650.0 / 700.0, within(EXACT));
    assertThat(assessment.programYears().get(1).obligationRate()).isCloseTo(0.6, within(EXACT));
    assertThat(assessment.programYears().get(2).obligationRate()).isZero();
    assertThat(assessment.plannedToDate()).isEqualTo(2_700_000);
    assertThat(assessment.obligatedToDate()).isEqualTo(950_000);
  }

  @Test
  void appropriations_lapsedPlannedAheadAndAtRisk() {
    assertThat(assessment.appropriations())
        .containsExactly(
            // FY2027 1-year: 1,000,000 − 650,000 obligated, expired in FY2027 ≤ FY2028: lapsed.
            new AppropriationOutlook("prog-a", 2027, 1, 1_000_000, 650_000, 350_000, 0, 0),
            // FY2028 2-year (to FY2029): 700,000 left; o-later's 200,000 in FY2029 draws it first
            // (same last FY as FY2029 money, older FY first): 500,000 at risk.
            new AppropriationOutlook("prog-a", 2028, 2, 1_000_000, 300_000, 0, 200_000, 500_000),
            // FY2029 1-year: nothing due ahead is left for it: all 500,000 at risk.
            new AppropriationOutlook("prog-a", 2029, 1, 500_000, 0, 0, 0, 500_000),
            // FY2027 2-year (to FY2028): nothing obligated, expired: 2,000,000 lapsed.
            new AppropriationOutlook("prog-b", 2027, 2, 2_000_000, 0, 2_000_000, 0, 0),
            // FY2029 1-year: o-equip's outstanding 1,500,000 falls due in FY2029; 1,000,000 paid.
            new AppropriationOutlook("prog-b", 2029, 1, 1_000_000, 0, 0, 1_000_000, 0));
    assertThat(assessment.programs())
        .containsExactly(
            new ProgramOutlook("prog-a", 200_000, 0),
            new ProgramOutlook("prog-b", 1_500_000, 500_000));
    assertThat(assessment.lapsed()).isEqualTo(2_350_000);
    assertThat(assessment.atRisk()).isEqualTo(1_000_000);
    assertThat(assessment.uncovered()).isEqualTo(500_000);
  }

  @Test
  void offPlan_delaysShortfallsAndSilence() {
    assertThat(assessment.offPlan())
        .containsExactly(
            new OffPlanActivity(
                "o-advise",
                "prog-a",
                2027,
                OffPlanKind.UNDER_OBLIGATED,
                ExecutionStatus.COMPLETED,
                300_000,
                250_000,
                null),
            new OffPlanActivity(
                "o-equip",
                "prog-b",
                2028,
                OffPlanKind.DELAYED,
                ExecutionStatus.DELAYED,
                1_500_000,
                0,
                2029),
            new OffPlanActivity(
                "o-survey", "prog-a", 2028, OffPlanKind.NOT_REPORTED, null, 100_000, 0, null),
            new OffPlanActivity(
                "o-train",
                "prog-a",
                2028,
                OffPlanKind.UNDER_OBLIGATED,
                ExecutionStatus.COMPLETED,
                400_000,
                300_000,
                null));
  }

  @Test
  void moe_offTrack_atTheAveragePaceSinceTheBaseline() {
    MeasureAssessment moe = measure("moe-incidents");
    assertThat(moe.kind()).isEqualTo(MeasureKind.MOE);
    assertThat(moe.ownerId()).isEqualTo("obj-1");
    assertThat(moe.latestFiscalYear()).isEqualTo(2028);
    assertThat(moe.latestValue()).isEqualTo(44.0);
    // (44 − 50) / (20 − 50) = 0.2 of the way; the line from FY2026 to FY2030 is at 2/4 = 0.5.
    assertThat(moe.progress()).isCloseTo(0.2, within(EXACT));
    assertThat(moe.expectedProgress()).isCloseTo(0.5, within(EXACT));
    assertThat(moe.achievement()).isCloseTo(0.4, within(EXACT));
    // 0.2 in 2 FYs, 0.1 a FY, reaches 0.4 by FY2030: not reachable.
    assertThat(moe.projectedProgress()).isCloseTo(0.4, within(EXACT));
    // 45 → 44 is from 1/6 to 0.2 of the way.
    assertThat(moe.trend()).isEqualTo(Trend.IMPROVING);
    assertThat(moe.status()).isEqualTo(MeasureStatus.OFF_TRACK);
  }

  @Test
  void mops_missedOnTrackAndWithoutData() {
    MeasureAssessment train = measure("mop-train");
    // 14 of 20 by the target FY2028: progress 0.7, line at 1, missed.
    assertThat(train.progress()).isCloseTo(0.7, within(EXACT));
    assertThat(train.expectedProgress()).isEqualTo(1.0);
    assertThat(train.achievement()).isCloseTo(0.7, within(EXACT));
    assertThat(train.projectedProgress()).isCloseTo(0.7, within(EXACT));
    assertThat(train.trend()).isEqualTo(Trend.IMPROVING);
    assertThat(train.status()).isEqualTo(MeasureStatus.MISSED);

    MeasureAssessment advise = measure("mop-advise");
    // 8 of 10 in 2 of 3 FYs: progress 0.8, line at 2/3, achievement 1.2, projected 0.4 × 3 = 1.2.
    assertThat(advise.progress()).isCloseTo(0.8, within(EXACT));
    assertThat(advise.expectedProgress()).isCloseTo(2.0 / 3.0, within(EXACT));
    assertThat(advise.achievement()).isCloseTo(1.2, within(1e-9));
    assertThat(advise.projectedProgress()).isCloseTo(1.2, within(1e-9));
    assertThat(advise.trend()).isEqualTo(Trend.IMPROVING);
    assertThat(advise.status()).isEqualTo(MeasureStatus.ON_TRACK);

    MeasureAssessment later = measure("mop-later");
    assertThat(later.status()).isEqualTo(MeasureStatus.NO_DATA);
    assertThat(later.trend()).isEqualTo(Trend.NO_DATA);
    assertThat(later.achievement()).isNull();
  }

  @Test
  void laggingOptions_carryTheirEffectiveness() {
    assertThat(assessment.laggingOptions())
        .containsExactly(new LaggingOption("o-train", List.of("mop-train"), 0.7, 0.7));
    assertThat(assessment.effectiveness("o-train")).isEqualTo(0.7);
    assertThat(assessment.effectiveness("o-advise")).isEqualTo(1.0);
  }

  @Test
  void effectiveness_isBoundedBelow() {
    // mop-train at 4 of 20 by its target year: achievement 0.2, bounded to 0.5.
    var execution = ExecutionFixtures.execution();
    var observations = new java.util.ArrayList<>(execution.observations());
    observations.set(1, new org.scplan.execution.MeasureObservation(2028, "mop-train", 4));
    Assessment low =
        Assessment.of(
            ExecutionFixtures.scenario(),
            plan,
            new org.scplan.execution.ExecutionRecord(
                execution.scenarioId(),
                execution.throughFiscalYear(),
                execution.activities(),
                observations));

    assertThat(low.laggingOptions().get(0).achievement()).isCloseTo(0.2, within(EXACT));
    assertThat(low.effectiveness("o-train")).isEqualTo(Assessment.MINIMUM_EFFECTIVENESS);
    assertThat(low.measures().stream().filter(m -> m.measure().id().equals("mop-train")))
        .singleElement()
        .extracting(MeasureAssessment::trend)
        .isEqualTo(Trend.WORSENING);
  }

  private MeasureAssessment measure(String id) {
    return assessment.measures().stream()
        .filter(m -> m.measure().id().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
