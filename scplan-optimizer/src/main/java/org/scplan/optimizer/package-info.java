/**
 * The allocation facade: {@link org.scplan.optimizer.Allocator} turns a scenario into an optimal,
 * checked, explained {@link org.scplan.plan.Plan} with OR-Tools CP-SAT, configured by an immutable
 * {@link org.scplan.optimizer.AllocatorConfig}. OR-Tools types never appear here; they live in
 * {@code org.scplan.optimizer.internal}, which is not API.
 */
package org.scplan.optimizer;
