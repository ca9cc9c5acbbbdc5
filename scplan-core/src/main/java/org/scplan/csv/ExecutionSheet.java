package org.scplan.csv;

import java.util.List;
import java.util.Set;

/**
 * The CSV files of an execution record and their columns, in the order the writer puts them; {@code
 * docs/CSV.md} explains each. A column marked required must be in the header.
 */
enum ExecutionSheet implements SheetLayout {
  EXECUTION("execution.csv", "scenarioId!", "throughFiscalYear!"),
  ACTIVITIES(
      "activities.csv", "fiscalYear!", "optionId!", "status!", "delayedToFiscalYear", "note"),
  OBLIGATIONS("obligations.csv", "fiscalYear!", "optionId!", "appropriationFiscalYear!", "amount!"),
  OBSERVATIONS("observations.csv", "fiscalYear!", "measureId!", "value!");

  private final String fileName;
  private final Columns columns;

  ExecutionSheet(String fileName, String... columns) {
    this.fileName = fileName;
    this.columns = Columns.of(columns);
  }

  @Override
  public String fileName() {
    return fileName;
  }

  @Override
  public List<String> columns() {
    return columns.names();
  }

  @Override
  public Set<String> required() {
    return columns.required();
  }
}
