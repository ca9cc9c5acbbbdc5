package org.scplan.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scplan.engine.Preparation;
import org.scplan.scenario.Scenario;
import org.scplan.support.AtomicFiles;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.validation.ScenarioValidator;

/**
 * Reads and writes a scenario as a workbook of CSV files, one per entity type, in a folder or a zip
 * archive: the form planners keep in spreadsheets. {@code docs/CSV.md} documents every file and
 * column; {@code examples/notional-theater-csv/} is the embedded theater in this form.
 *
 * <h2>Files</h2>
 *
 * <p>{@code scenario.csv} (required: id, name, horizon), {@code policy.csv}, {@code
 * end-states.csv}, {@code lines-of-effort.csv}, {@code objectives.csv}, {@code scos.csv}, {@code
 * partners.csv}, {@code partner-desires.csv}, {@code gaps.csv}, {@code options.csv}, {@code
 * option-costs.csv}, {@code prerequisites.csv}, {@code programs.csv}, {@code
 * program-eligibility.csv}, {@code appropriations.csv}, {@code balance-rules.csv}, {@code
 * locked-decisions.csv}. A file left out holds no rows (or, for {@code policy.csv}, the default
 * policy). Each file is UTF-8 (a byte-order mark is allowed) in RFC 4180 form; its first row names
 * the columns, in any order. Rows keep their order; blank rows are passed over. Names not ending in
 * {@code .csv} and hidden files are passed over, so a README may sit beside the sheets.
 *
 * <p>Cells: money in whole US dollars without separators, fiscal years written in full ({@code
 * 2027}), fractions as decimals ({@code 0.7}), enum names in any case. A list is one cell with
 * elements separated by {@code ;} ({@code fmf;s333}); a map (policy weights) is {@code key=value}
 * entries so separated. An empty cell of an optional column takes the default; {@code
 * yearsAvailable} takes {@value #NO_YEAR} for money available until expended and may not be left
 * empty.
 *
 * <h2>Errors</h2>
 *
 * <p>Reading collects every problem before it throws one {@link ScenarioValidationException}:
 * unknown files and columns (with the closest name), missing required columns, unreadable cells,
 * references to rows that do not exist, then every problem of {@link ScenarioValidator} located in
 * the files. Each names the file and row ({@code "partners.csv row 4"}, row 1 being the header, as
 * a spreadsheet counts) and the column as its field. A row with an unreadable cell is not validated
 * further until the cell is fixed, since its stand-in value would be reported instead of the
 * planner's.
 *
 * <h2>Limits</h2>
 *
 * <p>Each CSV file at most 64 MiB and all of them at most 256 MiB, counted as they are read (never
 * from the sizes an archive claims); a zip archive has at most 1,000 entries, an entry over 1 MiB
 * expands at most 100 times (zip bombs are refused), entries with absolute paths, drive letters,
 * backslashes or {@code ..} are refused (nothing is extracted to disk in any case), and the CSV
 * files must sit in one folder of the archive. Cost profiles have at most 100 years.
 *
 * <p>Thread-safe: the class holds no state.
 */
public final class ScenarioCsv {
  /** The {@code yearsAvailable} cell of no-year money ("available until expended"). */
  public static final String NO_YEAR = "no-year";

  private ScenarioCsv() {}

  /**
   * Reads and validates the scenario in a folder of CSV files or a {@code .zip} archive of them.
   *
   * @param folderOrZip a folder holding {@code scenario.csv} and the other files, or a zip of them
   * @return a scenario that {@link ScenarioValidator} accepts
   * @throws ScenarioValidationException with every problem found, located by file, row and column
   */
  public static Scenario read(Path folderOrZip) {
    Objects.requireNonNull(folderOrZip, "folderOrZip");
    String title = folderOrZip.toString();
    CsvSource.Files files = CsvSource.load(folderOrZip);
    if (!files.problems().isEmpty()) {
      throw new ScenarioValidationException(title, files.problems());
    }
    ScenarioCsvReader.Result result = ScenarioCsvReader.read(files.texts());
    List<Problem> problems = new ArrayList<>(result.problems());
    if (result.validatable()) {
      problems.addAll(
          ValidatorProblems.locate(
              Preparation.problems(result.scenario()),
              result.origins(),
              result.rowsWithCellProblems()));
    }
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(title, problems);
    }
    return result.scenario();
  }

  /**
   * Writes {@code scenario} into {@code folder} (created if need be) as one CSV file per entity
   * type, every file and column written, each file atomically. Other files in the folder are left
   * alone. The scenario need not be valid; {@link #read} gives back an equal one when it is.
   *
   * @throws IllegalArgumentException when a value cannot be written so as to read back the same: a
   *     NaN or infinite number, a blank scenario name or exclusion group, a list element that is
   *     empty, contains {@code ;} or has spaces around it
   * @throws AtomicFiles.NotARegularFileException when a sheet's path holds a link, FIFO, device or
   *     folder; nothing is written then
   * @throws UncheckedIOException when a file cannot be written
   */
  public static void write(Scenario scenario, Path folder) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(folder, "folder");
    Map<Sheet, String> texts = ScenarioCsvWriter.texts(scenario);
    AtomicFiles.requireReplaceable(
        texts.keySet().stream()
            .map(sheet -> folder.resolve(sheet.fileName()))
            .toArray(Path[]::new));
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + folder + ": " + e.getMessage(), e);
    }
    texts.forEach((sheet, text) -> AtomicFiles.write(folder.resolve(sheet.fileName()), text));
  }

  /** The file names of a scenario workbook, in the writer's order. */
  public static List<String> fileNames() {
    List<String> names = new ArrayList<>();
    for (Sheet sheet : Sheet.values()) {
      names.add(sheet.fileName());
    }
    return List.copyOf(names);
  }
}
