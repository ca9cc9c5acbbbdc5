package org.scplan.scenario;

/** How a capability gap serves the role the US wants the partner to play. */
public enum RoleType {
  /** The partner unit's own actions against the threat. */
  PRIMARY,
  /** Actions that enable the primary role (ISR, lift, logistics). */
  SUPPORTING,
  /** Institutional activities needed to absorb, employ and sustain the capability. */
  GOVERNANCE
}
