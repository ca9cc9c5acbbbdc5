package org.scplan.testing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV text as a spreadsheet reads it, independent of scplan's own CSV reader (which removes the
 * quote that neutralises a formula): the cells it would run as formulas, and those scplan
 * neutralised.
 */
public final class SpreadsheetCells {
  /** A cell a spreadsheet runs: a formula start not followed by a plain number. */
  private static final Pattern FORMULA =
      Pattern.compile("[=+@\\t\\r-](?![0-9.]+([eE][-+]?[0-9]+)?$).*", Pattern.DOTALL);

  /** A cell written with the leading quote that stops a spreadsheet running it. */
  private static final Pattern NEUTRALISED = Pattern.compile("'+[=+@\\t\\r-].*", Pattern.DOTALL);

  private static final ObjectReader RAW =
      new CsvMapper()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .readerFor(String[].class)
          .with(CsvSchema.emptySchema());

  private SpreadsheetCells() {}

  /** The cells of {@code csv} that a spreadsheet would run as formulas. */
  public static List<String> formulas(String csv) {
    return matching(csv, FORMULA);
  }

  /** The cells of {@code csv} that start with a quote before a formula character. */
  public static List<String> neutralised(String csv) {
    return matching(csv, NEUTRALISED);
  }

  /** The text of {@code file}. */
  public static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> matching(String csv, Pattern pattern) {
    List<String> cells = new ArrayList<>();
    try (MappingIterator<String[]> rows = RAW.readValues(csv)) {
      while (rows.hasNextValue()) {
        for (String cell : rows.nextValue()) {
          if (pattern.matcher(cell).matches()) {
            cells.add(cell);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cells;
  }
}
