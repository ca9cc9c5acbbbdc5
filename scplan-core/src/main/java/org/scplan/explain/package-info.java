/**
 * Explanations of a plan in planners' terms: a reason for every unfunded option naming the rule or
 * the binding limit, the marginal value of money per program and fiscal year, counterfactuals
 * ("what if this option were forced in"), a diagnosis of infeasible scenarios naming a smallest
 * conflicting set of rules, and {@link org.scplan.explain.PlanAnalyzer} to score and check a plan
 * edited by hand. The records here are pure data; the optimizer module's {@code
 * org.scplan.optimizer.explain.Explainer} computes them with re-solves.
 *
 * <p>Money in whole US dollars, time in fiscal years, SCO staff in person-weeks, value in weighted
 * risk points. Every record is immutable and thread-safe.
 */
package org.scplan.explain;
