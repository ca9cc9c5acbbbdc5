/** The plain CP-SAT knapsack model, the baseline the scplan formulation is compared with. */
package org.scplan.benchmarks.orlib.internal;
