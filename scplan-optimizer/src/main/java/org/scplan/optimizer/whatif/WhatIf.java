package org.scplan.optimizer.whatif;

import java.util.Objects;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.ProgressListener;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.whatif.AppliedDelta;
import org.scplan.whatif.Difference;
import org.scplan.whatif.PlanDiff;
import org.scplan.whatif.RepairedPlan;
import org.scplan.whatif.ScenarioDelta;

/**
 * Solves a base scenario and the scenario changed by a {@link ScenarioDelta}, sharing plans between
 * the two solves so that the difference shows the change, not the search's luck, and diffs the two
 * plans. Stateless and thread-safe.
 *
 * <p>The changed solve starts from the base plan repaired to the changed scenario; when the changed
 * plan, repaired to the base scenario, scores higher there than the base plan, the base is solved
 * once more from it. So a delta that only loosens the rules never shows less net objective, and one
 * that only tightens them never more (docs/MODEL.md §8, comparisons).
 *
 * <pre>{@code
 * WhatIf.Result result = WhatIf.run(allocator, NotionalTheater.scenario(), delta);
 * System.out.printf("risk reduced %+.1f points, %s%n",
 *     result.diff().riskReducedChange(), result.difference().words());
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
   * @param difference the change of net objective, its interval from the bounds and the verdict
   * @param movesOffChangedMoney options moved or re-programmed that draw on no changed
   *     appropriation (see {@link PlanDiff#movesOffChangedMoney})
   * @param baseResolved whether the base was solved a second time, from the changed plan
   */
  public record Result(
      AppliedDelta applied,
      Plan basePlan,
      Plan changedPlan,
      PlanDiff diff,
      Difference difference,
      int movesOffChangedMoney,
      boolean baseResolved) {}

  /** As {@link #run(Allocator, Scenario, ScenarioDelta, String, ProgressListener)}, quietly. */
  public static Result run(Allocator allocator, Scenario base, ScenarioDelta delta) {
    return run(allocator, base, delta, "delta '" + delta.id() + "'", ProgressListener.NONE);
  }

  /**
   * Applies {@code delta} to {@code base}, solves the base, then the changed scenario from the base
   * plan, then (only if the changed plan does better in the base) the base again from the changed
   * plan, and diffs the plans.
   *
   * @param deltaSource what to call the delta in problems (e.g. its file name)
   * @param listener progress of the solves, in turn
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
    Plan changedPlan = allocator.allocate(applied.scenario(), basePlan, listener);
    boolean resolved = false;
    if (changedPlan.status().hasPlan() && basePlan.status().hasPlan()) {
      Double back = RepairedPlan.of(base, changedPlan).plan().solver().objective();
      if (back != null && back > basePlan.solver().objective() + 1e-9) {
        basePlan = allocator.allocate(base, changedPlan, listener);
        resolved = true;
      }
    }
    PlanDiff diff = PlanDiff.between(base, basePlan, applied.scenario(), changedPlan);
    return new Result(
        applied,
        basePlan,
        changedPlan,
        diff,
        Difference.between(basePlan, changedPlan),
        diff.movesOffChangedMoney(base, basePlan, applied.scenario(), changedPlan),
        resolved);
  }
}
