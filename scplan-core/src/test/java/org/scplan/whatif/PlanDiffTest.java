package org.scplan.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;

class PlanDiffTest {

  /** Checks every figure of {@code diff} against the two plans it came from. */
  static void assertReconciles(PlanDiff diff, Plan before, Plan after) {
    assertThat(diff.riskReducedBefore()).isEqualTo(before.riskReduced());
    assertThat(diff.riskReducedAfter()).isEqualTo(after.riskReduced());
    assertThat(diff.obligatedChange())
        .isEqualTo(after.totals().totalObligated() - before.totals().totalObligated());
    // Money: the breakdown by program and FY sums to the change in total obligations, to the
    // dollar.
    assertThat(diff.obligatedChangeByProgramSum()).isEqualTo(diff.obligatedChange());
    for (MoneyChange money : diff.moneyByProgramAndFiscalYear()) {
      assertThat(money.before())
          .isEqualTo(
              before
                  .totals()
                  .obligationsByProgramAndFiscalYear()
                  .getOrDefault(money.programId(), Map.of())
                  .getOrDefault(money.fiscalYear(), 0L));
      assertThat(money.after())
          .isEqualTo(
              after
                  .totals()
                  .obligationsByProgramAndFiscalYear()
                  .getOrDefault(money.programId(), Map.of())
                  .getOrDefault(money.fiscalYear(), 0L));
    }
    // Risk: the breakdown by partner sums to the change in risk reduced; the plans' own sums are
    // doubles, so agreement is to a billionth of a point (reported figures have two decimals).
    assertThat(diff.riskReducedChangeByPartnerSum())
        .isCloseTo(
            after.riskReduced() - before.riskReduced(),
            org.assertj.core.api.Assertions.within(1e-9));
    if (!diff.riskByCombatantCommand().isEmpty()) {
      double byCommand =
          diff.riskByCombatantCommand().stream().mapToDouble(RiskChange::change).sum();
      assertThat(byCommand)
          .isCloseTo(
              after.riskReduced() - before.riskReduced(),
              org.assertj.core.api.Assertions.within(1e-9));
    }
    // Every funded option of either plan is either unchanged or listed once with the right kind.
    Map<String, FundingChange> changes = new HashMap<>();
    diff.changes().forEach(c -> changes.put(c.optionId(), c));
    assertThat(changes).hasSize(diff.changes().size());
    int unchanged = 0;
    for (FundedOption a : before.fundedOptions()) {
      FundedOption b = after.funded(a.optionId()).orElse(null);
      FundingChange change = changes.get(a.optionId());
      if (b == null) {
        assertThat(change.kind()).isEqualTo(FundingChange.Kind.CUT);
        assertThat(change.obligatedBefore()).isEqualTo(a.totalObligated());
      } else if (b.programId().equals(a.programId())
          && b.startFiscalYear() == a.startFiscalYear()) {
        assertThat(change).isNull();
        unchanged++;
      } else {
        assertThat(change.kind()).isNotIn(FundingChange.Kind.ADDED, FundingChange.Kind.CUT);
        assertThat(change.startAfter()).isEqualTo(b.startFiscalYear());
        assertThat(change.programAfter()).isEqualTo(b.programId());
      }
    }
    for (FundedOption b : after.fundedOptions()) {
      if (before.funded(b.optionId()).isEmpty()) {
        assertThat(changes.get(b.optionId()).kind()).isEqualTo(FundingChange.Kind.ADDED);
      }
    }
    assertThat(diff.unchangedFunded()).isEqualTo(unchanged);
  }

  @Test
  void between_greedyPlansOfATwentyPercentCut_reconcilesExactlyWithBothPlans() {
    Scenario base = NotionalTheater.scenario();
    Scenario cut =
        new ScenarioDelta(
                "cut", "", List.of(new ScenarioChange.ScaleAppropriation("prog-fmf", null, 0.8)))
            .apply(base)
            .scenario();
    Plan before = GreedyAllocator.allocate(base);
    Plan after = GreedyAllocator.allocate(cut);

    PlanDiff diff = PlanDiff.between(base, before, cut, after);

    assertThat(diff.changes()).isNotEmpty();
    assertThat(diff.riskReducedChange()).isNegative();
    assertThat(diff.riskByCombatantCommand()).isNotEmpty();
    assertReconciles(diff, before, after);
  }

  @Test
  void between_aPlanAndItself_hasNoChanges() {
    Plan plan = GreedyAllocator.allocate(NotionalTheater.scenario());

    PlanDiff diff = PlanDiff.between(plan, plan);

    assertThat(diff.changes()).isEmpty();
    assertThat(diff.unchangedFunded()).isEqualTo(plan.fundedOptions().size());
    assertThat(diff.riskReducedChange()).isZero();
    assertThat(diff.obligatedChange()).isZero();
  }
}
