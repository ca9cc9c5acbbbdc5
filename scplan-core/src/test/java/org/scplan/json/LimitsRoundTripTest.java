package org.scplan.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.validation.InputLimits;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.validation.ScenarioValidator;

/**
 * The validator and the JSON readers hold to the same limits: an id the validator accepts comes
 * back from every file written with it (plans key maps by id); a longer one is refused up front.
 */
class LimitsRoundTripTest {
  @TempDir Path directory;

  @Test
  void idAtTheLimit_validatesSolvesAndReadsBack() {
    Scenario scenario = withOfficeId("s".repeat(InputLimits.MAX_ID_LENGTH));
    assertThat(ScenarioValidator.problems(scenario)).isEmpty();
    Plan plan = GreedyAllocator.allocate(scenario);
    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    Path planFile = directory.resolve("plan.json");
    Path scenarioFile = directory.resolve("scenario.json");

    PlanJson.write(plan, planFile);
    ScenarioJson.write(scenario, scenarioFile);

    assertThat(PlanJson.read(planFile)).isEqualTo(plan);
    assertThat(ScenarioJson.read(scenarioFile)).isEqualTo(scenario);
  }

  @Test
  void idOneBeyondTheLimit_refusedByTheValidator_andAsAJsonName() {
    String id = "s".repeat(InputLimits.MAX_ID_LENGTH + 1);
    Scenario scenario = withOfficeId(id);

    assertThat(ScenarioValidator.problems(scenario))
        .extracting(Problem::location, Problem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "SecurityCooperationOffice at securityCooperationOffices[0]", "id"));
    String planJson =
        PlanJson.write(GreedyAllocator.allocate(withOfficeId("sco-x")))
            .replace("\"sco-x\"", "\"" + id + "\"");
    ScenarioValidationException refused =
        catchThrowableOfType(
            () -> PlanJson.read(planJson, "plan.json"), ScenarioValidationException.class);
    assertThat(refused.problems()).hasSize(1);
    assertThat(refused.problems().get(0).location()).startsWith("plan.json line ");
  }

  /** The theater with its first office renamed to {@code id}, and its partners following. */
  private static Scenario withOfficeId(String id) {
    Scenario theater = NotionalTheater.scenario();
    SecurityCooperationOffice first = theater.securityCooperationOffices().get(0);
    List<SecurityCooperationOffice> offices =
        theater.securityCooperationOffices().stream()
            .map(
                o ->
                    o == first
                        ? new SecurityCooperationOffice(
                            id, o.name(), o.staffCapacityPersonWeeksPerYear())
                        : o)
            .toList();
    List<Partner> partners =
        theater.partners().stream()
            .map(
                p ->
                    p.scoId().equals(first.id())
                        ? new Partner(
                            p.id(),
                            p.name(),
                            p.combatantCommand(),
                            p.priorityTier(),
                            p.propensity(),
                            p.desireByRole(),
                            p.absorptiveCapacityPerYear(),
                            p.sustainmentBudgetPerYear(),
                            p.vettingStatus(),
                            id)
                        : p)
            .toList();
    return new Scenario(
        theater.id(),
        theater.name(),
        theater.horizon(),
        theater.policy(),
        theater.endStates(),
        theater.linesOfEffort(),
        theater.objectives(),
        offices,
        partners,
        theater.gaps(),
        theater.options(),
        theater.programs(),
        theater.balanceRules(),
        theater.lockedDecisions());
  }
}
