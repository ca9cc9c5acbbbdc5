package org.scplan.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems in the order found, with the range checks shared by all entities. Every message names
 * the offending value, so a planner can find it in a spreadsheet without the record.
 */
final class ProblemList {
  /** Earliest fiscal year accepted anywhere; anything before is a typo, not a plan. */
  static final int EARLIEST_FISCAL_YEAR = 1900;

  /** Latest fiscal year accepted anywhere. */
  static final int LATEST_FISCAL_YEAR = 2200;

  private final List<Problem> problems = new ArrayList<>();

  /** Records a problem; an empty field means the whole entity is at fault. */
  void add(String location, String field, String message, String hint) {
    problems.add(new Problem(location, field, message, hint));
  }

  /** The problems recorded, in order. */
  List<Problem> toList() {
    return List.copyOf(problems);
  }

  /** "FY2027". */
  static String fy(long fiscalYear) {
    return "FY" + fiscalYear;
  }

  /** A fraction: finite and within 0..1 (probabilities, shares, penalties, decay). */
  void fraction(String location, String field, double value) {
    if (!Double.isFinite(value)) {
      add(
          location,
          field,
          "must be a finite number in 0..1, but was " + value,
          "give a fraction in 0..1");
    } else if (value < 0 || value > 1) {
      add(location, field, "must be in 0..1, but was " + value, fractionHint(value));
    }
  }

  private static String fractionHint(double value) {
    if (value > 1 && value <= 100 && value == Math.rint(value)) {
      return "give a fraction, not a percentage: " + (long) value + " % is " + value / 100;
    }
    return "give a fraction in 0..1 (e.g. 0.7 for 70 %)";
  }

  /** A weight: a finite multiplier above 0. */
  void weight(String location, String field, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      add(
          location,
          field,
          "must be a finite number > 0, but was " + value,
          "weights are positive multipliers (1.0 = normal)");
    }
  }

  /** A finite quantity at least 0 (person-weeks, bonus points). */
  void nonNegative(String location, String field, double value, String hint) {
    if (!Double.isFinite(value) || value < 0) {
      add(location, field, "must be a finite number ≥ 0, but was " + value, hint);
    }
  }

  /** Dollars at least 0. */
  void money(String location, String field, long dollars, String hint) {
    if (dollars < 0) {
      add(location, field, "must be ≥ 0 dollars, but was " + dollars, hint);
    }
  }

  /** Dollars at least 0 when given; {@code null} means "not limited". */
  void optionalMoney(String location, String field, Long dollars, String hint) {
    if (dollars != null) {
      money(location, field, dollars, hint);
    }
  }

  /** An integer score or count in {@code minimum..maximum}. */
  void inRange(String location, String field, long value, int minimum, int maximum, String hint) {
    if (value < minimum || value > maximum) {
      add(location, field, "must be in " + minimum + ".." + maximum + ", but was " + value, hint);
    }
  }

  /** A whole number of fiscal years in 0..{@link InputLimits#MAX_YEARS} (lead times, lags). */
  void nonNegativeYears(String location, String field, int years, String hint) {
    if (years < 0) {
      add(location, field, "must be ≥ 0 FYs, but was " + years, hint);
    } else if (years > InputLimits.MAX_YEARS) {
      add(
          location,
          field,
          "must be at most " + InputLimits.MAX_YEARS + " FYs, but was " + years,
          hint);
    }
  }

  /**
   * An id, role name or tag that every writer can write and every reader read back: at most {@link
   * InputLimits#MAX_ID_LENGTH} characters, no control character, no {@code ;}, no spaces around it.
   * Returns whether it is one.
   */
  boolean identifier(String location, String field, String id) {
    if (id.length() > InputLimits.MAX_ID_LENGTH) {
      add(
          location,
          field,
          "must be at most "
              + InputLimits.MAX_ID_LENGTH
              + " characters, but was "
              + id.length()
              + " characters long",
          "shorten it; put the long form in a name or description");
      return false;
    }
    int control = InputLimits.firstControlCharacter(id);
    if (control >= 0) {
      add(
          location,
          field,
          String.format(
              "must not contain control characters, but has U+%04X at position %d",
              (int) id.charAt(control), control + 1),
          "remove the tab, line break or escape character");
      return false;
    }
    if (id.contains(InputLimits.LIST_SEPARATOR)) {
      add(
          location,
          field,
          "must not contain '" + InputLimits.LIST_SEPARATOR + "', but was '" + id + "'",
          "'" + InputLimits.LIST_SEPARATOR + "' separates the elements of a list in CSV files");
      return false;
    }
    if (!id.strip().equals(id)) {
      add(
          location,
          field,
          "must not start or end with spaces, but was '" + id + "'",
          "remove the spaces around it");
      return false;
    }
    return true;
  }

  /** A text of at most {@link InputLimits#MAX_TEXT_LENGTH} characters. */
  void text(String location, String field, String value) {
    if (value != null && value.length() > InputLimits.MAX_TEXT_LENGTH) {
      add(
          location,
          field,
          "must be at most "
              + InputLimits.MAX_TEXT_LENGTH
              + " characters, but was "
              + value.length()
              + " characters long",
          "shorten it");
    }
  }

  /** A plausible fiscal year; returns whether it is one, so that checks built on it can run. */
  boolean fiscalYear(String location, String field, int fiscalYear) {
    if (fiscalYear >= EARLIEST_FISCAL_YEAR && fiscalYear <= LATEST_FISCAL_YEAR) {
      return true;
    }
    String hint =
        fiscalYear >= 0 && fiscalYear < 100
            ? "write the year in full: FY"
                + String.format("%02d", fiscalYear)
                + " is "
                + (2000 + fiscalYear)
            : "check the year for a typo (fiscal years are written like 2027)";
    add(
        location,
        field,
        "must be a fiscal year in "
            + EARLIEST_FISCAL_YEAR
            + ".."
            + LATEST_FISCAL_YEAR
            + ", but was "
            + fiscalYear,
        hint);
    return false;
  }

  /** A non-blank text. */
  void nonBlank(String location, String field, String value, String hint) {
    if (value.isBlank()) {
      add(location, field, "must be non-blank, but was '" + value + "'", hint);
    }
  }
}
