package org.scplan.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.validation.Problem;

/**
 * Locates the {@link org.scplan.validation.ScenarioValidator}'s problems, which name entities
 * ({@code SolutionOption 'o-1'}), in the JSON file the scenario was read from: {@code "theater.json
 * $.options[3] (SolutionOption 'o-1')"}, the field unchanged. The reader keeps every array's order,
 * so an entity's index in the scenario is its index in the file. A problem that cannot be placed
 * keeps its entity location, after the file's name.
 */
final class ValidatorPaths {
  private static final Pattern BY_ID = Pattern.compile("(\\w+) '(.*)'");
  private static final Pattern BY_INDEX = Pattern.compile("(\\w+) at (\\w+)\\[(\\d+)\\]");
  private static final Pattern APPROPRIATION =
      Pattern.compile("(.*) appropriation(?:s\\[(\\d+)\\]| FY(-?\\d+))");
  private static final Pattern LOCK_BY_OPTION = Pattern.compile("LockedDecision for option '(.*)'");
  private static final Pattern DUPLICATE_INDEX = Pattern.compile("\\w+\\[(\\d+)\\] has the id of");

  /** The JSON array of each entity kind, and how to read an entity's id. */
  private record Kind(String array, Function<Scenario, List<String>> ids) {}

  private static final Map<String, Kind> KINDS =
      Map.of(
          "EndState",
          new Kind("endStates", s -> ids(s.endStates(), e -> e.id())),
          "LineOfEffort",
          new Kind("linesOfEffort", s -> ids(s.linesOfEffort(), e -> e.id())),
          "Objective",
          new Kind("objectives", s -> ids(s.objectives(), e -> e.id())),
          "SecurityCooperationOffice",
          new Kind(
              "securityCooperationOffices", s -> ids(s.securityCooperationOffices(), e -> e.id())),
          "Partner",
          new Kind("partners", s -> ids(s.partners(), e -> e.id())),
          "CapabilityGap",
          new Kind("gaps", s -> ids(s.gaps(), e -> e.id())),
          "SolutionOption",
          new Kind("options", s -> ids(s.options(), e -> e.id())),
          "Program",
          new Kind("programs", s -> ids(s.programs(), e -> e.id())),
          "BalanceRule",
          new Kind("balanceRules", s -> ids(s.balanceRules(), e -> e.id())));

  private final Scenario scenario;

  private ValidatorPaths(Scenario scenario) {
    this.scenario = scenario;
  }

  /** {@code problems} located in {@code sourceName}, the file {@code scenario} was read from. */
  static List<Problem> locate(List<Problem> problems, Scenario scenario, String sourceName) {
    ValidatorPaths paths = new ValidatorPaths(scenario);
    List<Problem> located = new ArrayList<>();
    for (Problem problem : problems) {
      String path = paths.path(problem);
      String location =
          path == null
              ? sourceName + " (" + problem.location() + ")"
              : sourceName + " " + path + " (" + problem.location() + ")";
      located.add(new Problem(location, problem.field(), problem.message(), problem.hint()));
    }
    return located;
  }

  /** The JSON path of the object at fault, or {@code null}. */
  private String path(Problem problem) {
    String location = problem.location();
    switch (location) {
      case "Scenario":
        return "$";
      case "PlanningHorizon":
        return "$.horizon";
      case "Policy":
        return "$.policy";
      default:
        break;
    }
    Matcher lock = LOCK_BY_OPTION.matcher(location);
    if (lock.matches()) {
      List<LockedDecision> locks = scenario.lockedDecisions();
      int found = -1;
      for (int i = 0; i < locks.size(); i++) {
        if (locks.get(i).optionId().equals(lock.group(1))) {
          if (found >= 0 && problem.message().contains("is locked again")) {
            return "$.lockedDecisions[" + i + "]";
          }
          found = found < 0 ? i : found;
        }
      }
      return found < 0 ? null : "$.lockedDecisions[" + found + "]";
    }
    Matcher appropriation = APPROPRIATION.matcher(location);
    if (appropriation.matches()) {
      String program = path(new Problem(appropriation.group(1), "", problem.message(), ""));
      if (program == null) {
        return null;
      }
      int index =
          appropriation.group(2) != null
              ? Integer.parseInt(appropriation.group(2))
              : appropriationByYear(program, Integer.parseInt(appropriation.group(3)));
      return index < 0 ? null : program + ".appropriations[" + index + "]";
    }
    Matcher byIndex = BY_INDEX.matcher(location);
    if (byIndex.matches()) {
      return "$." + byIndex.group(2) + "[" + byIndex.group(3) + "]";
    }
    Matcher byId = BY_ID.matcher(location);
    if (!byId.matches() || !KINDS.containsKey(byId.group(1))) {
      return null;
    }
    Kind kind = KINDS.get(byId.group(1));
    Matcher duplicate = DUPLICATE_INDEX.matcher(problem.message());
    if (problem.field().equals("id") && duplicate.find()) {
      return "$." + kind.array() + "[" + duplicate.group(1) + "]";
    }
    int index = kind.ids().apply(scenario).indexOf(byId.group(2));
    return index < 0 ? null : "$." + kind.array() + "[" + index + "]";
  }

  /**
   * The index of the program's appropriation in {@code fiscalYear}: the validator names an
   * appropriation by its FY only when the FY is unique in its program.
   */
  private int appropriationByYear(String programPath, int fiscalYear) {
    int programIndex =
        Integer.parseInt(
            programPath.substring(programPath.indexOf('[') + 1, programPath.indexOf(']')));
    Program program = scenario.programs().get(programIndex);
    List<Appropriation> appropriations = program.appropriations();
    for (int i = 0; i < appropriations.size(); i++) {
      if (appropriations.get(i).fiscalYear() == fiscalYear) {
        return i;
      }
    }
    return -1;
  }

  private static <T> List<String> ids(List<T> entities, Function<T, String> id) {
    return entities.stream().map(id).toList();
  }
}
