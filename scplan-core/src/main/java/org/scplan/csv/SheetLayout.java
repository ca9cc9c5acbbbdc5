package org.scplan.csv;

import java.util.List;
import java.util.Set;

/** The layout of one CSV file of a workbook: its name and columns, the required ones marked. */
interface SheetLayout {
  String fileName();

  /** Every column, in the writer's order. */
  List<String> columns();

  /** The columns the header must have. */
  Set<String> required();
}
