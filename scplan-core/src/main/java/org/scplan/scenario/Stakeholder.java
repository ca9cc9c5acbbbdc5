package org.scplan.scenario;

/** A party whose interest in closing a gap puts it in the "sweet spot" when several agree. */
public enum Stakeholder {
  DOD,
  STATE,
  PARTNER
}
