package org.scplan.scenario;

/** When a program obligates the cost of an activity it funds. */
public enum ObligationRule {
  /** Each FY's cost is obligated in that FY from appropriations available then (O&amp;M style). */
  INCREMENTAL,
  /**
   * The whole cost is obligated in the start FY from appropriations available then, and the
   * activity must end within the program's span (10 U.S.C. 333: begin in the FY, end by the close
   * of the second FY after it, a span of 3 years).
   */
  FULL_AT_START
}
