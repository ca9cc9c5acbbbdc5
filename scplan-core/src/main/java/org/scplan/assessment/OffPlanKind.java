package org.scplan.assessment;

/** How an activity departed from the plan in an executed fiscal year. */
public enum OffPlanKind {
  /** Reported DELAYED. */
  DELAYED,
  /** Reported CANCELLED. */
  CANCELLED,
  /** Obligated less than the plan's obligations for that FY. */
  UNDER_OBLIGATED,
  /** Obligated more than the plan's obligations for that FY. */
  OVER_OBLIGATED,
  /** The plan obligates money that FY but the record says nothing of the activity. */
  NOT_REPORTED
}
