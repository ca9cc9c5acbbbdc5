package org.scplan.explain;

/** Why an option that could be funded on its own is not funded beside the plan's other options. */
public enum CrowdingCause {
  /**
   * Adding it to the plan would break one or more limits (money, capacity, cap, staff or balance
   * rule), listed in {@link UnfundedExplanation#bindingLimits()}.
   */
  BINDING_LIMITS,
  /** Its funded prerequisites start too late for any of its start FYs. */
  PREREQUISITE_TIMING,
  /** Its gap is already closed to its maximum value by funded options: it would add nothing. */
  GAP_ALREADY_CLOSED,
  /**
   * It fits beside the funded options and would add value: the solver stopped (time limit) before
   * finding the better plan that includes it.
   */
  FITS_BUT_NOT_FOUND
}
