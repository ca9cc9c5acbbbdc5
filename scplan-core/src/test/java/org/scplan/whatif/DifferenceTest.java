package org.scplan.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.Plan;
import org.scplan.plan.SolverStatistics;
import org.scplan.testing.RandomScenarios;

class DifferenceTest {
  @Test
  void between_takesTheIntervalFromEachSidesPlanAndBound() {
    Difference difference = Difference.between(solved(640.0, 650.0), solved(630.0, 634.0));

    assertThat(difference.change()).isEqualTo(-10.0);
    assertThat(difference.lower()).isEqualTo(630.0 - 650.0);
    assertThat(difference.upper()).isEqualTo(634.0 - 640.0);
    assertThat(difference.verdict()).isEqualTo(Difference.Verdict.DECREASE);
    assertThat(difference.words()).isEqualTo("decrease");
    assertThat(difference.interval()).isEqualTo("[-20.00, -6.00]");
  }

  @Test
  void aDifferenceInsideTheCombinedGap_isNotProven() {
    Difference difference = Difference.between(solved(640.0, 650.0), solved(636.0, 648.0));

    assertThat(difference.change()).isEqualTo(-4.0);
    assertThat(difference.lower()).isNegative();
    assertThat(difference.upper()).isPositive();
    assertThat(difference.verdict()).isEqualTo(Difference.Verdict.WITHIN_UNCERTAINTY);
    assertThat(difference.uncertainty()).isEqualTo(12.0);
    assertThat(difference.words())
        .isEqualTo(
            "within solver uncertainty (+/- 12.00 points): run longer or use"
                + " --deterministic-limit");
  }

  @Test
  void increaseAndNoChange_needBothSidesBounded() {
    assertThat(Difference.between(solved(600.0, 601.0), solved(610.0, 612.0)).verdict())
        .isEqualTo(Difference.Verdict.INCREASE);
    assertThat(Difference.between(solved(600.0, 600.0), solved(600.0, 600.0)).verdict())
        .isEqualTo(Difference.Verdict.NO_CHANGE);
    Difference unbounded = Difference.between(solved(600.0, null), solved(590.0, 595.0));
    assertThat(unbounded.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(unbounded.upper()).isEqualTo(-5.0);
    // The changed bound alone proves a decrease; the base's missing bound only opens the low end.
    assertThat(unbounded.verdict()).isEqualTo(Difference.Verdict.DECREASE);
    assertThat(unbounded.interval()).isEqualTo("[?, -5.00]");
    Difference open = Difference.between(solved(600.0, 605.0), solved(590.0, null));
    assertThat(open.verdict()).isEqualTo(Difference.Verdict.WITHIN_UNCERTAINTY);
    assertThat(open.words()).contains("(a side has no proven bound)").doesNotContain("+/-");
  }

  @Test
  void aBoundBelowItsPlan_neverNarrowsTheInterval() {
    // Rounding can leave a reported bound a hair under the exact objective; the plan itself is
    // then the best bound known.
    Difference difference = Difference.between(solved(640.0, 639.9999), solved(630.0, 629.9999));

    assertThat(difference.lower()).isEqualTo(-10.0);
    assertThat(difference.upper()).isEqualTo(-10.0);
    assertThat(difference.verdict()).isEqualTo(Difference.Verdict.DECREASE);
  }

  /** A plan whose statistics report {@code objective} and {@code bound} (points). */
  private static Plan solved(double objective, Double bound) {
    Plan plan = GreedyAllocator.allocate(RandomScenarios.tiny(1));
    return plan.withStatistics(
        SolverStatistics.builder("test").objective(objective).bestBound(bound).build());
  }
}
