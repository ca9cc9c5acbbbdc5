/**
 * What-if analysis without a solver: {@link org.scplan.whatif.ScenarioDelta} (a list of changes to
 * a scenario, applied to a new scenario without touching the input), {@link
 * org.scplan.whatif.PlanDiff} (what changed between two plans, reconciling exactly with both), and
 * {@link org.scplan.whatif.Replanning} (a previous plan as input to the next cycle, with the churn
 * between the two). The solving side (what-if runs, budget curves, re-planning with a stability
 * penalty) is in {@code org.scplan.optimizer.whatif}.
 */
package org.scplan.whatif;
