package org.scplan.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.json.ScenarioJson;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.CombatantCommand;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.validation.ScenarioValidator;

class ScenarioGeneratorTest {

  /** Small scenarios over many seeds and sizes: every one passes validation. */
  @Test
  void everyGeneratedScenarioIsValid() {
    for (int seed = 0; seed < 120; seed++) {
      GeneratorConfig config =
          GeneratorConfig.ofPartners(1 + seed % 7, seed)
              .withGapsPerPartner(1 + seed % 3, 1 + seed % 3 + seed % 5)
              .withTightness(0.1 + (seed % 9) / 10.0)
              .withPrograms(9 + seed % 20);
      Scenario scenario = ScenarioGenerator.generate(config);
      assertThat(ScenarioValidator.problems(scenario)).as("seed %d", seed).isEmpty();
      assertThat(scenario.programs()).hasSize(config.programs());
      assertThat(scenario.partners()).hasSize(config.partners());
    }
  }

  @Test
  void sameConfigGivesSameBytesAndOtherSeedsDiffer() {
    GeneratorConfig config = GeneratorConfig.ofPartners(6, 42);
    String first = ScenarioJson.write(ScenarioGenerator.generate(config));
    String second = ScenarioJson.write(ScenarioGenerator.generate(config));
    String otherSeed = ScenarioJson.write(ScenarioGenerator.generate(config.withSeed(43)));
    assertThat(second).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
    assertThat(ScenarioJson.read(first, "generated")).isEqualTo(ScenarioGenerator.generate(config));
  }

  /**
   * The shapes the brief asks for: 2–4 options per gap, alternatives, prerequisites, money kinds.
   */
  @Test
  void scenariosHaveTheRealisticShapes() {
    Scenario scenario = ScenarioGenerator.generate(GeneratorConfig.ofPartners(25, 7));
    Map<String, Integer> optionsPerGap = new java.util.HashMap<>();
    scenario.options().forEach(o -> optionsPerGap.merge(o.gapId(), 1, Integer::sum));
    assertThat(optionsPerGap).hasSize(scenario.gaps().size());
    assertThat(optionsPerGap.values()).allSatisfy(n -> assertThat(n).isBetween(2, 4));
    assertThat(scenario.gaps().size()).isBetween(25 * 10, 25 * 16);
    assertThat(scenario.options()).anyMatch(o -> o.exclusionGroup() != null);
    assertThat(scenario.options()).anyMatch(o -> !o.prerequisites().isEmpty());
    assertThat(scenario.options()).anyMatch(o -> o.durationYears() == 3);
    Set<Integer> availabilities = new HashSet<>();
    Set<ObligationRule> rules = new HashSet<>();
    for (Program program : scenario.programs()) {
      rules.add(program.obligationRule());
      for (Appropriation appropriation : program.appropriations()) {
        availabilities.add(
            appropriation.yearsAvailable() == null ? 0 : appropriation.yearsAvailable());
      }
    }
    assertThat(availabilities).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(rules).containsExactlyInAnyOrder(ObligationRule.values());
    assertThat(scenario.balanceRules()).isNotEmpty();
    Map<String, Long> partnerGaps = new java.util.HashMap<>();
    for (CapabilityGap gap : scenario.gaps()) {
      partnerGaps.merge(gap.partnerId(), 1L, Long::sum);
    }
    assertThat(partnerGaps).hasSize(25);
  }

  /** Budget over demand follows the tightness parameter. */
  @ParameterizedTest
  @ValueSource(doubles = {0.3, 0.6})
  void moneyFollowsTightness(double tightness) {
    Scenario scenario =
        ScenarioGenerator.generate(GeneratorConfig.ofPartners(30, 3).withTightness(tightness));
    double budget = 0;
    for (Program program : scenario.programs()) {
      for (Appropriation appropriation : program.appropriations()) {
        budget += appropriation.amount();
      }
    }
    double demand = 0;
    for (SolutionOption option : scenario.options()) {
      demand += option.totalCost();
    }
    // Demand counts only options some program could fund and that the policy admits, so the
    // ratio to all options' cost is somewhat below the tightness.
    assertThat(budget / demand).isBetween(tightness * 0.5, tightness * 1.1);
  }

  @Test
  void partnersFollowTheAreasOfResponsibility() {
    Scenario scenario =
        ScenarioGenerator.generate(GeneratorConfig.ofPartners(600, 11).withGapsPerPartner(1, 1));
    Map<CombatantCommand, Integer> counts = new EnumMap<>(CombatantCommand.class);
    for (Partner partner : scenario.partners()) {
      counts.merge(partner.combatantCommand(), 1, Integer::sum);
    }
    int countries = ScenarioGenerator.AOR_COUNTRIES.values().stream().mapToInt(i -> i).sum();
    for (CombatantCommand command : CombatantCommand.values()) {
      double expected = 600.0 * ScenarioGenerator.AOR_COUNTRIES.get(command) / countries;
      assertThat((double) counts.getOrDefault(command, 0))
          .as("%s", command)
          .isBetween(expected * 0.6 - 3, expected * 1.4 + 3);
    }
  }

  /** A generated scenario is plannable: the greedy plan passes the independent checker. */
  @Test
  void greedyPlansOfGeneratedScenariosPassTheChecker() {
    for (int seed = 0; seed < 5; seed++) {
      Scenario scenario = ScenarioGenerator.generate(GeneratorConfig.ofPartners(4, seed));
      Plan plan = GreedyAllocator.allocate(scenario);
      assertThat(PlanChecker.check(scenario, plan)).isEmpty();
      assertThat(plan.fundedOptions()).isNotEmpty();
      assertThat(plan.unfundedOptions()).isNotEmpty();
    }
  }

  @Test
  void badConfigIsRejectedWithTheField() {
    assertThatThrownBy(() -> GeneratorConfig.ofPartners(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partners");
    assertThatThrownBy(() -> GeneratorConfig.theater(1).withTightness(1.5))
        .hasMessageContaining("tightness");
    assertThatThrownBy(() -> GeneratorConfig.preset("planet", 1)).hasMessageContaining("planet");
  }

  /** The presets' sizes (slow: the global preset has about 10,000 options). */
  @Tag("slow")
  @Test
  void presetsHaveTheirSizesAndAreValid() {
    Scenario theater = ScenarioGenerator.generate(GeneratorConfig.theater(1));
    assertThat(theater.partners()).hasSize(50);
    assertThat(theater.options().size()).isBetween(1_700, 2_300);
    assertThat(ScenarioValidator.problems(theater)).isEmpty();
    Scenario global = ScenarioGenerator.generate(GeneratorConfig.global(1));
    assertThat(global.partners()).hasSize(200);
    assertThat(global.programs()).hasSizeGreaterThanOrEqualTo(100);
    assertThat(global.options().size()).isBetween(9_000, 12_000);
    assertThat(ScenarioValidator.problems(global)).isEmpty();
  }
}
