/**
 * Monte Carlo sweeps: many samples of a scenario's uncertain inputs, each allocated on its own
 * solver worker, summarised per option (share of runs funded) and for risk reduced (mean, standard
 * deviation, percentiles). {@link org.scplan.sweep.SweepTask} is the pure per-run function, {@link
 * org.scplan.sweep.Sweep} runs it on a thread pool.
 */
package org.scplan.sweep;
