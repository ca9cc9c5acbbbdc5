package org.scplan.validation;

/**
 * The limits every input is held to, in one place: {@link ScenarioValidator} refuses a scenario
 * beyond them, and the JSON readers are configured with the same numbers, so that whatever passes
 * validation and is written can be read back (docs/RELIABILITY.md, "Input limits").
 *
 * <p>Thread-safe: constants only.
 */
public final class InputLimits {
  /**
   * Longest id, in characters (UTF-16 units), for every entity, role name and tag. Ids are also the
   * names of JSON fields (plans key their maps by id), so the JSON readers take names of this
   * length and no longer.
   */
  public static final int MAX_ID_LENGTH = 200;

  /**
   * Longest text (a name, a description, a note), in characters; the JSON readers' string limit.
   */
  public static final int MAX_TEXT_LENGTH = 1_000_000;

  /**
   * Most fiscal years in a lead time, a planning lead time or a prerequisite lag: the span of the
   * fiscal years accepted anywhere (FY{@value ProblemList#EARLIEST_FISCAL_YEAR} to FY{@value
   * ProblemList#LATEST_FISCAL_YEAR}), so that no sum of years can overflow.
   */
  public static final int MAX_YEARS =
      ProblemList.LATEST_FISCAL_YEAR - ProblemList.EARLIEST_FISCAL_YEAR;

  /**
   * The separator of list elements in CSV cells, refused inside ids, role names and tags, which
   * appear in such lists; nor may they start or end with spaces, which list reading strips.
   */
  public static final String LIST_SEPARATOR = ";";

  private InputLimits() {}

  /**
   * The index of the first control character in {@code text} (C0 including tab and line breaks,
   * DEL, C1), or -1 when there is none. Such characters are refused in ids: they cannot be shown on
   * a terminal or written into a CSV list cell as they are.
   */
  public static int firstControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      // The control characters (Unicode category Cc) are exactly U+0000-U+001F and U+007F-U+009F;
      // comparing ranges spares a category lookup per character of every id and name.
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        return i;
      }
    }
    return -1;
  }
}
