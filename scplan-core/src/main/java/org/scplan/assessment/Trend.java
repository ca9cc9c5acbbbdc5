package org.scplan.assessment;

/** Which way a measure moved between its last two values (the baseline counting as the first). */
public enum Trend {
  /** Towards the target. */
  IMPROVING,
  /** Unchanged. */
  STEADY,
  /** Away from the target. */
  WORSENING,
  /** Never observed. */
  NO_DATA
}
