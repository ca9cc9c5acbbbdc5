/**
 * What is uncertain in a scenario, for Monte Carlo sweeps: {@link
 * org.scplan.uncertainty.Uncertainty} says, per uncertain input (cost overrun, risk scores,
 * propensities, appropriation cuts), which {@link org.scplan.uncertainty.Distribution} it is drawn
 * from, or that it is off. Read from and written to uncertainty files by {@code
 * org.scplan.json.UncertaintyJson}; sampled by the optimizer's {@code org.scplan.sweep}.
 */
package org.scplan.uncertainty;
