package org.scplan.optimizer.whatif;

import java.util.Objects;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.optimizer.settings.SolverSettings;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.whatif.AppliedDelta;
import org.scplan.whatif.Difference;
import org.scplan.whatif.FundingChange;
import org.scplan.whatif.PlanDiff;
import org.scplan.whatif.RepairedPlan;
import org.scplan.whatif.ScenarioDelta;

/**
 * Solves a base scenario and the scenario changed by a {@link ScenarioDelta}, sharing plans between
 * the two solves so that the difference shows the change, not the search's luck, and diffs the two
 * plans. Stateless and thread-safe.
 *
 * <p>The changed solve starts from the base plan repaired to the changed scenario ({@link
 * RepairedPlan}); then, while one side's plan, repaired to the other side's scenario, scores higher
 * there than that side's plan, that side is solved again from it (at most {@link #MAXIMUM_SOLVES}
 * solves in all). Each solve from a start plan returns at least the repaired start, so once no side
 * improves the other, a delta that only loosens the rules (each base plan still fits, keeping its
 * net objective) never shows less net objective, and one that only tightens them never more
 * (docs/MODEL.md §8, comparisons).
 *
 * <pre>{@code
 * WhatIf.Result result = WhatIf.run(allocator, NotionalTheater.scenario(), delta);
 * System.out.printf("risk reduced %+.1f points, %s%n",
 *     result.diff().riskReducedChange(), result.difference().words());
 * }</pre>
 */
public final class WhatIf {
  /**
   * Solves one comparison may run: the base, the changed scenario, and up to four more while one
   * side's plan improves the other's. Each re-solve strictly raises one side's net objective, so
   * the exchange ends; the cap bounds its time. Reaching it leaves the sign unguaranteed, and
   * {@link Result#solves()} says so.
   */
  public static final int MAXIMUM_SOLVES = 6;

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
   * @param solves how many solves the comparison ran (2: base and changed; more when a side was
   *     solved again from the other side's plan), at most {@link #MAXIMUM_SOLVES}
   * @param solver the settings every solve ran under: the limit used
   */
  public record Result(
      AppliedDelta applied,
      Plan basePlan,
      Plan changedPlan,
      PlanDiff diff,
      Difference difference,
      int movesOffChangedMoney,
      int solves,
      SolverSettings solver) {

    /** Options moved or re-programmed from the base plan to the changed plan, in options. */
    public int movedOrReprogrammed() {
      return diff.changes(FundingChange.Kind.MOVED).size()
          + diff.changes(FundingChange.Kind.CHANGED_PROGRAM).size()
          + diff.changes(FundingChange.Kind.MOVED_AND_CHANGED_PROGRAM).size();
    }
  }

  /** As {@link #run(Allocator, Scenario, ScenarioDelta, String, ProgressListener)}, quietly. */
  public static Result run(Allocator allocator, Scenario base, ScenarioDelta delta) {
    return run(allocator, base, delta, "delta '" + delta.id() + "'", ProgressListener.NONE);
  }

  /**
   * Applies {@code delta} to {@code base}, solves the base, then the changed scenario from the base
   * plan, then again whichever side the other side's plan, repaired to it, improves (see the class
   * comment), and diffs the plans.
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
    Scenario changed = applied.scenario();
    Plan changedPlan = allocator.allocate(changed, basePlan, listener);
    int solves = 2;
    while (solves < MAXIMUM_SOLVES
        && basePlan.status().hasPlan()
        && changedPlan.status().hasPlan()) {
      if (improves(changedPlan, base, basePlan)) {
        basePlan = allocator.allocate(base, changedPlan, listener);
      } else if (improves(basePlan, changed, changedPlan)) {
        changedPlan = allocator.allocate(changed, basePlan, listener);
      } else {
        break;
      }
      solves++;
    }
    PlanDiff diff = PlanDiff.between(base, basePlan, changed, changedPlan);
    return new Result(
        applied,
        basePlan,
        changedPlan,
        diff,
        Difference.between(basePlan, changedPlan),
        diff.movesOffChangedMoney(base, basePlan, changed, changedPlan),
        solves,
        allocator.config().solver());
  }

  /** Whether {@code other}, repaired to {@code scenario}, scores higher there than {@code plan}. */
  private static boolean improves(Plan other, Scenario scenario, Plan plan) {
    Double repaired = RepairedPlan.of(scenario, other).plan().solver().objective();
    return repaired != null && repaired > plan.solver().objective() + 1e-9;
  }
}
