package org.scplan.report;

import java.util.Locale;

/** Number and text formatting shared by the reports; fixed locale so reports are reproducible. */
final class Text {
  private Text() {}

  /** Whole dollars with separators, e.g. "$1,250,000". */
  static String dollars(long dollars) {
    return String.format(Locale.ROOT, "$%,d", dollars);
  }

  /** Dollars in thousands, rounded, with separators, e.g. "1,250". */
  static String thousands(long dollars) {
    return String.format(Locale.ROOT, "%,d", Math.round(dollars / 1_000.0));
  }

  /** Dollars in millions for labels, e.g. "$1.25M", or "$850K" below a million. */
  static String shortDollars(long dollars) {
    if (Math.abs(dollars) >= 1_000_000) {
      return String.format(Locale.ROOT, "$%.2fM", dollars / 1_000_000.0);
    }
    return String.format(Locale.ROOT, "$%,dK", Math.round(dollars / 1_000.0));
  }

  /** Points with two decimals, e.g. "12.35". */
  static String points(double points) {
    return String.format(Locale.ROOT, "%,.2f", points);
  }

  /** A 0–1 fraction as a percentage with one decimal, e.g. "63.0 %". */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
  }

  /**
   * An enum constant as words, e.g. "CROWDED_OUT" to "crowded out", "HUMANITARIAN_ASSISTANCE" to
   * "humanitarian assistance".
   */
  static String words(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /**
   * User text made inert in Markdown: one line, and every character Markdown or embedded HTML could
   * read as markup backslash-escaped, so names cannot break a table or inject HTML.
   */
  static String markdown(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r', '\n', '\t' -> escaped.append(' ');
        case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '&', '!', '{', '}', '~' ->
            escaped.append('\\').append(c);
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /**
   * User text made inert in HTML element content and quoted attribute values: the five significant
   * characters become entities.
   */
  static String html(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
