package org.scplan.assessment;

/** What re-planning from execution changed in the scenario, by kind (docs/MODEL.md §10). */
public enum AdjustmentKind {
  /** An activity that obligated money is locked at its program and start; its past costs are 0. */
  OBLIGATED_LOCKED,
  /** A delayed activity's remaining costs (or, if nothing was obligated, its start) moved later. */
  RE_TIMED,
  /** An activity planned before the current FY that obligated nothing and was not reported. */
  NOT_STARTED,
  /** A cancelled activity: removed, its remaining money freed; what it obligated is sunk. */
  CANCELLED,
  /** An appropriation reduced by the money the record obligated from it. */
  APPROPRIATION_DRAWN,
  /** An option's closure scaled by its assessed effectiveness. */
  EFFECTIVENESS
}
