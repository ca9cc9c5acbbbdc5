package org.scplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Scenario;

/**
 * The flattened instance's by-year obligation profiles and balance-rule coverage, against the
 * year-by-year accessors and {@code BalanceRule.covers} they are faster forms of.
 */
class AllocationInstanceTest {
  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("embedded theater", NotionalTheater.scenario()),
        Arguments.of(
            "6 partners, seed 1", ScenarioGenerator.generate(GeneratorConfig.ofPartners(6, 1))),
        Arguments.of(
            "20 partners, seed 2", ScenarioGenerator.generate(GeneratorConfig.ofPartners(20, 2))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void obligationsByYear_equalTheYearByYearObligations(String name, Scenario scenario) {
    AllocationInstance instance = Preparation.prepare(scenario);
    long[] units = new long[instance.years];
    long[] dollars = new long[instance.years];
    Set<ObligationRule> rulesSeen = EnumSet.noneOf(ObligationRule.class);
    int candidates = 0;
    for (int o = 0; o < instance.options.length; o++) {
      for (int c = 0; c < instance.candidates[o].length; c++) {
        // Stale values from the previous candidate must be overwritten, not kept.
        Arrays.fill(units, -1);
        Arrays.fill(dollars, -1);
        instance.obligationUnits(o, c, units);
        instance.obligationDollars(o, c, dollars);
        for (int y = 0; y < instance.years; y++) {
          assertThat(units[y])
              .as("option %d candidate %d year %d units", o, c, y)
              .isEqualTo(instance.obligationUnits(o, c, y));
          assertThat(dollars[y])
              .as("option %d candidate %d year %d dollars", o, c, y)
              .isEqualTo(instance.obligationDollars(o, c, y));
        }
        rulesSeen.add(instance.rule(o, c));
        candidates++;
      }
    }
    assertThat(candidates).isPositive();
    assertThat(rulesSeen).containsExactlyInAnyOrder(ObligationRule.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void coverage_isWhatEachBalanceRuleSays(String name, Scenario scenario) {
    AllocationInstance instance = Preparation.prepare(scenario);
    int covered = 0;
    for (int r = 0; r < instance.balanceRules.length; r++) {
      for (int o = 0; o < instance.options.length; o++) {
        boolean expected = instance.balanceRules[r].covers(instance.options[o].tags());
        assertThat(instance.covered[r][o]).as("rule %d option %d", r, o).isEqualTo(expected);
        covered += expected ? 1 : 0;
      }
    }
    assertThat(instance.balanceRules).isNotEmpty();
    assertThat(covered).isPositive();
  }
}
