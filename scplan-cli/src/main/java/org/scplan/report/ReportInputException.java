package org.scplan.report;

import java.util.List;

/**
 * The plan and the scenario given to a report do not belong together (another scenario id, or
 * option ids the scenario does not have). Lists every mismatch at once.
 */
public final class ReportInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The mismatches, each a sentence. */
  private final List<String> mismatches;

  /** An exception listing {@code mismatches} after the headline {@code what}. */
  public ReportInputException(String what, List<String> mismatches) {
    super(
        what
            + System.lineSeparator()
            + "  - "
            + String.join(System.lineSeparator() + "  - ", mismatches));
    this.mismatches = List.copyOf(mismatches);
  }

  /** The mismatches, each a sentence. */
  public List<String> mismatches() {
    return mismatches;
  }
}
