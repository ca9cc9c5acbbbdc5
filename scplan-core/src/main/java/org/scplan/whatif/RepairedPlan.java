package org.scplan.whatif;

import java.util.List;
import java.util.Objects;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.GreedySearch;
import org.scplan.engine.Preparation;
import org.scplan.plan.FundedOption;
import org.scplan.plan.FundingDecision;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.support.Copies;

/**
 * A plan of one scenario carried into another (docs/MODEL.md §8, comparisons): every decision that
 * still fits is kept, one that no longer fits is re-timed to the nearest start FY of its program
 * that does, or dropped; then balance-rule minimums are met and what still fits is funded in the
 * greedy order. The start of a comparison's second solve. Immutable; deterministic.
 *
 * @param plan the repaired plan, checked by {@link PlanChecker} against the target scenario; status
 *     FEASIBLE, or UNKNOWN with no decisions when the target's locked decisions or balance-rule
 *     minimums cannot be met from it
 * @param kept decisions kept as they were (same program and start FY)
 * @param retimed decisions moved to another start FY of the same program
 * @param dropped decisions dropped (option gone, nothing of its program fits, or a prerequisite
 *     dropped)
 */
public record RepairedPlan(Plan plan, int kept, int retimed, int dropped) {

  public RepairedPlan {
    Copies.required(plan, "RepairedPlan", "plan");
  }

  /**
   * Repairs {@code start} to {@code scenario}; neither is modified.
   *
   * @throws org.scplan.validation.ScenarioValidationException if {@code scenario} is invalid
   */
  public static RepairedPlan of(org.scplan.scenario.Scenario scenario, Plan start) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(start, "start");
    AllocationInstance instance = Preparation.prepare(scenario);
    GreedySearch.Repair repair = GreedySearch.repair(instance, decisions(start));
    Plan plan = repair.result().toPlan(instance, 0.0);
    PlanChecker.verify(scenario, plan);
    return new RepairedPlan(plan, repair.kept(), repair.retimed(), repair.dropped());
  }

  /** Whether every decision of the start plan was kept as it was. */
  public boolean intact() {
    return plan.status().hasPlan() && retimed == 0 && dropped == 0;
  }

  /** The funding decisions (option, program, start FY) of {@code plan}. */
  public static List<FundingDecision> decisions(Plan plan) {
    return plan.fundedOptions().stream()
        .map(
            (FundedOption f) ->
                new FundingDecision(f.optionId(), f.programId(), f.startFiscalYear()))
        .toList();
  }
}
