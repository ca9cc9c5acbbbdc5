package org.scplan.assessment;

import org.scplan.support.Copies;

/**
 * A program's obligations still to come after the fiscal years executed, and how much of them its
 * remaining appropriations cannot pay (e.g. an activity delayed past its money's availability).
 *
 * @param programId the program
 * @param dueAhead dollars the rest of the plan, as executed so far, is expected to obligate inside
 *     the horizon
 * @param uncovered dollars of {@code dueAhead} no remaining appropriation can pay
 */
public record ProgramOutlook(String programId, long dueAhead, long uncovered) {
  public ProgramOutlook {
    Copies.required(programId, "ProgramOutlook", "programId");
  }
}
