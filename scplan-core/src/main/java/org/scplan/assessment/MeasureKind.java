package org.scplan.assessment;

/** Whether a measure is an objective's or an option's. */
public enum MeasureKind {
  /** A measure of effectiveness, of an objective. */
  MOE,
  /** A measure of performance, of a solution option. */
  MOP
}
