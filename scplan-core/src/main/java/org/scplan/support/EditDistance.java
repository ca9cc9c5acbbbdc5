package org.scplan.support;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Bounded edit distance for "did you mean" hints: the optimal string alignment distance
 * (insertions, deletions, substitutions and transpositions of adjacent characters), computed only
 * up to a limit so that comparing an unknown id against thousands of known ids stays cheap.
 */
public final class EditDistance {
  private EditDistance() {}

  /**
   * The largest distance at which {@code unknown} is still taken for a typo of a known name: two
   * edits for short ids, about a third of the length for long ones.
   */
  public static int typoLimit(String unknown) {
    return Math.max(2, (unknown.length() + 2) / 3);
  }

  /**
   * The distance between {@code a} and {@code b}, or {@code limit + 1} when it exceeds {@code
   * limit}.
   */
  public static int between(String a, String b, int limit) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > limit) {
      return limit + 1;
    }
    int[] beforePrevious = new int[lb + 1];
    int[] previous = new int[lb + 1];
    int[] current = new int[lb + 1];
    for (int j = 0; j <= lb; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= la; i++) {
      current[0] = i;
      int rowMinimum = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= lb; j++) {
        char cb = b.charAt(j - 1);
        int cost = ca == cb ? 0 : 1;
        int best = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
          best = Math.min(best, beforePrevious[j - 2] + 1);
        }
        current[j] = best;
        rowMinimum = Math.min(rowMinimum, best);
      }
      // Every later row is at least this row's minimum, so the limit can no longer be met.
      if (rowMinimum > limit) {
        return limit + 1;
      }
      int[] recycled = beforePrevious;
      beforePrevious = previous;
      previous = current;
      current = recycled;
    }
    return Math.min(previous[lb], limit + 1);
  }

  /**
   * The candidate closest to {@code unknown} within its {@link #typoLimit}, ignoring case (so "FMF"
   * finds "fmf"), the first in iteration order on ties, or {@code null} when none is that close.
   */
  public static String closest(String unknown, Collection<String> candidates) {
    List<String> candidateList = List.copyOf(candidates);
    List<String> lowerCase = candidateList.stream().map(EditDistance::lowerCase).toList();
    int index = closestIndex(unknown, lowerCase);
    return index < 0 ? null : candidateList.get(index);
  }

  /**
   * Like {@link #closest}, for candidates already in {@link #lowerCase}: the index of the closest,
   * or -1 when none is close enough.
   */
  public static int closestIndex(String unknown, List<String> lowerCaseCandidates) {
    int limit = typoLimit(unknown);
    String lowerUnknown = lowerCase(unknown);
    int best = -1;
    int bestDistance = limit + 1;
    for (int i = 0; i < lowerCaseCandidates.size() && bestDistance > 0; i++) {
      int distance =
          between(lowerUnknown, lowerCaseCandidates.get(i), Math.min(limit, bestDistance - 1));
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** The form names are compared in. */
  public static String lowerCase(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
