package org.scplan.cli;

import java.util.Locale;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.settings.SolverSettings;
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

  /**
   * A memory size in bytes, written as the JVM's {@code -Xmx} takes it: a whole number with an
   * optional k, m or g (KiB, MiB, GiB), at least {@link AllocatorConfig#MIN_MAX_MEMORY}.
   */
  static final class MemorySize implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      String trimmed = text.trim().toLowerCase(Locale.ROOT);
      long unit = 1;
      if (!trimmed.isEmpty()) {
        switch (trimmed.charAt(trimmed.length() - 1)) {
          case 'k' -> unit = 1L << 10;
          case 'm' -> unit = 1L << 20;
          case 'g' -> unit = 1L << 30;
          default -> unit = 1;
        }
      }
      String digits = unit == 1 ? trimmed : trimmed.substring(0, trimmed.length() - 1);
      long value;
      try {
        value = Long.parseLong(digits);
      } catch (NumberFormatException e) {
        throw new TypeConversionException(
            "'" + text + "' is not a memory size. Maybe write 1g or 768m.");
      }
      if (value < 1
          || value > Long.MAX_VALUE / unit
          || value * unit < AllocatorConfig.MIN_MAX_MEMORY) {
        throw new TypeConversionException(
            "'" + text + "' is out of range: a memory budget must be at least 64m.");
      }
      return value * unit;
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
