package org.scplan.cli;

import java.util.Locale;
import org.scplan.optimizer.SolverSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for the numbers options take, each refusing what the option cannot mean, so
 * that a bad value is a usage error (exit 2) naming the option, never a stack trace from deeper
 * down.
 */
final class OptionValues {
  private OptionValues() {}

  /** Solver worker threads: a whole number in 1..{@link SolverSettings#MAX_WORKERS}. */
  static final class Workers implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return wholeNumber(text, 1, SolverSettings.MAX_WORKERS, "worker threads");
    }
  }

  /** A count of at least 1 (runs, threads). */
  static final class PositiveCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return wholeNumber(text, 1, Integer.MAX_VALUE, "a count");
    }
  }

  /** A count of at least 0. */
  static final class Count implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return wholeNumber(text, 0, Integer.MAX_VALUE, "a count");
    }
  }

  /** A fraction: a finite number in 0..1. */
  static final class Fraction implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      double value = number(text);
      if (!(value >= 0 && value <= 1)) {
        throw new TypeConversionException(
            "'" + text + "' is not a fraction in 0..1. Maybe write 0.01 for 1 %.");
      }
      return value;
    }
  }

  /** Work units (CP-SAT deterministic time): a finite number above 0. */
  static final class PositiveUnits implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      double value = number(text);
      if (!(value > 0 && Double.isFinite(value))) {
        throw new TypeConversionException(
            "'" + text + "' is not a finite number above 0. Maybe write 5 or 0.5.");
      }
      return value;
    }
  }

  private static double number(String text) {
    String trimmed = text.trim();
    try {
      // Double.parseDouble takes "NaN" and "Infinity", which no option means; they fail below.
      return Double.parseDouble(trimmed.toLowerCase(Locale.ROOT).startsWith("0x") ? "x" : trimmed);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a number.");
    }
  }

  private static int wholeNumber(String text, int least, int most, String what) {
    long value;
    try {
      value = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a whole number.");
    }
    if (value < least || value > most) {
      throw new TypeConversionException(
          "'"
              + text
              + "' is out of range: "
              + what
              + " must be "
              + (most == Integer.MAX_VALUE ? "at least " + least : "in " + least + ".." + most)
              + ".");
    }
    return (int) value;
  }
}
