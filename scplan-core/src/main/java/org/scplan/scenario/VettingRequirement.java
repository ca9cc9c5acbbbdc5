package org.scplan.scenario;

/** What a program demands of a partner's vetting status before it may fund activities there. */
public enum VettingRequirement {
  /** No vetting requirement (e.g. some engagement and humanitarian programs). */
  NONE,
  /** Partner must not have {@link VettingStatus#FAILED} (DoD Leahy, 10 U.S.C. 362; FAA 620M). */
  STANDARD,
  /** Partner must be {@link VettingStatus#CLEAR}. */
  STRICT;

  /** Whether a partner with the given status may be served under this requirement. */
  public boolean admits(VettingStatus status) {
    return switch (this) {
      case NONE -> true;
      case STANDARD -> status != VettingStatus.FAILED;
      case STRICT -> status == VettingStatus.CLEAR;
    };
  }
}
