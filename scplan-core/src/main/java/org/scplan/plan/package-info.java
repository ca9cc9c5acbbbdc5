/**
 * The result of allocation: a {@link org.scplan.plan.Plan} with every option funded or unfunded
 * with a reason, money drawn from appropriations year by year, per-gap outcomes, totals and solver
 * statistics; {@link org.scplan.plan.PlanAssembler} derives all figures from funding decisions, and
 * {@link org.scplan.plan.PlanChecker} re-verifies any plan from the domain rules.
 *
 * <p>Money in whole US dollars, time in fiscal years, value in weighted risk points.
 */
package org.scplan.plan;
