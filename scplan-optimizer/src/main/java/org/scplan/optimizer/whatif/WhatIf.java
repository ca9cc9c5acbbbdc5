package org.scplan.optimizer.whatif;

import java.util.Objects;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.ProgressListener;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.whatif.AppliedDelta;
import org.scplan.whatif.PlanDiff;
import org.scplan.whatif.ScenarioDelta;

/**
 * Solves a base scenario and the scenario changed by a {@link ScenarioDelta}, and diffs the two
 * plans. Stateless and thread-safe.
 *
 * <pre>{@code
 * WhatIf.Result result = WhatIf.run(allocator, NotionalTheater.scenario(), delta);
 * System.out.printf("risk reduced %+.1f points%n", result.diff().riskReducedChange());
 * }</pre>
 */
public final class WhatIf {
  private WhatIf() {}

  /**
   * The result of a what-if run.
   *
   * @param applied the changed scenario and what the delta removed
   * @param basePlan the plan of the base scenario
   * @param changedPlan the plan of the changed scenario
   * @param diff from the base plan to the changed plan, with risk by combatant command
   */
  public record Result(AppliedDelta applied, Plan basePlan, Plan changedPlan, PlanDiff diff) {}

  /** As {@link #run(Allocator, Scenario, ScenarioDelta, String, ProgressListener)}, quietly. */
  public static Result run(Allocator allocator, Scenario base, ScenarioDelta delta) {
    return run(allocator, base, delta, "delta '" + delta.id() + "'", ProgressListener.NONE);
  }

  /**
   * Applies {@code delta} to {@code base}, solves both scenarios with {@code allocator} (base
   * first), and diffs the plans.
   *
   * @param deltaSource what to call the delta in problems (e.g. its file name)
   * @param listener progress of both solves, in turn
   * @throws org.scplan.validation.ScenarioValidationException if the delta refers to unknown ids or
   *     either scenario is invalid
   */
  public static Result run(
      Allocator allocator,
      Scenario base,
      ScenarioDelta delta,
      String deltaSource,
      ProgressListener listener) {
    Objects.requireNonNull(allocator, "allocator");
    AppliedDelta applied = delta.apply(base, deltaSource);
    Plan basePlan = allocator.allocate(base, listener);
    Plan changedPlan = allocator.allocate(applied.scenario(), listener);
    return new Result(
        applied,
        basePlan,
        changedPlan,
        PlanDiff.between(base, basePlan, applied.scenario(), changedPlan));
  }
}
