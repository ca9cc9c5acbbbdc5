package org.scplan.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The layout of one CSV file of a workbook: its name and columns, the required ones marked. */
interface SheetLayout {
  String fileName();

  /** Every column, in the writer's order. */
  List<String> columns();

  /** The columns the header must have. */
  Set<String> required();

  /** A sheet's columns in the writer's order, and those the header must have. */
  record Columns(List<String> names, Set<String> required) {
    public Columns {
      names = List.copyOf(names);
      required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
    }

    /** The columns as the sheets declare them: a name ending in {@code !} is required. */
    static Columns of(String... marked) {
      List<String> names = new ArrayList<>();
      Set<String> required = new LinkedHashSet<>();
      for (String column : marked) {
        boolean isRequired = column.endsWith("!");
        String name = isRequired ? column.substring(0, column.length() - 1) : column;
        names.add(name);
        if (isRequired) {
          required.add(name);
        }
      }
      return new Columns(names, required);
    }
  }
}
