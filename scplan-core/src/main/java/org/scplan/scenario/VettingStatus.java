package org.scplan.scenario;

/** Outcome of human-rights (Leahy) vetting of a partner's units. */
public enum VettingStatus {
  /** Units pass vetting. */
  CLEAR,
  /** Some units fail; programs with {@link VettingRequirement#STRICT} may not serve the partner. */
  RESTRICTED,
  /** Units fail; no program that requires vetting may serve the partner. */
  FAILED
}
