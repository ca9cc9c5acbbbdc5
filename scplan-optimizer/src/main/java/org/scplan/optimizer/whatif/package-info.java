/**
 * What-if runs that solve: {@link org.scplan.optimizer.whatif.WhatIf} (solve a base scenario and
 * its changed copy, and diff the plans) and {@link org.scplan.optimizer.whatif.BudgetSweep} (a
 * budget curve). Re-planning is {@link org.scplan.optimizer.Allocator#replan}. With one worker, a
 * fixed seed and a deterministic time limit in the {@link org.scplan.optimizer.AllocatorConfig},
 * every result is reproducible byte for byte.
 */
package org.scplan.optimizer.whatif;
