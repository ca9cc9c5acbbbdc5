package org.scplan.scenario;

import org.scplan.support.Copies;

/**
 * A decision that is already taken (obligated or committed) and that every plan must keep: the
 * option is funded by the program starting in the fiscal year.
 *
 * @param optionId the option
 * @param programId the program funding it
 * @param startFiscalYear its start FY
 * @param note why it is locked (e.g. "obligated FY2027"), free text
 */
public record LockedDecision(String optionId, String programId, int startFiscalYear, String note) {
  public LockedDecision {
    Copies.required(optionId, "LockedDecision", "optionId");
    Copies.required(programId, "LockedDecision " + optionId, "programId");
    note = note == null ? "" : note;
  }
}
