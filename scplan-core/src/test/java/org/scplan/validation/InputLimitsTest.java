package org.scplan.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.scplan.validation.ValidationFixtures.valid;
import static org.scplan.validation.ValidationFixtures.withOption;
import static org.scplan.validation.ValidationFixtures.withPartner;
import static org.scplan.validation.ValidationFixtures.withProgram;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;

/** Ids, texts and years beyond {@link InputLimits} are located validation problems. */
class InputLimitsTest {
  private static final String OPTION = valid().options().get(0).id();

  @Test
  void problems_leadTimeOfIntMax_isLocatedNotOverflowed() {
    Scenario scenario = withOption(OPTION, o -> o.leadTimeYears(Integer.MAX_VALUE));

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message)
        .containsExactly(
            tuple(
                "SolutionOption '" + OPTION + "'",
                "leadTimeYears",
                "must be at most 300 FYs, but was 2147483647"));
  }

  @Test
  void problems_planningLeadTimeOfIntMax_isLocated() {
    Program s333 = ValidationFixtures.s333();
    Program late = s333.toBuilder().planningLeadTimeYears(Integer.MAX_VALUE).build();

    assertThat(ScenarioValidator.problems(withProgram("s333", late)))
        .extracting(Problem::location, Problem::field, Problem::message)
        .contains(
            tuple(
                "Program 's333'",
                "planningLeadTimeYears",
                "must be at most 300 FYs, but was 2147483647"));
  }

  @Test
  void problems_idOf100000Characters_isLocatedByIndexWithoutEchoingIt() {
    String longId = "p".repeat(100_000);
    Scenario scenario = withPartner("p-cordova", renamed(partner("p-cordova"), longId));

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message)
        .contains(
            tuple(
                "Partner at partners[1]",
                "id",
                "must be at most 200 characters, but was 100000 characters long"));
  }

  @Test
  void problems_idAtTheLimit_isAccepted() {
    Scenario scenario = valid().toBuilder().id("s".repeat(200)).build();

    assertThat(ScenarioValidator.problems(scenario)).isEmpty();
  }

  @Test
  void problems_idsWithEscapeNewlineOrTab_areLocatedErrors() {
    Scenario scenario = valid().toBuilder().id("theater\u001b[2J").build();
    Partner cordova = partner("p-cordova");
    Scenario newline = withPartner("p-cordova", renamed(cordova, "p-cor\ndova"));
    Scenario tab = withPartner("p-cordova", renamed(cordova, "p-cor\tdova"));

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field, Problem::message)
        .containsExactly(
            tuple(
                "Scenario",
                "id",
                "must not contain control characters, but has U+001B at position 8"));
    assertThat(ScenarioValidator.problems(newline))
        .extracting(Problem::location, Problem::field, Problem::message)
        .contains(
            tuple(
                "Partner at partners[1]",
                "id",
                "must not contain control characters, but has U+000A at position 6"));
    assertThat(ScenarioValidator.problems(tab))
        .extracting(Problem::location, Problem::field)
        .contains(tuple("Partner at partners[1]", "id"));
  }

  @Test
  void problems_roleNameWithBell_isLocated() {
    Partner cordova = partner("p-cordova");
    Partner belled =
        new Partner(
            cordova.id(),
            cordova.name(),
            cordova.combatantCommand(),
            cordova.priorityTier(),
            cordova.propensity(),
            Map.of("maritime\u0007", 0.5),
            cordova.absorptiveCapacityPerYear(),
            cordova.sustainmentBudgetPerYear(),
            cordova.vettingStatus(),
            cordova.scoId());

    assertThat(ScenarioValidator.problems(withPartner("p-cordova", belled)))
        .extracting(Problem::location, Problem::field, Problem::message)
        .contains(
            tuple(
                "Partner 'p-cordova'",
                "desireByRole",
                "must not contain control characters, but has U+0007 at position 9"));
  }

  private static Partner partner(String id) {
    return valid().partners().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  private static Partner renamed(Partner partner, String id) {
    return new Partner(
        id,
        partner.name(),
        partner.combatantCommand(),
        partner.priorityTier(),
        partner.propensity(),
        partner.desireByRole(),
        partner.absorptiveCapacityPerYear(),
        partner.sustainmentBudgetPerYear(),
        partner.vettingStatus(),
        partner.scoId());
  }
}
