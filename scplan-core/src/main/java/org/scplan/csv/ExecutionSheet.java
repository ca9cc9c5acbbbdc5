package org.scplan.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
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
  private final List<String> columns;
  private final Set<String> required;

  ExecutionSheet(String fileName, String... columns) {
    this.fileName = fileName;
    List<String> names = new ArrayList<>();
    Set<String> requiredNames = new LinkedHashSet<>();
    for (String column : columns) {
      boolean isRequired = column.endsWith("!");
      String name = isRequired ? column.substring(0, column.length() - 1) : column;
      names.add(name);
      if (isRequired) {
        requiredNames.add(name);
      }
    }
    this.columns = List.copyOf(names);
    this.required = Collections.unmodifiableSet(requiredNames);
  }

  @Override
  public String fileName() {
    return fileName;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public Set<String> required() {
    return required;
  }
}
