package org.scplan.support;

import java.util.Locale;

/**
 * The one place that puts scplan's messages into sentences: a message ends with a period before its
 * hint, a "did you mean" hint is a question of its own ("Did you mean 'prog-333'?"), any other hint
 * reads "Maybe …", and counts and year differences agree in number ("1 violation", "in the same
 * FY").
 */
public final class Messages {
  private static final String DID_YOU_MEAN = "did you mean";

  private Messages() {}

  /**
   * {@code message} and {@code hint} as one or two sentences: "Message. Did you mean 'x'?" or
   * "Message. Maybe hint."; the message alone when the hint is empty.
   */
  public static String withHint(String message, String hint) {
    String text = sentence(message);
    if (hint == null || hint.isBlank()) {
      return text;
    }
    String trimmed = hint.strip();
    if (trimmed.regionMatches(true, 0, DID_YOU_MEAN, 0, DID_YOU_MEAN.length())) {
      return text + " " + capitalised(trimmed);
    }
    if (trimmed.regionMatches(true, 0, "maybe ", 0, "maybe ".length())) {
      trimmed = trimmed.substring("maybe ".length());
    }
    return text + " Maybe " + sentence(trimmed);
  }

  /** {@code text} ending with a full stop, unless it ends with one already, "?" or "!". */
  public static String sentence(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return trimmed;
    }
    char last = trimmed.charAt(trimmed.length() - 1);
    return last == '.' || last == '?' || last == '!' ? trimmed : trimmed + ".";
  }

  /** "1 violation", "2 violations", "0 violations": {@code count} and the noun in agreement. */
  public static String count(long count, String singular) {
    return count(count, singular, singular + "s");
  }

  /** {@code count} and the singular or plural noun given, e.g. "1 activity", "3 activities". */
  public static String count(long count, String singular, String plural) {
    return count + " " + (count == 1 ? singular : plural);
  }

  /**
   * How many fiscal years before something: "in the same FY", "1 FY earlier", "2 FYs earlier"; with
   * {@code atLeast}, "in the same FY or earlier", "at least 2 FYs earlier".
   */
  public static String yearsEarlier(int years, boolean atLeast) {
    return yearsApart(years, atLeast, "earlier");
  }

  /**
   * As {@link #yearsEarlier}, after something: "in the same FY or later", "at least 1 FY later".
   */
  public static String yearsLater(int years, boolean atLeast) {
    return yearsApart(years, atLeast, "later");
  }

  private static String yearsApart(int years, boolean atLeast, String direction) {
    if (years == 0) {
      return atLeast ? "in the same FY or " + direction : "in the same FY";
    }
    return (atLeast ? "at least " : "") + count(years, "FY", "FYs") + " " + direction;
  }

  private static String capitalised(String text) {
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
