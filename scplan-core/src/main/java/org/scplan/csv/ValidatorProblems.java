package org.scplan.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scplan.validation.Problem;

/**
 * Locates the {@link org.scplan.validation.ScenarioValidator}'s problems, which name entities and
 * record components ({@code Partner 'p-1'}, {@code propensity}), in the CSV files instead ({@code
 * partners.csv row 4 (Partner 'p-1')}, column {@code propensity}). A problem that cannot be placed
 * keeps its entity location.
 */
final class ValidatorProblems {
  private static final Pattern BY_ID = Pattern.compile("(\\w+) '(.*)'");
  private static final Pattern BY_INDEX = Pattern.compile("(\\w+) at \\w+\\[(\\d+)\\]");
  private static final Pattern APPROPRIATION =
      Pattern.compile("(.*) appropriation(?:s\\[(\\d+)\\]| FY-?\\d+)");
  private static final Pattern LOCK_BY_OPTION = Pattern.compile("LockedDecision for option '(.*)'");
  private static final Pattern DUPLICATE_INDEX =
      Pattern.compile("(\\w+)\\[(\\d+)\\] has the id of");
  private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)\\](?:\\.(\\w+))?");
  private static final Map<String, Sheet> SHEET_BY_KIND =
      Map.of(
          "EndState", Sheet.END_STATES,
          "LineOfEffort", Sheet.LINES_OF_EFFORT,
          "Objective", Sheet.OBJECTIVES,
          "SecurityCooperationOffice", Sheet.SCOS,
          "Partner", Sheet.PARTNERS,
          "CapabilityGap", Sheet.GAPS,
          "SolutionOption", Sheet.OPTIONS,
          "Program", Sheet.PROGRAMS,
          "BalanceRule", Sheet.BALANCE_RULES);

  private final ScenarioCsvReader.Origins origins;

  private ValidatorProblems(ScenarioCsvReader.Origins origins) {
    this.origins = origins;
  }

  /** A place in the files: sheet, row and column (the field when no column fits). */
  private record Place(Sheet sheet, int row, String column) {}

  /**
   * The problems located in the files, leaving out those on rows in {@code rowsWithCellProblems}
   * ("partners.csv row 4"): their stand-in values would be reported, not the planner's.
   */
  static List<Problem> locate(
      List<Problem> problems, ScenarioCsvReader.Origins origins, Set<String> rowsWithCellProblems) {
    ValidatorProblems locator = new ValidatorProblems(origins);
    List<Problem> located = new ArrayList<>();
    for (Problem problem : problems) {
      Place place = locator.place(problem);
      if (place == null) {
        located.add(problem);
        continue;
      }
      String row = place.sheet().fileName() + " row " + place.row();
      if (rowsWithCellProblems.contains(row)) {
        continue;
      }
      located.add(
          new Problem(
              row + " (" + problem.location() + ")",
              place.column(),
              problem.message(),
              problem.hint()));
    }
    return located;
  }

  private Place place(Problem problem) {
    String location = problem.location();
    String field = problem.field();
    if (location.equals("Scenario") || location.equals("PlanningHorizon")) {
      return origins.scenarioRow == 0
          ? null
          : new Place(Sheet.SCENARIO, origins.scenarioRow, field);
    }
    if (location.equals("Policy")) {
      return origins.policyRow == 0
          ? null
          : new Place(Sheet.POLICY, origins.policyRow, baseName(field));
    }
    if (location.startsWith("LockedDecision")) {
      return lockedDecision(location, problem);
    }
    Matcher appropriation = APPROPRIATION.matcher(location);
    if (appropriation.matches()) {
      Integer program = entity(appropriation.group(1), problem);
      List<Integer> rows = program == null ? null : origins.appropriationRowsByProgram.get(program);
      if (rows == null || rows.isEmpty()) {
        return null;
      }
      int index = appropriation.group(2) == null ? -1 : Integer.parseInt(appropriation.group(2));
      if (index < 0) {
        index = appropriationIndexByYear(program, location);
      }
      return index >= 0 && index < rows.size()
          ? new Place(Sheet.APPROPRIATIONS, rows.get(index), field)
          : null;
    }
    Sheet sheet = sheetOf(location);
    Integer index = entity(location, problem);
    if (sheet == null || index == null) {
      return null;
    }
    List<Integer> rows = origins.rows(sheet);
    if (index >= rows.size()) {
      return null;
    }
    Place own = new Place(sheet, rows.get(index), column(sheet, field));
    Place part = part(sheet, index, field);
    return part == null ? own : part;
  }

  /** The appropriation's index from "FY2027" when its program has one appropriation that year. */
  private int appropriationIndexByYear(int program, String location) {
    // The validator names an appropriation by its FY only when that FY is unique in the program,
    // so the first row with the FY is the one; the rows keep the program's order.
    String year = location.substring(location.lastIndexOf(" FY") + 3);
    List<Integer> rows = origins.appropriationRowsByProgram.get(program);
    List<Integer> fiscalYears = origins.appropriationYears.get(program);
    if (fiscalYears == null) {
      return -1;
    }
    for (int i = 0; i < rows.size(); i++) {
      if (String.valueOf(fiscalYears.get(i)).equals(year)) {
        return i;
      }
    }
    return -1;
  }

  private Place lockedDecision(String location, Problem problem) {
    List<Integer> rows = origins.rows(Sheet.LOCKED_DECISIONS);
    Matcher byIndex = BY_INDEX.matcher(location);
    if (byIndex.matches()) {
      int index = Integer.parseInt(byIndex.group(2));
      return index < rows.size()
          ? new Place(Sheet.LOCKED_DECISIONS, rows.get(index), problem.field())
          : null;
    }
    Matcher byOption = LOCK_BY_OPTION.matcher(location);
    if (!byOption.matches()) {
      return null;
    }
    List<Integer> matching = new ArrayList<>();
    List<String> optionIds = origins.lockedOptionIds;
    for (int i = 0; i < optionIds.size(); i++) {
      if (optionIds.get(i).equals(byOption.group(1))) {
        matching.add(rows.get(i));
      }
    }
    if (matching.isEmpty()) {
      return null;
    }
    // A repeated lock is reported on the repeat, the second row for the option.
    boolean repeat = problem.message().contains("is locked again") && matching.size() > 1;
    return new Place(Sheet.LOCKED_DECISIONS, matching.get(repeat ? 1 : 0), problem.field());
  }

  private static Sheet sheetOf(String location) {
    Matcher byId = BY_ID.matcher(location);
    if (byId.matches()) {
      return SHEET_BY_KIND.get(byId.group(1));
    }
    Matcher byIndex = BY_INDEX.matcher(location);
    return byIndex.matches() ? SHEET_BY_KIND.get(byIndex.group(1)) : null;
  }

  /** The entity's index in its list, from "Kind 'id'" or "Kind at list[i]". */
  private Integer entity(String location, Problem problem) {
    Matcher byIndex = BY_INDEX.matcher(location);
    if (byIndex.matches()) {
      return Integer.valueOf(byIndex.group(2));
    }
    Matcher byId = BY_ID.matcher(location);
    if (!byId.matches()) {
      return null;
    }
    Sheet sheet = SHEET_BY_KIND.get(byId.group(1));
    if (sheet == null) {
      return null;
    }
    Matcher duplicate = DUPLICATE_INDEX.matcher(problem.message());
    if (problem.field().equals("id") && duplicate.find()) {
      return Integer.valueOf(duplicate.group(2));
    }
    return origins.indexOf(sheet, byId.group(2));
  }

  /** The row of a part kept in another file: a cost year, a prerequisite, a desire, eligibility. */
  private Place part(Sheet sheet, int index, String field) {
    Matcher indexed = INDEXED.matcher(field);
    if (sheet == Sheet.OPTIONS && indexed.matches()) {
      int element = Integer.parseInt(indexed.group(2));
      if (indexed.group(1).equals("costProfile")) {
        return element(Sheet.OPTION_COSTS, origins.costRowsByOption.get(index), element, "cost");
      }
      if (indexed.group(1).equals("prerequisites")) {
        String part = indexed.group(3);
        String column = "optionId".equals(part) ? "prerequisiteOptionId" : part;
        return element(
            Sheet.PREREQUISITES,
            origins.prerequisiteRowsByOption.get(index),
            element,
            column == null ? "" : column);
      }
    }
    if (indexed.matches()
        && (sheet == Sheet.OBJECTIVES && indexed.group(1).equals("measuresOfEffectiveness")
            || sheet == Sheet.OPTIONS && indexed.group(1).equals("measuresOfPerformance"))) {
      String part = indexed.group(3);
      return element(
          Sheet.MEASURES,
          (sheet == Sheet.OBJECTIVES ? origins.measureRowsByObjective : origins.measureRowsByOption)
              .get(index),
          Integer.parseInt(indexed.group(2)),
          part == null ? "" : part);
    }
    if (sheet == Sheet.PARTNERS && field.startsWith("desireByRole[") && field.endsWith("]")) {
      String role = field.substring("desireByRole[".length(), field.length() - 1);
      Integer row = origins.desireRowsByPartner.getOrDefault(index, Map.of()).get(role);
      return row == null ? null : new Place(Sheet.PARTNER_DESIRES, row, "desire");
    }
    if (sheet == Sheet.PROGRAMS && field.startsWith("eligibility.")) {
      Integer row = origins.eligibilityRowByProgram.get(index);
      return row == null
          ? null
          : new Place(Sheet.PROGRAM_ELIGIBILITY, row, baseName(field.substring(12)));
    }
    return null;
  }

  private static Place element(Sheet sheet, List<Integer> rows, int element, String column) {
    return rows == null || element >= rows.size()
        ? null
        : new Place(sheet, rows.get(element), column);
  }

  /** The column holding {@code field} in {@code sheet}, or the field itself. */
  private static String column(Sheet sheet, String field) {
    String name = baseName(field);
    if (name.startsWith("risk.") || name.startsWith("urgency.")) {
      name = name.substring(name.indexOf('.') + 1);
    }
    return sheet.columns().contains(name) ? name : field;
  }

  /** "programIds" for "programIds[2]". */
  private static String baseName(String field) {
    int bracket = field.indexOf('[');
    return bracket < 0 ? field : field.substring(0, bracket);
  }
}
