package org.scplan.testing;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.scplan.engine.Preparation;
import org.scplan.json.PlanJson;
import org.scplan.json.ScenarioJson;
import org.scplan.scenario.Scenario;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/**
 * The input readers under fuzzing and adversarial replay, each as "bytes in, object or {@link
 * ScenarioValidationException} out". A new reader (the CSV reader) is one more constant here, one
 * more {@code @FuzzTest} method and one more corpus directory.
 */
public enum InputReaders {
  /**
   * {@link ScenarioJson#read(java.io.InputStream, String)}, then every check a solve makes before
   * it starts ({@link Preparation#problems}: validation and locked decisions).
   */
  SCENARIO_JSON(
      "scenarioJson",
      (bytes, source) -> {
        Scenario scenario = ScenarioJson.read(new ByteArrayInputStream(bytes), source);
        List<Problem> problems = Preparation.problems(scenario);
        if (!problems.isEmpty()) {
          throw new ScenarioValidationException(source, problems);
        }
        return scenario;
      }),
  /** {@link PlanJson#read(java.io.InputStream, String)}. */
  PLAN_JSON("planJson", (bytes, source) -> PlanJson.read(new ByteArrayInputStream(bytes), source));

  /**
   * A place in a file after its source name: a line and column, a JSON path ({@code $...}), or a
   * byte offset.
   */
  private static final Pattern IN_FILE =
      Pattern.compile(".*(line \\d+, column \\d+|\\$.*| byte \\d+)", Pattern.DOTALL);

  /**
   * An entity of a scenario, by its type and usually its id ("Partner 'p-0'", "PlanningHorizon").
   */
  private static final Pattern ENTITY =
      Pattern.compile(
          "(Scenario|PlanningHorizon|Policy|EndState|LineOfEffort|Objective"
              + "|SecurityCooperationOffice|Partner|CapabilityGap|SolutionOption|Program"
              + "|BalanceRule|LockedDecision)\\b.*",
          Pattern.DOTALL);

  private final String corpusDirectory;
  private final BiFunction<byte[], String, Object> reader;

  InputReaders(String corpusDirectory, BiFunction<byte[], String, Object> reader) {
    this.corpusDirectory = corpusDirectory;
    this.reader = reader;
  }

  /** The directory of this reader's corpus under the fuzz test's inputs directory. */
  public String corpusDirectory() {
    return corpusDirectory;
  }

  /**
   * Reads {@code input} named {@code sourceName}.
   *
   * @throws ScenarioValidationException when the input is unusable; any other exception is a bug
   */
  public Object read(byte[] input, String sourceName) {
    return reader.apply(input, sourceName);
  }

  /**
   * Reads {@code input} and fails with an {@link AssertionError} unless it is accepted or refused
   * with the library's own exception, every problem located and with a message. The property the
   * fuzzer and the adversarial corpus check.
   *
   * @return the exception, or null when the input was accepted
   */
  public ScenarioValidationException readOrRefuseCleanly(byte[] input, String sourceName) {
    try {
      read(input, sourceName);
      return null;
    } catch (ScenarioValidationException e) {
      requireLocated(e, sourceName);
      return e;
    }
  }

  /** Fails unless {@code e} has problems, each with a message and a location. */
  public static void requireLocated(ScenarioValidationException e, String sourceName) {
    List<Problem> problems = e.problems();
    if (problems.isEmpty()) {
      throw new AssertionError("refused without a problem: " + e.getMessage(), e);
    }
    for (Problem problem : problems) {
      if (problem.message().isBlank()) {
        throw new AssertionError("a problem without a message: " + problem, e);
      }
      String location = problem.location();
      boolean inFile =
          location.startsWith(sourceName)
              && IN_FILE.matcher(location.substring(sourceName.length())).matches();
      if (!inFile && !ENTITY.matcher(location).matches()) {
        throw new AssertionError("a problem without a location: " + problem, e);
      }
    }
  }
}
