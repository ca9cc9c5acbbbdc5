package org.scplan.whatif;

import org.scplan.support.Copies;

/**
 * How the funding of one option differs between two plans. Fields of the side where the option is
 * not funded are {@code null} (program, start) or 0 (dollars, points).
 *
 * @param optionId the option
 * @param gapId its gap
 * @param partnerId its partner
 * @param kind what changed
 * @param programBefore the program funding it in the first plan, or {@code null}
 * @param programAfter the program funding it in the second plan, or {@code null}
 * @param startBefore its start FY in the first plan, or {@code null}
 * @param startAfter its start FY in the second plan, or {@code null}
 * @param obligatedBefore dollars obligated for it in the first plan
 * @param obligatedAfter dollars obligated for it in the second plan
 * @param valueBefore its uncapped value in the first plan, in weighted risk points
 * @param valueAfter its uncapped value in the second plan, in weighted risk points
 */
public record FundingChange(
    String optionId,
    String gapId,
    String partnerId,
    Kind kind,
    String programBefore,
    String programAfter,
    Integer startBefore,
    Integer startAfter,
    long obligatedBefore,
    long obligatedAfter,
    double valueBefore,
    double valueAfter) {

  /** What changed for an option. */
  public enum Kind {
    /** Funded in the second plan only. */
    ADDED,
    /** Funded in the first plan only. */
    CUT,
    /** Funded in both by the same program, starting in another FY. */
    MOVED,
    /** Funded in both from the same FY, by another program. */
    CHANGED_PROGRAM,
    /** Funded in both, by another program and from another FY. */
    MOVED_AND_CHANGED_PROGRAM
  }

  public FundingChange {
    Copies.required(optionId, "FundingChange", "optionId");
    Copies.required(kind, "FundingChange " + optionId, "kind");
  }
}
