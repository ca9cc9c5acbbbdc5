package org.scplan.json;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.scplan.scenario.Scenario;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.validation.ScenarioValidator;

/**
 * Reads and writes scenario files: JSON, UTF-8, format version {@value Scenario#FORMAT_VERSION}.
 *
 * <h2>Format</h2>
 *
 * <p>One top-level object: {@code formatVersion}, then the components of {@link Scenario} in
 * declaration order ({@code id}, {@code name}, {@code horizon}, {@code policy}, {@code endStates},
 * {@code linesOfEffort}, {@code objectives}, {@code securityCooperationOffices}, {@code partners},
 * {@code gaps}, {@code options}, {@code programs}, {@code balanceRules}, {@code lockedDecisions}).
 * Every nested object has exactly the component names of its record. Enums are written as their
 * upper-case names; sets of enums as arrays; {@code desireByRole} as an object keyed by role,
 * {@code tierWeights} keyed by tier number as a string ({@code "1"}), {@code roleTypeWeights} keyed
 * by enum name. Money is a JSON integer of whole US dollars that fits in a {@code long}; fiscal
 * years are whole numbers ({@code 2027}).
 *
 * <h2>Optional fields</h2>
 *
 * <p>A field not listed here is required, and JSON {@code null} does not count as present. Optional
 * fields may be left out (or, for reference types, be {@code null}) and then take these values:
 *
 * <ul>
 *   <li>{@code Scenario.name}: the id; {@code Scenario.policy}: {@link
 *       org.scplan.scenario.Policy#defaults()}; inside {@code policy} every field is optional with
 *       its default value, and a map or list given replaces the default one whole;
 *   <li>every array (lists and sets) and {@code desireByRole}: empty;
 *   <li>{@code CapabilityGap}: {@code description} "", {@code thirdPartyCoverage} 0;
 *   <li>{@code SolutionOption}: {@code name} "", {@code leadTimeYears} 0, {@code
 *       earliestStartFiscalYear} and {@code latestStartFiscalYear} null (the horizon's bounds),
 *       {@code exclusionGroup} null, {@code scoWorkloadPersonWeeksPerYear} 0, {@code
 *       sustainmentCostPerYear} 0, {@code providingRisk} 1;
 *   <li>{@code Program}: {@code authority} "", {@code maxSpanYears} null, {@code eligibility}
 *       unrestricted, {@code planningLeadTimeYears} 0, {@code perPartnerAnnualCap} null (no cap);
 *   <li>{@code Partner}: {@code absorptiveCapacityPerYear} and {@code sustainmentBudgetPerYear}
 *       null (not limited);
 *   <li>{@code BalanceRule}: {@code description} "", each of its four bounds null (none);
 *   <li>{@code LockedDecision.note}: "";
 *   <li>{@code Objective.measuresOfEffectiveness} and {@code SolutionOption.measuresOfPerformance}:
 *       empty (the writer leaves an empty list out, so files from before measures existed are
 *       written unchanged); {@code Measure.unit}: "".
 * </ul>
 *
 * <p>{@code Appropriation.yearsAvailable} must be present: a whole number of fiscal years, or
 * {@code null} for no-year money ("available until expended"), so that a forgotten field never
 * silently becomes no-year money. The writer writes every field, nulls included ({@code
 * "yearsAvailable": null}).
 *
 * <h2>Errors</h2>
 *
 * <p>Reading walks the whole document and throws one {@link ScenarioValidationException} with every
 * structural problem: unknown fields (with the closest known name), missing required fields, wrong
 * JSON types, unknown enum values, money that is fractional or beyond a {@code long}, non-finite
 * numbers, and a missing or different {@code formatVersion}. Each problem is located as {@code
 * "<source> $.partners[3] (partner 'p-bandaria')"} (the JSON path of the object and the id of the
 * entity) with the field name as its field ({@code costProfile[2]} for an element of an array,
 * {@code desireByRole['maritime']} for an entry of a map). A document of another format version is
 * reported with that problem alone. Malformed JSON, including a duplicate key, NaN or Infinity, is
 * reported as a single problem located {@code "<source> line L, column C"}. Ranges, references and
 * cycles are not checked here but by {@code org.scplan.validation.ScenarioValidator}: a scenario
 * read is structurally sound, not valid.
 *
 * <p>A file that is missing or cannot be read is also reported as a {@link
 * ScenarioValidationException}, with one problem located at the path, so that callers handle every
 * unusable input in one place. No Jackson exception leaves this class.
 *
 * <h2>Input limits</h2>
 *
 * <p>Nesting depth 64, strings of at most 1,000,000 characters, field names of at most 200
 * characters (the id limit of {@link org.scplan.validation.InputLimits}), numbers of at most 100
 * characters, documents of at most 256 MB. Input beyond a limit is refused with a problem located
 * where the parser stopped, without deep recursion.
 *
 * <p>Thread-safe: the class holds no state.
 */
