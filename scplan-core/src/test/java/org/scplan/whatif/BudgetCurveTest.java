package org.scplan.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.scenario.Scenario;

class BudgetCurveTest {
  @Test
  void multipliers_halfToOneAndAHalfByATenth_areElevenExactDecimals() {
    assertThat(BudgetCurve.multipliers(0.5, 1.5, 0.1))
        .containsExactly(0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5);
  }

  @Test
  void multipliers_unusableRanges_areRefusedWithTheValues() {
    assertThatThrownBy(() -> BudgetCurve.multipliers(1.0, 0.5, 0.1))
        .hasMessageContaining("from 1.0, to 0.5");
    assertThatThrownBy(() -> BudgetCurve.multipliers(0.5, 1.5, 0)).hasMessageContaining("step 0");
    assertThatThrownBy(() -> BudgetCurve.multipliers(0, 100, 0.0001))
        .hasMessageContaining("more than 1000 points");
  }

  @Test
  void scaled_byOne_isTheScenario_andByAHalf_halvesEveryAppropriationRoundingDown() {
    Scenario theater = NotionalTheater.scenario();

    assertThat(BudgetCurve.scaled(theater, 1.0)).isEqualTo(theater);
    assertThat(BudgetCurve.appropriated(BudgetCurve.scaled(theater, 0.5)))
        .isLessThanOrEqualTo(BudgetCurve.appropriated(theater) / 2)
        .isGreaterThan(BudgetCurve.appropriated(theater) / 2 - 100);
  }
}
