package org.scplan.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scplan.support.CsvText;
import org.scplan.validation.InputLimits;
import org.scplan.validation.Problem;

/**
 * Reads the cells of one row, recording a problem located by file, row and column for every cell
 * that cannot be read. A cell that cannot be read yields a stand-in value (0, the default, the
 * first constant of an enum) so that the row's entity still exists for the checks of other rows;
 * {@link #clean()} tells whether that happened.
 */
final class RowReader {
  /** Separates the elements of a list cell ({@code "fmf;s333"}). */
  static final String LIST_SEPARATOR = InputLimits.LIST_SEPARATOR;

  /** Separates key and value in a map cell ({@code "1=4;2=2"}). */
  static final String KEY_SEPARATOR = "=";

  /** Written for an empty map or list where an empty cell would mean "the default". */
  static final String NONE = "none";

  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  private final Table table;
  private final CsvText.Record record;
  private final List<Problem> problems;
  private final Set<String> rowsWithCellProblems;
  private boolean clean = true;

  /**
   * A reader of {@code record} that adds its problems to {@code problems} and, when it has any, its
   * location to {@code rowsWithCellProblems}.
   */
  RowReader(
      Table table,
      CsvText.Record record,
      List<Problem> problems,
      Set<String> rowsWithCellProblems) {
    this.table = table;
    this.record = record;
    this.problems = problems;
    this.rowsWithCellProblems = rowsWithCellProblems;
  }

  /** "partners.csv row 4". */
  String location() {
    return table.sheet().fileName() + " row " + record.row();
  }

  int row() {
    return record.row();
  }

  /** Whether every cell read so far was readable. */
  boolean clean() {
    return clean;
  }

  void problem(String column, String message, String hint) {
    markUnclean();
    if (!table.has(column) && table.sheet().required().contains(column)) {
      return;
    }
    problems.add(new Problem(location(), column, message, hint));
  }

  private void markUnclean() {
    clean = false;
    rowsWithCellProblems.add(location());
  }

  /**
   * The cell as written; "" when the column is absent. A required column missing from the header is
   * reported once, for the header, so its empty stand-in marks the row without a problem per row.
   */
  private String raw(String column) {
    String cell = table.cell(record, column);
    if (cell == null && table.sheet().required().contains(column)) {
      markUnclean();
    }
    return cell == null ? "" : cell;
  }

  /** The text as written, "" when empty or when the column is absent. */
  String text(String column) {
    return raw(column);
  }

  /** The text as written, or {@code null} when the cell is empty or blank. */
  String optionalText(String column) {
    String cell = raw(column);
    return cell.isBlank() ? null : cell;
  }

  int requiredInt(String column) {
    Long value = whole(column, true, Integer.MIN_VALUE, Integer.MAX_VALUE, "a whole number");
    return value == null ? 0 : value.intValue();
  }

  /** A required whole number, or {@code null} (with a problem) when it cannot be read. */
  Integer requiredIntOrNull(String column) {
    Long value = whole(column, true, Integer.MIN_VALUE, Integer.MAX_VALUE, "a whole number");
    return value == null ? null : value.intValue();
  }

  int optionalInt(String column, int absent) {
    Long value = whole(column, false, Integer.MIN_VALUE, Integer.MAX_VALUE, "a whole number");
    return value == null ? absent : value.intValue();
  }

  Integer nullableInt(String column) {
    Long value = whole(column, false, Integer.MIN_VALUE, Integer.MAX_VALUE, "a whole number");
    return value == null ? null : value.intValue();
  }

  long requiredMoney(String column) {
    Long value = whole(column, true, Long.MIN_VALUE, Long.MAX_VALUE, "whole dollars");
    return value == null ? 0L : value;
  }

  long optionalMoney(String column, long absent) {
    Long value = whole(column, false, Long.MIN_VALUE, Long.MAX_VALUE, "whole dollars");
    return value == null ? absent : value;
  }

  Long nullableMoney(String column) {
    return whole(column, false, Long.MIN_VALUE, Long.MAX_VALUE, "whole dollars");
  }

  double requiredDouble(String column) {
    Double value = number(column, raw(column), true);
    return value == null ? 0.0 : value;
  }

  double optionalDouble(String column, double absent) {
    Double value = number(column, raw(column), false);
    return value == null ? absent : value;
  }

  Double nullableDouble(String column) {
    return number(column, raw(column), false);
  }

  /** An enum constant, matched ignoring case; the first constant when unreadable. */
  <E extends Enum<E>> E requiredEnum(String column, Class<E> type) {
    String cell = raw(column).strip();
    E[] constants = type.getEnumConstants();
    if (cell.isEmpty()) {
      problem(column, "is required but the cell is empty.", "give one of " + names(type) + ".");
      return constants[0];
    }
    E value = constant(column, cell, type);
    return value == null ? constants[0] : value;
  }

