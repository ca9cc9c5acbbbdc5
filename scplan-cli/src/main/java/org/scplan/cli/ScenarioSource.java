package org.scplan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.scplan.csv.ScenarioCsv;
import org.scplan.engine.Preparation;
import org.scplan.examples.NotionalTheater;
import org.scplan.json.ScenarioJson;
import org.scplan.scenario.Scenario;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/**
 * Where a command's scenario comes from: a JSON file, a folder or zip archive of CSV files, or the
 * embedded notional theater.
 */
final class ScenarioSource {
  /** What the scenario parameter of a command accepts, for its help text. */
  static final String LABEL = "SCENARIO";

  /** The parameter's description, shared by the commands that take a scenario. */
  static final String DESCRIPTION =
      "Scenario: a .json file, or a folder or .zip of CSV files (see docs/CSV.md)"
          + " (default: the embedded notional theater).";

  private ScenarioSource() {}

  /**
   * The valid scenario at {@code path}: CSV files when it is a folder or ends in {@code .zip}, JSON
   * otherwise; the embedded notional theater when {@code path} is null. Every problem is located in
   * the files (file and row, or file and JSON path).
   */
  static Scenario load(Path path) {
    if (path == null) {
      return NotionalTheater.scenario();
    }
    return isCsv(path) ? ScenarioCsv.read(path) : ScenarioJson.readValid(path);
  }

  /**
   * As {@link #load}, then refused unless it can be planned: every problem {@code validate} reports
   * (the validator's, or locked decisions that cannot hold), located.
   *
   * @throws ScenarioValidationException with every problem found
   */
  static Scenario loadValid(Path path) {
    Scenario scenario = load(path);
    List<Problem> problems = Preparation.problems(scenario);
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(describe(path), problems);
    }
    return scenario;
  }

  /** Whether {@code path} names a CSV workbook (a folder or a zip archive). */
  static boolean isCsv(Path path) {
    Path name = path.getFileName();
    return Files.isDirectory(path)
        || name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".zip");
  }

  /** How to name the source in messages. */
  static String describe(Path path) {
    return path == null ? "the embedded notional theater" : path.toString();
  }
}
