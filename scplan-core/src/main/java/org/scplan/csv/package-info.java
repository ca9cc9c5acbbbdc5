/**
 * CSV workbooks: a scenario as one CSV file per entity type in a folder or zip archive ({@link
 * org.scplan.csv.ScenarioCsv}, read and write, lossless), and a plan as spreadsheet tables ({@link
 * org.scplan.csv.PlanCsv}, write).
 *
 * <p>Jackson's CSV module stays inside this package, in one class, as Jackson's JSON mapper stays
 * inside {@code org.scplan.json}. Reading collects every problem, located by file, row and column,
 * into one {@link org.scplan.validation.ScenarioValidationException}; writing is deterministic byte
 * for byte and atomic per file.
 *
 * <p>Units as in the domain: money in whole US dollars, time in fiscal years, fractions 0–1.
 */
package org.scplan.csv;
