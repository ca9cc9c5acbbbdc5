package org.scplan.greedy;

import org.scplan.engine.AllocationInstance;
import org.scplan.engine.FillPass;
import org.scplan.engine.GreedySearch;
import org.scplan.engine.Preparation;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;

/**
 * Allocates by priority list and cut line: options ranked by value per dollar (their best start
 * year), funded in that order while money, capacities, caps, balance rules, exclusion groups and
 * prerequisites all still hold; an unfunded prerequisite is funded together with the option that
 * needs it. The greedy order works in the model's money units; the fill pass then funds, in exact
 * dollars, what the rounding left out (docs/MODEL.md §6). Deterministic, stateless and thread-safe.
 *
 * <p>Example (compiled and run as-is by the test suite):
 *
 * <pre>{@code
 * Plan baseline = GreedyAllocator.allocate(NotionalTheater.scenario());
 * System.out.printf("greedy retires %.1f points%n", baseline.riskReduced());
 * }</pre>
 */
public final class GreedyAllocator {
  private GreedyAllocator() {}

  /**
   * Validates the scenario and allocates greedily. The plan's status is FEASIBLE, or UNKNOWN when
   * the greedy order cannot satisfy the locked decisions and balance-rule minimums. The independent
   * {@link PlanChecker} re-verifies the plan before it is returned, as for the optimizer's plans.
   *
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   * @throws IllegalStateException listing every broken rule, should the plan break any (a defect)
   */
  public static Plan allocate(Scenario scenario) {
    long started = System.nanoTime();
    AllocationInstance instance = Preparation.prepare(scenario);
    GreedySearch.Result result = GreedySearch.run(instance);
    Plan plan = result.toPlan(instance, 0.0);
    if (result.found()) {
      plan = FillPass.complete(instance, result.chosenCandidate(), plan.status(), plan.solver());
      plan =
          plan.withStatistics(
              GreedySearch.statistics(
                  GreedySearch.netObjective(instance, plan), plan.riskReduced(), 0.0));
    }
    return verified(
        scenario,
        plan.withStatistics(plan.solver().withWallTime((System.nanoTime() - started) / 1e9)));
  }

  /** {@code plan}, once {@link PlanChecker#verify} has found that it keeps every rule. */
  static Plan verified(Scenario scenario, Plan plan) {
    PlanChecker.verify(scenario, plan);
    return plan;
  }
}
