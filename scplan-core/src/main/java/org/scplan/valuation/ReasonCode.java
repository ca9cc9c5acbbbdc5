package org.scplan.valuation;

/** Why an option is not funded, in machine-readable form. */
public enum ReasonCode {
  /** No program may fund it (activity type, domain, partner, CCMD, vetting, span rule). */
  INELIGIBLE,
  /** A policy threshold excludes it (desire, risk score, providing risk). */
  EXCLUDED_BY_POLICY,
  /** It has no value (e.g. the gap is fully covered by a third party, or closure 0). */
  NO_VALUE,
  /** No start year in its window lies in the horizon with a program, money and value. */
  NO_START_YEAR,
  /** A prerequisite is not funded early enough. */
  BLOCKED_BY_PREREQUISITE,
  /** Another option of its exclusion group is funded. */
  EXCLUDED_BY_ALTERNATIVE,
  /**
   * Every start it could have would break a named limit (money, capacity, cap, staff or balance
   * rule) beside the funded options, in exact dollars; the detail names the limits.
   */
  CROWDED_OUT,
  /** It fits beside the funded options, but its gap already holds its maximum value. */
  GAP_ALREADY_CLOSED,
  /** The allocator found no plan at all (status INFEASIBLE or UNKNOWN). */
  NO_PLAN
}
