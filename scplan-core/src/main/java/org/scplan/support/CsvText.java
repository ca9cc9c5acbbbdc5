package org.scplan.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place that parses and prints CSV (scenario and plan tables, sweep results and the
 * benchmarks' files), with Jackson's CSV module (RFC 4180: comma separated, double-quoted cells
 * with doubled quotes inside, cells may span lines). Cells are kept as text, untrimmed; the readers
 * decide what they mean.
 *
 * <p>Printing neutralises formulas (OWASP's CSV injection advice): a cell that a spreadsheet would
 * run as a formula, one starting with {@code = + - @}, a tab or a carriage return, unless it is a
 * plain number such as {@code -5} or {@code 1.5e-3}, is written with a single quote in front. So
 * that every text survives a round trip, a cell that already starts with quotes followed by such a
 * character gets one more. Parsing undoes exactly that: one leading quote is removed from a cell
 * whose leading quotes are followed by one of those characters. Other cells, a lone {@code 'x}
 * included, are read as written.
 */
public final class CsvText {
  private static final CsvMapper MAPPER =
      CsvMapper.builder()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          // Quote only cells that need it (by default long ones are quoted without need).
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .build();

  private static final ObjectReader READER =
      MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema());

  private static final ObjectWriter WRITER =
      MAPPER.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator("\n"));

  /** A cell a spreadsheet reads as a number: kept as written though it may start with - or +. */
  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  private CsvText() {}

  /**
   * {@code cell} as written into a file: with a single quote in front when a spreadsheet would run
   * it as a formula, or when its leading quotes precede such a start (see the class comment).
   */
  public static String neutralise(String cell) {
    return cell != null && startsFormula(cell, 0) && !PLAIN_NUMBER.matcher(cell).matches()
        ? "'" + cell
        : cell;
  }

  /** The text {@link #neutralise} was given, from the cell it wrote. */
  public static String restore(String cell) {
    return cell.startsWith("'") && startsFormula(cell, 1) ? cell.substring(1) : cell;
  }

  /** Whether {@code cell}, after its leading quotes from {@code from} on, starts a formula. */
  private static boolean startsFormula(String cell, int from) {
    int at = from;
    while (at < cell.length() && cell.charAt(at) == '\'') {
      at++;
    }
    if (at == cell.length()) {
      return false;
    }
    return switch (cell.charAt(at)) {
      case '=', '+', '-', '@', '\t', '\r' -> true;
      default -> false;
    };
  }

  /**
   * One record of a file.
   *
   * @param row the record's number, 1 for the first (the header), counting blank lines as rows as
   *     spreadsheets do
   * @param line the line the record starts on, 1-based
   * @param cells the cells as written
   */
  public record Record(int row, int line, String[] cells) {
    /** Whether every cell is empty or blank. */
    public boolean blank() {
      for (String cell : cells) {
        if (!cell.isBlank()) {
          return false;
        }
      }
      return true;
    }
  }

  /** Thrown for text that is not CSV (an unterminated quote), with the line where it stopped. */
  public static final class MalformedCsvException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    MalformedCsvException(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  /** The records of {@code text}, a leading byte-order mark removed. */
  public static List<Record> parse(String text) throws MalformedCsvException {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Record> records = new ArrayList<>();
    try (MappingIterator<String[]> iterator = READER.readValues(content)) {
      int row = 0;
      while (true) {
        int line = iterator.getCurrentLocation().getLineNr();
        try {
          if (!iterator.hasNextValue()) {
            break;
          }
          String[] cells = iterator.nextValue();
          for (int i = 0; i < cells.length; i++) {
            cells[i] = restore(cells[i]);
          }
          records.add(new Record(++row, Math.max(1, line), cells));
        } catch (JsonProcessingException e) {
          int opened = unclosedQuoteLine(content);
          if (opened > 0) {
            throw new MalformedCsvException(
                opened, "the double quote that opens a value here is never closed");
          }
          int at = e.getLocation() == null ? line : e.getLocation().getLineNr();
          throw new MalformedCsvException(Math.max(1, at), e.getOriginalMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse CSV held in memory", e);
    }
    return records;
  }

  /**
   * The line on which a quoted value opens that the text never closes, or 0 when every quote is
   * closed. The parser itself only notices at the end of the file, which is no help to find it.
   */
  static int unclosedQuoteLine(String content) {
    int line = 1;
    int openedOn = 0;
    boolean quoted = false;
    boolean fieldStart = true;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
            i++;
          } else {
            quoted = false;
          }
        }
      } else if (c == '"' && fieldStart) {
        quoted = true;
        openedOn = line;
      }
      if (c == '\n') {
        line++;
      }
      fieldStart = !quoted && (c == ',' || c == '\n' || c == '\r');
    }
    return quoted ? openedOn : 0;
  }

  /**
   * {@code rows} as CSV text: formulas neutralised, quotes only where needed, {@code \n} line
   * endings.
   */
  public static String print(List<String[]> rows) {
    StringWriter text = new StringWriter();
    try (SequenceWriter writer = WRITER.writeValues(text)) {
      for (String[] row : rows) {
        String[] cells = new String[row.length];
        for (int i = 0; i < row.length; i++) {
          cells[i] = neutralise(row[i]);
        }
        writer.write(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot print CSV held in memory", e);
    }
    return text.toString();
  }
}
