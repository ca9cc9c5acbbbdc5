package org.scplan.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scplan.support.CsvText;
import org.scplan.support.EditDistance;
import org.scplan.validation.Problem;

/**
 * One sheet as read: its header checked against the sheet's columns (unknown, duplicate and missing
 * required columns are problems) and its non-blank data rows.
 */
final class Table {
  private final SheetLayout sheet;
  private final Map<String, Integer> indexByColumn;
  private final List<CsvText.Record> rows;
  private final boolean unreadable;

  private Table(
      SheetLayout sheet,
      Map<String, Integer> indexByColumn,
      List<CsvText.Record> rows,
      boolean unreadable) {
    this.sheet = sheet;
    this.indexByColumn = indexByColumn;
    this.rows = rows;
    this.unreadable = unreadable;
  }

  /** A sheet that is not in the input: no columns, no rows. */
  static Table absent(SheetLayout sheet) {
    return new Table(sheet, Map.of(), List.of(), false);
  }

  /** Reads {@code text} as {@code sheet}, adding every header problem to {@code problems}. */
  static Table read(SheetLayout sheet, String text, List<Problem> problems) {
    String file = sheet.fileName();
    List<CsvText.Record> records;
    try {
      records = CsvText.parse(text);
    } catch (CsvText.MalformedCsvException e) {
      problems.add(
          new Problem(
              file + " line " + e.line(),
              "",
              "Not valid CSV: " + e.getMessage() + ".",
              "close the quote, or double it (\"\") where it is part of the value; until then"
                  + " the rows of the other files that refer to this one are not checked."));
      return new Table(sheet, Map.of(), List.of(), true);
    }
    if (records.isEmpty() || records.get(0).blank()) {
      problems.add(
          new Problem(
              file + " row 1",
              "",
              "The header row is missing: the first row must name the columns.",
              "start the file with: " + String.join(",", sheet.columns())));
      return absent(sheet);
    }
    String[] header = records.get(0).cells();
    List<CsvText.Record> data = new ArrayList<>();
    for (CsvText.Record record : records.subList(1, records.size())) {
      if (!record.blank()) {
        data.add(record);
      }
    }
    Map<String, Integer> indexByColumn = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      String column = header[i].strip();
      String where = file + " row 1";
      if (column.isEmpty()) {
        if (columnHasData(data, i)) {
          problems.add(
              new Problem(
                  where,
                  "column " + (i + 1),
                  "The column has values but no name in the header.",
                  "name it, or delete the column."));
        }
        continue;
      }
      if (!sheet.columns().contains(column)) {
        String closest = closest(column, sheet.columns());
        problems.add(
            new Problem(
                where,
                column,
                "Unknown column '" + column + "'.",
                closest != null
                    ? "did you mean '" + closest + "'?"
                    : "the columns of " + file + " are " + String.join(", ", sheet.columns())));
        continue;
      }
      Integer previous = indexByColumn.putIfAbsent(column, i);
      if (previous != null) {
        problems.add(
            new Problem(
                where,
                column,
                "Column '"
                    + column
                    + "' appears twice, as columns "
                    + (previous + 1)
                    + " and "
                    + (i + 1)
                    + ".",
                "keep one of them."));
      }
    }
    for (String column : sheet.required()) {
      if (!indexByColumn.containsKey(column)) {
        problems.add(
            new Problem(
                file + " row 1",
                column,
                "Required column '" + column + "' is missing.",
                "add a column named '" + column + "'."));
      }
    }
    for (CsvText.Record record : data) {
      if (record.cells().length > header.length) {
        for (int i = header.length; i < record.cells().length; i++) {
          if (!record.cells()[i].isBlank()) {
            problems.add(
                new Problem(
                    file + " row " + record.row(),
                    "column " + (i + 1),
                    "The row has a value beyond the header's "
                        + header.length
                        + " columns: '"
                        + record.cells()[i]
                        + "'.",
                    "check for a comma inside a value that is not quoted."));
            break;
          }
        }
      }
    }
    return new Table(sheet, indexByColumn, data, false);
  }

  private static boolean columnHasData(List<CsvText.Record> data, int index) {
    for (CsvText.Record record : data) {
      if (index < record.cells().length && !record.cells()[index].isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** The closest of {@code candidates} to a misspelt {@code given}, or {@code null}. */
  static String closest(String given, Collection<String> candidates) {
    String near = EditDistance.closest(given, candidates);
    if (near != null
        && EditDistance.between(
                EditDistance.lowerCase(given), EditDistance.lowerCase(near), given.length())
            < given.length()) {
      return near;
    }
    return null;
  }

  /**
   * Whether the file is given but is not CSV: its rows are unknown, so references into it cannot be
   * checked.
   */
  boolean unreadable() {
    return unreadable;
  }

  SheetLayout sheet() {
    return sheet;
  }

  List<CsvText.Record> rows() {
    return rows;
  }

  /** Whether the header has {@code column}. */
  boolean has(String column) {
    return indexByColumn.containsKey(column);
  }

  /** The cell of {@code record} in {@code column}, or {@code null} when the header lacks it. */
  String cell(CsvText.Record record, String column) {
    Integer index = indexByColumn.get(column);
    if (index == null) {
      return null;
    }
    return index < record.cells().length ? record.cells()[index] : "";
  }
}