  /** A list cell of enum constants ({@code "DOD;STATE"}); empty when the cell is empty. */
  <E extends Enum<E>> Set<E> enumSet(String column, Class<E> type) {
    EnumSet<E> values = EnumSet.noneOf(type);
    for (String element : strings(column)) {
      E value = constant(column, element, type);
      if (value != null && !values.add(value)) {
        problem(column, value.name() + " is listed more than once.", "list each entry once.");
      }
    }
    return values;
  }

  /** A list cell ({@code "fmf;s333"}), elements trimmed; empty when the cell is empty. */
  List<String> strings(String column) {
    String cell = raw(column).strip();
    if (cell.isEmpty()) {
      return List.of();
    }
    List<String> elements = new ArrayList<>();
    String[] parts = cell.split(Pattern.quote(LIST_SEPARATOR), -1);
    for (int i = 0; i < parts.length; i++) {
      String element = parts[i].strip();
      if (element.isEmpty()) {
        problem(
            column,
            "element " + (i + 1) + " of '" + cell + "' is empty.",
            "separate the elements with single '" + LIST_SEPARATOR + "', e.g. 'a;b'.");
      } else {
        elements.add(element);
      }
    }
    return elements;
  }

  /**
   * A map cell ({@code "1=4;2=2"}), {@code NONE} for an empty map, or {@code null} when the cell is
   * empty (the default applies).
   */
  <K> Map<K, Double> numberMap(String column, Function<String, K> key, String keyDescription) {
    String cell = raw(column).strip();
    if (cell.isEmpty()) {
      return null;
    }
    Map<K, Double> map = new LinkedHashMap<>();
    if (cell.equalsIgnoreCase(NONE)) {
      return map;
    }
    for (String element : strings(column)) {
      int equals = element.indexOf(KEY_SEPARATOR);
      if (equals < 0) {
        problem(
            column,
            "entry '" + element + "' has no '" + KEY_SEPARATOR + "'.",
            "write entries as key=value separated by ';', e.g. '1=4;2=2'.");
        continue;
      }
      String keyText = element.substring(0, equals).strip();
      K parsedKey = key.apply(keyText);
      if (parsedKey == null) {
        problem(column, "'" + keyText + "' is not " + keyDescription + ".", "");
        continue;
      }
      Double value = number(column, element.substring(equals + 1), true);
      if (value != null && map.put(parsedKey, value) != null) {
        problem(column, "key '" + keyText + "' is given twice.", "keep one entry per key.");
      }
    }
    return map;
  }

  /** A list cell of numbers, {@code NONE} for empty, {@code null} when the cell is empty. */
  List<Double> numberList(String column) {
    String cell = raw(column).strip();
    if (cell.isEmpty()) {
      return null;
    }
    List<Double> numbers = new ArrayList<>();
    if (cell.equalsIgnoreCase(NONE)) {
      return numbers;
    }
    for (String element : strings(column)) {
      Double value = number(column, element, true);
      if (value != null) {
        numbers.add(value);
      }
    }
    return numbers;
  }

  private Long whole(String column, boolean required, long minimum, long maximum, String what) {
    String cell = raw(column).strip();
    if (cell.isEmpty()) {
      if (required) {
        problem(column, "is required but the cell is empty.", "give " + what + ".");
      }
      return null;
    }
    if (!WHOLE.matcher(cell).matches()) {
      problem(column, "'" + cell + "' is not " + what + ".", wholeHint(cell, what));
      return null;
    }
    try {
      long value = Long.parseLong(cell);
      if (value < minimum || value > maximum) {
        problem(column, "'" + cell + "' is out of range for " + what + ".", "");
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      problem(column, "'" + cell + "' is too large for " + what + ".", "");
      return null;
    }
  }

  private static String wholeHint(String cell, String what) {
    if (cell.contains(",") || cell.contains("$") || cell.contains(" ")) {
      return "write the number plainly, without '$', spaces or thousands separators.";
    }
    if (DECIMAL.matcher(cell).matches()) {
      return "write " + what + " without a fraction.";
    }
    return "give " + what + ".";
  }

  private Double number(String column, String text, boolean required) {
    String cell = text.strip();
    if (cell.isEmpty()) {
      if (required) {
        problem(column, "is required but the cell is empty.", "give a number.");
      }
      return null;
    }
    if (!DECIMAL.matcher(cell).matches()) {
      problem(
          column,
          "'" + cell + "' is not a number.",
          cell.endsWith("%")
              ? "give a fraction, not a percentage (0.7 for 70 %)."
              : "write a plain decimal number such as 0.75.");
      return null;
    }
    double value = Double.parseDouble(cell);
    if (!Double.isFinite(value)) {
      problem(column, "'" + cell + "' is too large a number.", "");
      return null;
    }
    return value;
  }

  private <E extends Enum<E>> E constant(String column, String text, Class<E> type) {
    String given = text.strip();
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(given)) {
        return constant;
      }
    }
    List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    String closest = Table.closest(given.toUpperCase(Locale.ROOT), names);
    problem(
        column,
        "'" + given + "' is not one of " + names(type) + ".",
        closest != null ? "did you mean '" + closest + "'?" : "");
    return null;
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
