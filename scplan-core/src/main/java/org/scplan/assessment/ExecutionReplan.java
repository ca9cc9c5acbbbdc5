package org.scplan.assessment;

import java.util.List;
import org.scplan.support.Copies;
import org.scplan.whatif.ReplanOutcome;

/**
 * The result of re-planning from execution: the assessment it started from, what the execution and
 * the assessment changed in the scenario, and the re-plan (its scenario, plan, churn against the
 * plan that was executed, and every option removed).
 *
 * @param assessment the assessment of the executed plan
 * @param adjustments every change made to the scenario before solving, in the order made
 * @param outcome the re-plan; its churn compares the new plan with the plan that was executed
 */
public record ExecutionReplan(
    Assessment assessment, List<Adjustment> adjustments, ReplanOutcome outcome) {
  public ExecutionReplan {
    Copies.required(assessment, "ExecutionReplan", "assessment");
    Copies.required(outcome, "ExecutionReplan", "outcome");
    adjustments = Copies.list(adjustments);
  }
}