public final class ScenarioJson {
  private ScenarioJson() {}

  /**
   * Reads the scenario in {@code file}, naming the file by its path in problems.
   *
   * @throws ScenarioValidationException when the file is missing, unreadable, malformed or not a
   *     structurally sound scenario, with every problem found
   */
  public static Scenario read(Path file) {
    Objects.requireNonNull(file, "file");
    return JsonSupport.readFile(file, ScenarioJson::read);
  }

  /**
   * Reads the scenario in {@code file} and checks every rule of {@link
   * org.scplan.validation.ScenarioValidator}, each problem located in the file by its JSON path
   * ({@code "theater.json $.options[3] (SolutionOption 'o-1')"}, field {@code costProfile[1]}).
   *
   * @return a scenario the validator accepts
   * @throws ScenarioValidationException with every structural problem or, for a structurally sound
   *     file, every rule problem
   */
  public static Scenario readValid(Path file) {
    Scenario scenario = read(file);
    List<Problem> problems = ScenarioValidator.problems(scenario);
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(
          file.toString(), ValidatorPaths.locate(problems, scenario, file.toString()));
    }
    return scenario;
  }

  /**
   * Reads the scenario in {@code json}.
   *
   * @param sourceName what to call the input in problems, e.g. a file name
   * @throws ScenarioValidationException when {@code json} is malformed or not a structurally sound
   *     scenario, with every problem found
   */
  public static Scenario read(String json, String sourceName) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sourceName, "sourceName");
    return ScenarioReader.read(
        JsonSupport.parse(factory -> factory.createParser(json), sourceName), sourceName);
  }

  /**
   * Reads the scenario in {@code in} (UTF-8, UTF-16 or UTF-32, detected); does not close it.
   *
   * @param sourceName what to call the input in problems, e.g. a file name
   * @throws ScenarioValidationException when the input cannot be read, is malformed or is not a
   *     structurally sound scenario, with every problem found
   */
  public static Scenario read(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    return ScenarioReader.read(JsonSupport.parse(in, sourceName), sourceName);
  }

  /**
   * The scenario as JSON text, identical byte for byte for equal scenarios: 2-space indent, {@code
   * \n} line endings, a trailing newline, every field written.
   *
   * @throws IllegalArgumentException if a number in it is NaN or infinite, which JSON cannot
   *     represent
   */
  public static String write(Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    return JsonSupport.print(
        "scenario " + scenario.id(), document -> ScenarioWriter.write(scenario, document));
  }

  /**
   * Writes the scenario to {@code file} as by {@link #write(Scenario)}, atomically: readers see the
   * old file or the new one, never a part.
   *
   * @throws IllegalArgumentException if a number in it is NaN or infinite
   * @throws ScenarioValidationException if the file would be longer than the 256 MB the readers
   *     take; nothing is written then
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(Scenario scenario, Path file) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(scenario, "scenario");
    JsonSupport.writeAtomically(
        file, "scenario " + scenario.id(), document -> ScenarioWriter.write(scenario, document));
  }
}
