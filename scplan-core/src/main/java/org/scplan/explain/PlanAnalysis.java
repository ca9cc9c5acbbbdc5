package org.scplan.explain;

import java.util.List;
import java.util.Map;
import org.scplan.plan.PlanViolation;
import org.scplan.support.Copies;

/**
 * The score and the rule check of a plan that may have been edited by hand, from {@link
 * PlanAnalyzer#analyze}. The scores are recomputed from the plan's funding decisions (option,
 * program, start FY) alone, so figures a hand edit left stale do not count; the violations list
 * every rule the plan as written breaks, stale figures included.
 *
 * @param scenarioId the scenario the plan was checked against
 * @param violations every violated rule found by {@link org.scplan.plan.PlanChecker}, in its order
 * @param fundedOptions number of funding decisions scored
 * @param riskReduced points the decisions retire (sum of capped gap values)
 * @param totalWeightAtStake points at stake in the scenario
 * @param netObjective risk reduced less the policy's lapse penalty, in points
 * @param totalObligated dollars the decisions obligate
 * @param totalLapsed dollars lapsing inside the horizon
 * @param obligationsByProgramAndFiscalYear dollars per program id, then per FY
 * @param words the analysis in sentences
 */
public record PlanAnalysis(
    String scenarioId,
    List<PlanViolation> violations,
    int fundedOptions,
    double riskReduced,
    double totalWeightAtStake,
    double netObjective,
    long totalObligated,
    long totalLapsed,
    Map<String, Map<Integer, Long>> obligationsByProgramAndFiscalYear,
    String words) {
  public PlanAnalysis {
    Copies.required(scenarioId, "PlanAnalysis", "scenarioId");
    violations = Copies.list(violations);
    java.util.TreeMap<String, Map<Integer, Long>> nested = new java.util.TreeMap<>();
    if (obligationsByProgramAndFiscalYear != null) {
      obligationsByProgramAndFiscalYear.forEach((k, v) -> nested.put(k, Copies.sortedMap(v)));
    }
    obligationsByProgramAndFiscalYear = Copies.sortedMap(nested);
    Copies.required(words, "PlanAnalysis", "words");
  }

  /** Whether the plan breaks no rule. */
  public boolean valid() {
    return violations.isEmpty();
  }
}
