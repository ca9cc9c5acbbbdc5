package org.scplan.execution;

/** Where a funded activity stood at the end of a fiscal year of execution. */
public enum ExecutionStatus {
  /** Running as planned (its obligations may still differ from the plan's). */
  ON_TRACK,
  /** Slipped: nothing obligated this FY; it is expected to resume in a later FY. */
  DELAYED,
  /** Stopped for good: nothing obligated this FY or later; what was obligated before is sunk. */
  CANCELLED,
  /** Delivered: nothing further is obligated for it. */
  COMPLETED
}
