package org.scplan.greedy;

import org.scplan.internal.AllocationInstance;
import org.scplan.internal.GreedySearch;
import org.scplan.internal.Preparation;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;

/**
 * Allocates by priority list and cut line: options ranked by value per dollar (their best start
 * year), funded in that order while money, capacities, caps, balance rules, exclusion groups and
 * prerequisites all still hold; an unfunded prerequisite is funded together with the option that
 * needs it. Deterministic, stateless and thread-safe.
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
   * the greedy order cannot satisfy the locked decisions and balance-rule minimums.
   *
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   */
  public static Plan allocate(Scenario scenario) {
    long started = System.nanoTime();
    AllocationInstance instance = Preparation.prepare(scenario);
    GreedySearch.Result result = GreedySearch.run(instance);
    return result.toPlan(instance, (System.nanoTime() - started) / 1e9);
  }
}
