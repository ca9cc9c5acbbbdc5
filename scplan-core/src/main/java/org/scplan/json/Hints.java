package org.scplan.json;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.scplan.support.EditDistance;

/** "Maybe …" hints for misspelt field names and enum values. */
final class Hints {
  /** Shortest beginning of a name taken as an abbreviation of it rather than a different name. */
  private static final int MINIMUM_PREFIX = 3;

  private Hints() {}

  /**
   * The candidate closest to {@code given} by case-insensitive edit distance within {@link
   * EditDistance#typoLimit}, or else the single candidate {@code given} is a beginning of
   * ("SUPPORT" for "SUPPORTING"), or {@code null}.
   */
  static String closest(String given, Collection<String> candidates) {
    String near = EditDistance.closest(given, candidates);
    // A name every letter of which must change ("x" for "id") is no typo of it.
    boolean plausible =
        near != null
            && EditDistance.between(
                    EditDistance.lowerCase(given), EditDistance.lowerCase(near), given.length())
                < given.length();
    return plausible ? near : truncated(given, candidates);
  }

  private static String truncated(String given, Collection<String> candidates) {
    if (given.length() < MINIMUM_PREFIX) {
      return null;
    }
    String prefix = given.toLowerCase(Locale.ROOT);
    List<String> extensions =
        candidates.stream()
            .filter(candidate -> candidate.toLowerCase(Locale.ROOT).startsWith(prefix))
            .toList();
    return extensions.size() == 1 ? extensions.get(0) : null;
  }
}
