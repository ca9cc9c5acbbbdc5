package org.scplan.optimizer;

import java.util.Locale;
import org.scplan.engine.AllocationInstance;
import org.scplan.optimizer.internal.CpSatModel;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanStatus;

/**
 * What a completed plan may truthfully claim about itself (docs/MODEL.md §6, "Status, objective and
 * bound"): OPTIMAL only when its exact objective meets the bound CP-SAT proved, to within what
 * rounding values and the lapse penalty to objective units can move it; otherwise FEASIBLE with the
 * open gap. A bound the plan meets is reported as the plan's objective, so that objective, bound
 * and gap are one quantity in points.
 *
 * @param plan the plan with its stated status
 * @param bestBound the bound to report, in points (null: none)
 * @param note what the status means, for the statistics' note ("" when nothing to add)
 */
record Optimality(Plan plan, Double bestBound, String note) {

  /**
   * Judges {@code plan} (already completed by the fill pass, which funded {@code added} options)
   * whose exact objective is {@code objective} points against CP-SAT's {@code bound} in points.
   */
  static Optimality of(
      AllocationInstance instance,
      CpSatModel model,
      Plan plan,
      Double objective,
      Double bound,
      int added) {
    if (!plan.status().hasPlan()) {
      return new Optimality(plan, bound, "");
    }
    String filled =
        added == 0
            ? ""
            : String.format(
                Locale.ROOT,
                "The fill pass funded %d more option%s that fit beside the solver's plan in exact"
                    + " dollars (docs/MODEL.md §6).",
                added,
                added == 1 ? "" : "s");
    if (plan.status() != PlanStatus.OPTIMAL) {
      return new Optimality(plan, bound, filled);
    }
    if (bound != null && bound - objective <= tolerance(instance, model)) {
      String resolution =
          instance.rounded()
              ? String.format(
                  Locale.ROOT,
                  "Optimal at $%,d resolution: costs and limits were counted in units of $%,d"
                      + " (docs/MODEL.md §6).",
                  instance.resolution,
                  instance.resolution)
              : "";
      return new Optimality(plan, Math.min(bound, objective), join(resolution, filled));
    }
    Plan feasible =
        new Plan(
            plan.scenarioId(),
            PlanStatus.FEASIBLE,
            plan.totalWeightAtStake(),
            plan.riskReduced(),
            plan.fundedOptions(),
            plan.unfundedOptions(),
            plan.gaps(),
            plan.appropriations(),
            plan.totals(),
            plan.solver());
    String open =
        bound == null
            ? "CP-SAT proved its model optimal but reported no bound, so the plan is FEASIBLE."
            : String.format(
                Locale.ROOT,
                "CP-SAT stopped with its model optimal, but the plan's exact objective is %.6f"
                    + " points below its bound, so the plan is FEASIBLE.",
                bound - objective);
    return new Optimality(feasible, bound, join(open, filled));
  }

  /**
   * Points by which the exact objective of a model-optimal plan can fall short of the model's
   * bound: half an objective unit per option value, gap cap and stability reward, and the lapse
   * penalty's rounding on every expiring dollar.
   */
  static double tolerance(AllocationInstance instance, CpSatModel model) {
    double scale = model.objectiveScale();
    double perUnit =
        instance.scenario.policy().lapsePenaltyPointsPerMillion()
            * scale
            * instance.resolution
            / 1_000_000.0;
    long expiringUnits = 0;
    for (AllocationInstance.AppropriationLine[] lines : instance.appropriations) {
      for (AllocationInstance.AppropriationLine line : lines) {
        if (line.expiresInHorizon()) {
          expiringUnits += line.budgetUnits();
        }
      }
    }
    return ((2.0 * instance.options.length + instance.gapOptions.length + 1) * 0.5
            + Math.abs(perUnit - Math.rint(perUnit)) * expiringUnits)
        / scale;
  }

  private static String join(String first, String second) {
    return first.isEmpty() ? second : second.isEmpty() ? first : first + " " + second;
  }
}
