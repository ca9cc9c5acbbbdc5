package org.scplan.whatif;

import java.util.List;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.support.Copies;

/**
 * The result of re-planning: the scenario as re-planned (past obligations locked, no new start
 * before the current FY, options whose start window has closed removed), the new plan (checked
 * against that scenario), the churn against the previous plan, and what was removed.
 *
 * @param scenario the scenario the plan was made for
 * @param plan the new plan
 * @param churn kept, moved, dropped and added options
 * @param removals options removed because they can no longer start, with the reason
 * @param stabilityPenaltyPoints the penalty per changed option that was applied, in points
 */
public record ReplanOutcome(
    Scenario scenario,
    Plan plan,
    Churn churn,
    List<Removal> removals,
    double stabilityPenaltyPoints) {
  public ReplanOutcome {
    Copies.required(scenario, "ReplanOutcome", "scenario");
    Copies.required(plan, "ReplanOutcome", "plan");
    Copies.required(churn, "ReplanOutcome", "churn");
    removals = Copies.list(removals);
  }
}
