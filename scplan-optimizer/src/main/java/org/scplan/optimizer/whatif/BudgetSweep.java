package org.scplan.optimizer.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.whatif.BudgetCurve;

/**
 * Computes a {@link BudgetCurve}: one solve per multiplier, in increasing order, each with the
 * allocator's configuration (so one worker, a fixed seed and a deterministic limit make the curve
 * reproducible), and each after the first started from the plan of the multiplier before it. More
 * money keeps every rule of a plan for less, so that plan, carried over whole, is the floor of the
 * next solve: the curve's net objective never falls from one point to the next (docs/MODEL.md §8).
 * Stateless and thread-safe.
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
   * BudgetCurve#multipliers(double, double, double)}, each from the previous multiplier's plan.
   *
   * @throws IllegalArgumentException if the range or step is unusable
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   */
  public static BudgetCurve run(
      Allocator allocator, Scenario scenario, double from, double to, double step) {
    Objects.requireNonNull(allocator, "allocator");
    Objects.requireNonNull(scenario, "scenario");
    List<Double> multipliers = BudgetCurve.multipliers(from, to, step);
    List<Scenario> scaled = new ArrayList<>();
    List<Plan> plans = new ArrayList<>();
    Plan previous = null;
    for (double multiplier : multipliers) {
      Scenario richer = BudgetCurve.scaled(scenario, multiplier);
      previous =
          previous == null || !previous.status().hasPlan()
              ? allocator.allocate(richer)
              : allocator.allocate(richer, previous, ProgressListener.NONE);
      scaled.add(richer);
      plans.add(previous);
    }
    List<BudgetCurve.Point> curve = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      Plan plan = plans.get(i);
      Double neighbour =
          plans.size() == 1 ? null : plans.get(i == 0 ? 1 : i - 1).solver().objective();
      Double objective = plan.solver().objective();
      Double bound = plan.solver().bestBound();
      boolean exceeds =
          objective != null
              && (bound == null
                  || neighbour != null
                      && Math.max(0, bound - objective) > Math.abs(objective - neighbour));
      curve.add(
          new BudgetCurve.Point(
              multipliers.get(i),
              BudgetCurve.appropriated(scaled.get(i)),
              plan.riskReduced(),
              plan.riskReducedShare(),
              plan.totals().totalObligated(),
              plan.totals().totalLapsed(),
              plan.fundedOptions().size(),
              plan.status(),
              plan.solver().relativeGap(),
              objective,
              bound,
              exceeds));
    }
    return new BudgetCurve(scenario.id(), curve);
  }
}
