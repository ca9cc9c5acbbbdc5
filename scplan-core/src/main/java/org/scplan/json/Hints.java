package org.scplan.json;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Maybe …" hints for misspelt field names and enum values. */
final class Hints {
  /** Shortest beginning of a name taken as an abbreviation of it rather than a different name. */
  private static final int MINIMUM_PREFIX = 3;

  private Hints() {}

  /**
   * The candidate closest to {@code given} by case-insensitive edit distance, or {@code null} when
   * none is close enough to be a plausible typo: at most a third of the letters (and at least two,
   * never every letter) changed, or {@code given} cut short from a single candidate ("SUPPORT" for
   * "SUPPORTING").
   */
  static String closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(given, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(2, given.length() / 3);
    if (bestDistance <= allowed && bestDistance < given.length()) {
      return best;
    }
    return truncated(given, candidates);
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

  /** Levenshtein distance ignoring case: a wrongly capitalised name ("ScoID") is distance 0. */
  static int distance(String a, String b) {
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[t.length() + 1];
    int[] current = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int substitution = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[t.length()];
  }
}
