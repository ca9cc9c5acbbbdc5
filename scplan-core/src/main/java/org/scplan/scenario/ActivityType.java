package org.scplan.scenario;

/**
 * The kind of activity, event, operation or investment a solution option is; programs list the
 * kinds they may fund.
 */
public enum ActivityType {
  ASSESSMENT,
  ENGAGEMENT,
  TRAINING,
  EDUCATION,
  EQUIPMENT,
  ADVISING,
  EXERCISE,
  CONSTRUCTION,
  HUMANITARIAN_ASSISTANCE,
  INSTITUTION_BUILDING
}
