package org.scplan.assessment;

/** Where a measure stands against its target (docs/MODEL.md §10). */
public enum MeasureStatus {
  /** The latest value meets the target. */
  MET,
  /** Not met yet; at the average pace since the baseline it is met by the target FY. */
  ON_TRACK,
  /** Not met; at the average pace since the baseline the target FY is not reachable. */
  OFF_TRACK,
  /** Observed in or after the target FY without meeting the target. */
  MISSED,
  /** Never observed. */
  NO_DATA
}
