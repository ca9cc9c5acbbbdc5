package org.scplan.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses durations written as planners type them: "10s", "1.5s", "500ms", "2m", "1h" or ISO
 * "PT10S".
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  @Override
  public Duration convert(String text) {
    Duration duration = parse(text);
    if (duration.isNegative() || duration.isZero()) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is not a duration above 0. Maybe write it like 10s, 500ms, 2m or 1h.");
    }
    return duration;
  }

  private static Duration parse(String text) {
    String trimmed = text.trim().toLowerCase(java.util.Locale.ROOT);
    Matcher matcher = SIMPLE.matcher(trimmed);
    if (matcher.matches()) {
      double amount = Double.parseDouble(matcher.group(1));
      double millis =
          switch (matcher.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
          };
      return Duration.ofMillis(Math.round(millis));
    }
    try {
      return Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (java.time.format.DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is not a duration. Maybe write it like 10s, 500ms, 2m or 1h.");
    }
  }
}
