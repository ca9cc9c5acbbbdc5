package org.scplan.plan;

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
  /** Money or capacity went to options worth more; funding it would lower the plan's value. */
  CROWDED_OUT,
  /** The allocator found no plan at all (status INFEASIBLE or UNKNOWN). */
  NO_PLAN
}
