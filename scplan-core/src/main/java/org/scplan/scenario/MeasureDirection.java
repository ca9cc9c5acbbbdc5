package org.scplan.scenario;

/** Which way a {@link Measure} improves. */
public enum MeasureDirection {
  /** Larger observed values are better (e.g. patrol hours per month). */
  HIGHER_IS_BETTER,
  /** Smaller observed values are better (e.g. days to respond to an incursion). */
  LOWER_IS_BETTER
}
