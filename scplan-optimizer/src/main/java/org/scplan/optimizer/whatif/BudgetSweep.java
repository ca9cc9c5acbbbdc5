package org.scplan.optimizer.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scplan.optimizer.Allocator;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.whatif.BudgetCurve;

/**
 * Computes a {@link BudgetCurve}: one solve per multiplier, in increasing order, each with the
 * allocator's configuration (so one worker, a fixed seed and a deterministic limit make the curve
 * reproducible). Stateless and thread-safe.
 *
 * <pre>{@code
 * BudgetCurve curve = BudgetSweep.run(allocator, NotionalTheater.scenario(), 0.5, 1.5, 0.1);
 * curve.points().forEach(p -> System.out.printf("%.1fx %.1f%n", p.multiplier(), p.riskReduced()));
 * }</pre>
 */
public final class BudgetSweep {
  private BudgetSweep() {}

  /**
   * Solves {@code scenario} with every appropriation scaled by each multiplier of {@link
   * BudgetCurve#multipliers(double, double, double)}.
   *
   * @throws IllegalArgumentException if the range or step is unusable
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   */
  public static BudgetCurve run(
      Allocator allocator, Scenario scenario, double from, double to, double step) {
    Objects.requireNonNull(allocator, "allocator");
    Objects.requireNonNull(scenario, "scenario");
    List<BudgetCurve.Point> points = new ArrayList<>();
    for (double multiplier : BudgetCurve.multipliers(from, to, step)) {
      Scenario scaled = BudgetCurve.scaled(scenario, multiplier);
      Plan plan = allocator.allocate(scaled);
      points.add(
          new BudgetCurve.Point(
              multiplier,
              BudgetCurve.appropriated(scaled),
              plan.riskReduced(),
              plan.riskReducedShare(),
              plan.totals().totalObligated(),
              plan.totals().totalLapsed(),
              plan.fundedOptions().size(),
              plan.status(),
              plan.solver().relativeGap()));
    }
    return new BudgetCurve(scenario.id(), points);
  }
}
