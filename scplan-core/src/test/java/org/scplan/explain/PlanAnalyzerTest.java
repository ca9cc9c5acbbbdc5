package org.scplan.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanViolation;
import org.scplan.scenario.Scenario;

/** Scoring and checking hand-edited plans. */
class PlanAnalyzerTest {
  private static final Scenario THEATER = NotionalTheater.scenario();
  private static final Plan GREEDY = GreedyAllocator.allocate(THEATER);

  @Test
  void analyze_validPlan_hasNoViolationsAndItsOwnScores() {
    PlanAnalysis analysis = PlanAnalyzer.analyze(THEATER, GREEDY);

    assertThat(analysis.valid()).isTrue();
    assertThat(analysis.fundedOptions()).isEqualTo(GREEDY.fundedOptions().size());
    assertThat(analysis.riskReduced()).isEqualTo(GREEDY.riskReduced());
    assertThat(analysis.totalObligated()).isEqualTo(GREEDY.totals().totalObligated());
    assertThat(analysis.totalLapsed()).isEqualTo(GREEDY.totals().totalLapsed());
    assertThat(analysis.obligationsByProgramAndFiscalYear())
        .isEqualTo(GREEDY.totals().obligationsByProgramAndFiscalYear());
    assertThat(analysis.words()).contains("keeps every rule");
  }

  @Test
  void analyze_handEditedPlan_listsEveryViolationAndRescoresTheDecisions() {
    // A planner moves one funded option a year later by hand and leaves every figure stale.
    List<FundedOption> funded = new ArrayList<>(GREEDY.fundedOptions());
    FundedOption moved = funded.get(0);
    funded.set(
        0,
        new FundedOption(
            moved.optionId(),
            moved.gapId(),
            moved.partnerId(),
            moved.programId(),
            moved.startFiscalYear() + 10,
            moved.completionFiscalYear(),
            moved.costByFiscalYear(),
            moved.obligationsByFiscalYear(),
            moved.value(),
            moved.draws(),
            moved.locked()));
    Plan edited =
        new Plan(
            GREEDY.scenarioId(),
            GREEDY.status(),
            GREEDY.totalWeightAtStake(),
            GREEDY.riskReduced(),
            funded,
            GREEDY.unfundedOptions(),
            GREEDY.gaps(),
            GREEDY.appropriations(),
            GREEDY.totals(),
            GREEDY.solver());

    PlanAnalysis analysis = PlanAnalyzer.analyze(THEATER, edited);

    assertThat(analysis.valid()).isFalse();
    assertThat(analysis.violations())
        .extracting(PlanViolation::rule)
        .contains("START_WINDOW", "COMPLETION", "COST", "VALUE");
    // Rescored from the decisions: the moved option starts after the horizon and is worth nothing.
    assertThat(analysis.riskReduced()).isLessThan(GREEDY.riskReduced());
    // The start out of its window is a decision to change; the stored costs and value went stale.
    assertThat(analysis.violations())
        .filteredOn(v -> v.rule().equals("START_WINDOW"))
        .allSatisfy(v -> assertThat(v.storedFigure()).isFalse());
    assertThat(analysis.violations())
        .filteredOn(v -> v.rule().equals("COST") || v.rule().equals("VALUE"))
        .allSatisfy(v -> assertThat(v.storedFigure()).isTrue());
    long stale = analysis.violations().stream().filter(PlanViolation::storedFigure).count();
    assertThat(analysis.words())
        .contains(
            "The plan has "
                + analysis.violations().size()
                + " violations: "
                + (analysis.violations().size() - stale)
                + " rule breaks by the funding decisions (change a decision to fix them) and "
                + stale
                + " stale stored figures");
  }

  @Test
  void verdict_oneViolationOfEachKind_singularWords() {
    PlanViolation start = new PlanViolation("START_WINDOW", "Option 'o-1'", "starts in FY2040");
    PlanViolation cost = new PlanViolation("COST", "Option 'o-1'", "stored cost differs");

    assertThat(PlanAnalyzer.verdict(List.of(start)))
        .isEqualTo(
            "The plan has 1 violation: 1 rule break by the funding decisions (change a decision to"
                + " fix it).");
    assertThat(PlanAnalyzer.verdict(List.of(start, cost)))
        .startsWith("The plan has 2 violations: 1 rule break by the funding decisions")
        .contains(" and 1 stale stored figure (")
        .contains("recompute it;");
    assertThat(PlanAnalyzer.verdict(List.of())).isEqualTo("The plan keeps every rule.");
  }
}
