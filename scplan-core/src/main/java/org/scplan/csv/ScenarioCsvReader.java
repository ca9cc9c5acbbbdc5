package org.scplan.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scplan.scenario.ActivityType;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.BalanceScope;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.CombatantCommand;
import org.scplan.scenario.DotmlpfDomain;
import org.scplan.scenario.EndState;
import org.scplan.scenario.FundingTitle;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Measure;
import org.scplan.scenario.MeasureDirection;
import org.scplan.scenario.Objective;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.PlanningHorizon;
import org.scplan.scenario.Policy;
import org.scplan.scenario.Prerequisite;
import org.scplan.scenario.Program;
import org.scplan.scenario.ProgramEligibility;
import org.scplan.scenario.RiskAssessment;
import org.scplan.scenario.RoleType;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;
import org.scplan.scenario.Stakeholder;
import org.scplan.scenario.Urgency;
import org.scplan.scenario.VettingRequirement;
import org.scplan.scenario.VettingStatus;
import org.scplan.support.CsvText;
import org.scplan.validation.Problem;

/**
 * Builds a {@link Scenario} from the sheets, collecting every problem of every cell, and remembers
 * which row each entity came from so that the validator's problems can be located in the files.
 */
final class ScenarioCsvReader {
  /** Longest cost profile accepted, in fiscal years; anything longer is a typo in {@code year}. */
  static final int MOST_COST_YEARS = 100;

  private final Map<Sheet, Table> tables = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Origins origins = new Origins();
  private final Set<String> rowsWithCellProblems = new LinkedHashSet<>();
  private boolean scenarioRowClean;

  /** Where each entity and each of its parts came from: row numbers by entity index. */
  static final class Origins {
    final Map<Sheet, List<Integer>> entityRows = new HashMap<>();
    final Map<Sheet, Map<String, Integer>> firstIndexById = new HashMap<>();
    final Map<Integer, List<Integer>> costRowsByOption = new HashMap<>();
    final Map<Integer, List<Integer>> prerequisiteRowsByOption = new HashMap<>();
    final Map<Integer, List<Integer>> measureRowsByObjective = new HashMap<>();
    final Map<Integer, List<Integer>> measureRowsByOption = new HashMap<>();
    final Map<Integer, Map<String, Integer>> desireRowsByPartner = new HashMap<>();
    final Map<Integer, List<Integer>> appropriationRowsByProgram = new HashMap<>();
    final Map<Integer, Integer> eligibilityRowByProgram = new HashMap<>();
    final Map<Integer, List<Integer>> appropriationYears = new HashMap<>();
    final List<String> lockedOptionIds = new ArrayList<>();
    int policyRow;
    int scenarioRow;

    List<Integer> rows(Sheet sheet) {
      return entityRows.computeIfAbsent(sheet, s -> new ArrayList<>());
    }

    Integer indexOf(Sheet sheet, String id) {
      return firstIndexById.getOrDefault(sheet, Map.of()).get(id);
    }

    void add(Sheet sheet, String id, int row) {
      List<Integer> rows = rows(sheet);
      firstIndexById.computeIfAbsent(sheet, s -> new HashMap<>()).putIfAbsent(id, rows.size());
      rows.add(row);
    }
  }

  /** The outcome: the scenario (built from stand-ins where cells were unreadable) and problems. */
  record Result(
      Scenario scenario,
      List<Problem> problems,
      Origins origins,
      Set<String> rowsWithCellProblems,
      boolean validatable) {}

  static Result read(SortedMap<String, String> texts) {
    return new ScenarioCsvReader().run(texts);
  }

  private Result run(SortedMap<String, String> texts) {
    List<String> known = new ArrayList<>();
    for (Sheet sheet : Sheet.values()) {
      known.add(sheet.fileName());
    }
    for (Map.Entry<String, String> file : texts.entrySet()) {
      Sheet sheet = Sheet.byFileName(file.getKey());
      if (sheet == null) {
        String closest = Table.closest(file.getKey(), known);
        problems.add(
            new Problem(
                file.getKey(),
                "",
                "Unknown CSV file '" + file.getKey() + "'.",
                closest != null
                    ? "did you mean '" + closest + "'?"
                    : "the files of a scenario are " + String.join(", ", known) + "."));
      }
    }
    for (Sheet sheet : Sheet.values()) {
      String text = texts.get(sheet.fileName());
      tables.put(sheet, text == null ? Table.absent(sheet) : Table.read(sheet, text, problems));
    }
    if (!texts.containsKey(Sheet.SCENARIO.fileName())) {
      problems.add(
          new Problem(
              Sheet.SCENARIO.fileName(),
              "",
              "The file is missing: it holds the scenario's id and planning horizon.",
              "add scenario.csv with the columns " + String.join(",", Sheet.SCENARIO.columns())));
    }
    Scenario.Builder scenario = scenario();
    scenario.policy(policy());
    for (RowReader r : rows(Sheet.END_STATES)) {
      String id = r.text("id");
      origins.add(Sheet.END_STATES, id, r.row());
      scenario.endState(new EndState(id, r.text("name"), r.requiredDouble("weight")));
    }
    for (RowReader r : rows(Sheet.LINES_OF_EFFORT)) {
      String id = r.text("id");
      origins.add(Sheet.LINES_OF_EFFORT, id, r.row());
      scenario.lineOfEffort(
          new LineOfEffort(id, r.text("name"), r.text("endStateId"), r.requiredDouble("weight")));
    }
    List<RowReader> objectiveRows = rows(Sheet.OBJECTIVES);
    for (RowReader r : objectiveRows) {
      origins.add(Sheet.OBJECTIVES, r.text("id"), r.row());
    }
    List<RowReader> optionRows = rows(Sheet.OPTIONS);
    for (RowReader r : optionRows) {
      origins.add(Sheet.OPTIONS, r.text("id"), r.row());
    }
    Map<Integer, List<Measure>> objectiveMeasures = new HashMap<>();
    Map<Integer, List<Measure>> optionMeasures = new HashMap<>();
    measures(objectiveMeasures, optionMeasures);
    for (int i = 0; i < objectiveRows.size(); i++) {
      RowReader r = objectiveRows.get(i);
      scenario.objective(
          new Objective(
              r.text("id"),
              r.text("name"),
              r.text("lineOfEffortId"),
              r.requiredInt("deadlineFiscalYear"),
              r.requiredDouble("weight"),
              objectiveMeasures.get(i)));
    }
    for (RowReader r : rows(Sheet.SCOS)) {
      String id = r.text("id");
      origins.add(Sheet.SCOS, id, r.row());
      scenario.securityCooperationOffice(
          new SecurityCooperationOffice(
              id, r.text("name"), r.requiredDouble("staffCapacityPersonWeeksPerYear")));
    }
    partners(scenario);
    for (RowReader r : rows(Sheet.GAPS)) {
      String id = r.text("id");
      origins.add(Sheet.GAPS, id, r.row());
      scenario.gap(
          new CapabilityGap(
              id,
              r.text("partnerId"),
              r.text("objectiveId"),
              r.text("role"),
              r.requiredEnum("roleType", RoleType.class),
              r.text("description"),
              new RiskAssessment(
                  r.requiredInt("likelihood"),
                  r.requiredInt("consequence"),
                  r.requiredInt("politicalRiskOfNotProviding")),
              new Urgency(r.requiredInt("needByFiscalYear"), r.requiredDouble("decayPerYear")),
              r.optionalDouble("thirdPartyCoverage", 0.0),
              r.enumSet("sweetSpot", Stakeholder.class)));
    }
    options(scenario, optionRows, optionMeasures);
    programs(scenario);
    for (RowReader r : rows(Sheet.BALANCE_RULES)) {
      String id = r.text("id");
      origins.add(Sheet.BALANCE_RULES, id, r.row());
      scenario.balanceRule(
          new BalanceRule(
              id,
              r.text("description"),
              r.strings("tags"),
              r.requiredEnum("scope", BalanceScope.class),
              r.nullableDouble("minimumShare"),
              r.nullableDouble("maximumShare"),
              r.nullableMoney("minimumAmount"),
              r.nullableMoney("maximumAmount")));
    }
    for (RowReader r : rows(Sheet.LOCKED_DECISIONS)) {
      String optionId = r.text("optionId");
      origins.rows(Sheet.LOCKED_DECISIONS).add(r.row());
      origins.lockedOptionIds.add(optionId);
      scenario.lockedDecision(
          new LockedDecision(
              optionId, r.text("programId"), r.requiredInt("startFiscalYear"), r.text("note")));
    }
    return new Result(
        scenario.build(),
        List.copyOf(problems),
        origins,
        Set.copyOf(rowsWithCellProblems),
        // The scenario lacks every row of a file that is not CSV: the validator would report each
        // reference into that file as a problem of its own, burying the one real error.
        scenarioRowClean && tables.values().stream().noneMatch(Table::unreadable));
  }

  private List<RowReader> rows(Sheet sheet) {
    Table table = tables.get(sheet);
    List<RowReader> readers = new ArrayList<>();
    for (CsvText.Record record : table.rows()) {
      readers.add(new RowReader(table, record, problems, rowsWithCellProblems));
    }
    return readers;
  }

  private Scenario.Builder scenario() {
    List<RowReader> rows = rows(Sheet.SCENARIO);
    Table table = tables.get(Sheet.SCENARIO);
    if (rows.size() != 1) {
      if (!table.rows().isEmpty() || table.has("id")) {
        problems.add(
            new Problem(
                Sheet.SCENARIO.fileName(),
                "",
                "Expected exactly one data row, but found " + rows.size() + ".",
                "give the scenario's id, name and horizon in one row under the header."));
      }
      return Scenario.builder("", new PlanningHorizon(0, 0));
    }
    RowReader r = rows.get(0);
    origins.scenarioRow = r.row();
    String id = r.text("id");
    String name = r.optionalText("name");
    PlanningHorizon horizon =
        new PlanningHorizon(r.requiredInt("firstFiscalYear"), r.requiredInt("lastFiscalYear"));
    scenarioRowClean = r.clean();
    return Scenario.builder(id, horizon).name(name);
  }

  private Policy policy() {
    Policy defaults = Policy.defaults();
    List<RowReader> rows = rows(Sheet.POLICY);
    if (rows.isEmpty()) {
      return defaults;
    }
    if (rows.size() > 1) {
      problems.add(
          new Problem(
              Sheet.POLICY.fileName(),
              "",
              "Expected at most one data row, but found " + rows.size() + ".",
              "give the policy in one row; leave a cell empty for its default."));
    }
    RowReader r = rows.get(0);
    origins.policyRow = r.row();
    Map<Integer, Double> tierWeights =
        r.numberMap("tierWeights", ScenarioCsvReader::tier, "a priority tier (a whole number)");
    Map<RoleType, Double> roleTypeWeights =
        r.numberMap("roleTypeWeights", ScenarioCsvReader::roleType, "a role type");
    List<Double> penalties = r.numberList("providingRiskPenalties");
    return new Policy(
        tierWeights == null ? defaults.tierWeights() : tierWeights,
        roleTypeWeights == null ? defaults.roleTypeWeights() : roleTypeWeights,
        r.optionalDouble("sweetSpotBonusPerStakeholder", defaults.sweetSpotBonusPerStakeholder()),
        penalties == null ? defaults.providingRiskPenalties() : penalties,
        r.optionalInt("maximumProvidingRisk", defaults.maximumProvidingRisk()),
        r.optionalDouble("minimumDesire", defaults.minimumDesire()),
        r.optionalInt("minimumRiskScore", defaults.minimumRiskScore()),
        r.optionalDouble("lapsePenaltyPointsPerMillion", defaults.lapsePenaltyPointsPerMillion()),
        r.optionalMoney("moneyResolutionDollars", defaults.moneyResolutionDollars()));
  }

  private static Integer tier(String text) {
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static RoleType roleType(String text) {
    for (RoleType type : RoleType.values()) {
      if (type.name().equalsIgnoreCase(text)) {
        return type;
      }
    }
    return null;
  }

  private void partners(Scenario.Builder scenario) {
    List<RowReader> partnerRows = rows(Sheet.PARTNERS);
    for (RowReader r : partnerRows) {
      origins.add(Sheet.PARTNERS, r.text("id"), r.row());
    }
    List<Map<String, Double>> desires = new ArrayList<>();
    partnerRows.forEach(r -> desires.add(new TreeMap<>()));
    for (RowReader r : rows(Sheet.PARTNER_DESIRES)) {
      Integer partner = parent(r, "partnerId", Sheet.PARTNERS, "partner");
      String role = r.text("role");
      double desire = r.requiredDouble("desire");
      if (partner == null) {
        continue;
      }
      Map<String, Integer> roleRows =
          origins.desireRowsByPartner.computeIfAbsent(partner, p -> new HashMap<>());
      Integer previous = roleRows.putIfAbsent(role, r.row());
      if (previous != null) {
        r.problem(
            "role",
            "partner '"
                + r.text("partnerId")
                + "' has a desire for role '"
                + role
                + "' already, in row "
                + previous
                + ".",
            "keep one row per partner and role.");
        continue;
      }
      desires.get(partner).put(role, desire);
    }
    for (int i = 0; i < partnerRows.size(); i++) {
      RowReader r = partnerRows.get(i);
      scenario.partner(
          new Partner(
              r.text("id"),
              r.text("name"),
              r.requiredEnum("combatantCommand", CombatantCommand.class),
              r.requiredInt("priorityTier"),
              r.requiredDouble("propensity"),
              desires.get(i),
              r.nullableMoney("absorptiveCapacityPerYear"),
              r.nullableMoney("sustainmentBudgetPerYear"),
              r.requiredEnum("vettingStatus", VettingStatus.class),
              r.text("scoId")));
    }
  }

  /**
   * Reads {@code measures.csv}: each row belongs to exactly one objective (an MOE) or one option
   * (an MOP), kept in the file's order.
   */
  private void measures(
      Map<Integer, List<Measure>> byObjective, Map<Integer, List<Measure>> byOption) {
    for (RowReader r : rows(Sheet.MEASURES)) {
      boolean forObjective = !r.text("objectiveId").isBlank();
      boolean forOption = !r.text("optionId").isBlank();
      Measure measure =
          new Measure(
              r.text("id"),
              r.text("name"),
              r.optionalText("unit"),
              r.requiredDouble("baseline"),
              r.requiredDouble("target"),
              r.requiredInt("targetFiscalYear"),
              r.requiredEnum("direction", MeasureDirection.class));
      if (forObjective == forOption) {
        r.problem(
            forObjective ? "optionId" : "objectiveId",
            forObjective
                ? "names both an objective and an option."
                : "names neither an objective nor an option.",
            "give objectiveId for a measure of effectiveness (MOE) or optionId for a measure of"
                + " performance (MOP), not both.");
        continue;
      }
      Integer owner =
          forObjective
              ? parent(r, "objectiveId", Sheet.OBJECTIVES, "objective")
              : parent(r, "optionId", Sheet.OPTIONS, "option");
      if (owner == null) {
        continue;
      }
      (forObjective ? byObjective : byOption)
          .computeIfAbsent(owner, o -> new ArrayList<>())
          .add(measure);
      (forObjective ? origins.measureRowsByObjective : origins.measureRowsByOption)
          .computeIfAbsent(owner, o -> new ArrayList<>())
          .add(r.row());
    }
  }

  private void options(
      Scenario.Builder scenario, List<RowReader> optionRows, Map<Integer, List<Measure>> measures) {
    List<SortedMap<Integer, Long>> costs = new ArrayList<>();
    List<List<Prerequisite>> prerequisites = new ArrayList<>();
    optionRows.forEach(
        r -> {
          costs.add(new TreeMap<>());
          prerequisites.add(new ArrayList<>());
        });
    Map<Integer, Map<Integer, Integer>> costRowByYear = new HashMap<>();
    for (RowReader r : rows(Sheet.OPTION_COSTS)) {
      Integer option = parent(r, "optionId", Sheet.OPTIONS, "option");
      Integer year = r.requiredIntOrNull("year");
      // An unreadable cost still holds its year's place (at a stand-in 0, not validated).
      long cost = r.requiredMoney("cost");
      if (option == null || year == null) {
        continue;
      }
      if (year < 1 || year > MOST_COST_YEARS) {
        r.problem(
            "year",
            "must be in 1.." + MOST_COST_YEARS + ", but was " + year + ".",
            "year 1 is the FY the option starts in, year 2 the next, and so on.");
        continue;
      }
      Integer previous =
          costRowByYear.computeIfAbsent(option, o -> new HashMap<>()).putIfAbsent(year, r.row());
      if (previous != null) {
        r.problem(
            "year",
            "option '"
                + r.text("optionId")
                + "' has a cost for year "
                + year
                + " already, in row "
                + previous
                + ".",
            "keep one row per option and year.");
        continue;
      }
      costs.get(option).put(year, cost);
    }
    for (Map.Entry<Integer, Map<Integer, Integer>> option : costRowByYear.entrySet()) {
      Map<Integer, Integer> rowByYear = new TreeMap<>(option.getValue());
      List<Integer> rowsInOrder = new ArrayList<>();
      int expected = 1;
      for (Map.Entry<Integer, Integer> year : rowByYear.entrySet()) {
        if (year.getKey() != expected) {
          // The option's cost profile is cut short here; its own checks would only echo this.
          rowsWithCellProblems.add(
              Sheet.OPTIONS.fileName() + " row " + optionRows.get(option.getKey()).row());
          problems.add(
              new Problem(
                  Sheet.OPTION_COSTS.fileName() + " row " + year.getValue(),
                  "year",
                  "option '"
                      + optionRows.get(option.getKey()).text("id")
                      + "' has a cost for year "
                      + year.getKey()
                      + " but none for year "
                      + expected
                      + ".",
                  "give a row for every year from 1 to the last; a cost of 0 for a year without"
                      + " spending."));
          break;
        }
        rowsInOrder.add(year.getValue());
        expected++;
      }
      origins.costRowsByOption.put(option.getKey(), rowsInOrder);
    }
    for (RowReader r : rows(Sheet.PREREQUISITES)) {
      Integer option = parent(r, "optionId", Sheet.OPTIONS, "option");
      String prerequisite = r.text("prerequisiteOptionId");
      int lag = r.requiredInt("lagYears");
      if (option == null) {
        continue;
      }
      prerequisites.get(option).add(new Prerequisite(prerequisite, lag));
      origins.prerequisiteRowsByOption.computeIfAbsent(option, o -> new ArrayList<>()).add(r.row());
    }
    for (int i = 0; i < optionRows.size(); i++) {
      RowReader r = optionRows.get(i);
      List<Long> costProfile = new ArrayList<>();
      int year = 1;
      for (Map.Entry<Integer, Long> cost : costs.get(i).entrySet()) {
        if (cost.getKey() != year++) {
          break;
        }
        costProfile.add(cost.getValue());
      }
      scenario.option(
          new SolutionOption(
              r.text("id"),
              r.text("gapId"),
              r.text("name"),
              r.requiredEnum("domain", DotmlpfDomain.class),
              r.requiredEnum("activityType", ActivityType.class),
              r.requiredDouble("closure"),
              costProfile,
              r.optionalInt("leadTimeYears", 0),
              r.nullableInt("earliestStartFiscalYear"),
              r.nullableInt("latestStartFiscalYear"),
              r.strings("programIds"),
              prerequisites.get(i),
              r.optionalText("exclusionGroup"),
              r.optionalDouble("scoWorkloadPersonWeeksPerYear", 0.0),
              r.optionalMoney("sustainmentCostPerYear", 0L),
              r.optionalInt("providingRisk", 1),
              r.strings("tags"),
              measures.get(i)));
    }
  }

  private void programs(Scenario.Builder scenario) {
    List<RowReader> programRows = rows(Sheet.PROGRAMS);
    for (RowReader r : programRows) {
      origins.add(Sheet.PROGRAMS, r.text("id"), r.row());
    }
    List<ProgramEligibility> eligibilities = new ArrayList<>();
    List<List<Appropriation>> appropriations = new ArrayList<>();
    programRows.forEach(
        r -> {
          eligibilities.add(ProgramEligibility.UNRESTRICTED);
          appropriations.add(new ArrayList<>());
        });
    for (RowReader r : rows(Sheet.PROGRAM_ELIGIBILITY)) {
      Integer program = parent(r, "programId", Sheet.PROGRAMS, "program");
      ProgramEligibility eligibility =
          new ProgramEligibility(
              r.enumSet("activityTypes", ActivityType.class),
              r.enumSet("domains", DotmlpfDomain.class),
              r.enumSet("combatantCommands", CombatantCommand.class),
              r.strings("partnerIds"),
              r.strings("prohibitedPartnerIds"));
      if (program == null) {
        continue;
      }
      Integer previous = origins.eligibilityRowByProgram.putIfAbsent(program, r.row());
      if (previous != null) {
        r.problem(
            "programId",
            "program '"
                + r.text("programId")
                + "' has its eligibility in row "
                + previous
                + " already.",
            "keep one row per program.");
        continue;
      }
      eligibilities.set(program, eligibility);
    }
    for (RowReader r : rows(Sheet.APPROPRIATIONS)) {
      Integer program = parent(r, "programId", Sheet.PROGRAMS, "program");
      int fiscalYear = r.requiredInt("fiscalYear");
      long amount = r.requiredMoney("amount");
      Integer yearsAvailable = yearsAvailable(r);
      if (program == null) {
        continue;
      }
      appropriations.get(program).add(new Appropriation(fiscalYear, amount, yearsAvailable));
      origins
          .appropriationRowsByProgram
          .computeIfAbsent(program, p -> new ArrayList<>())
          .add(r.row());
      origins.appropriationYears.computeIfAbsent(program, p -> new ArrayList<>()).add(fiscalYear);
    }
    for (int i = 0; i < programRows.size(); i++) {
      RowReader r = programRows.get(i);
      scenario.program(
          new Program(
              r.text("id"),
              r.text("name"),
              r.text("authority"),
              r.requiredEnum("title", FundingTitle.class),
              r.requiredEnum("obligationRule", ObligationRule.class),
              r.nullableInt("maxSpanYears"),
              eligibilities.get(i),
              r.requiredEnum("vettingRequirement", VettingRequirement.class),
              r.optionalInt("planningLeadTimeYears", 0),
              r.nullableMoney("perPartnerAnnualCap"),
              appropriations.get(i)));
    }
  }

  /** A whole number of FYs, or {@link ScenarioCsv#NO_YEAR}; an empty cell is a problem. */
  private static Integer yearsAvailable(RowReader r) {
    if (r.text("yearsAvailable").strip().equalsIgnoreCase(ScenarioCsv.NO_YEAR)) {
      return null;
    }
    if (r.text("yearsAvailable").isBlank()) {
      r.problem(
          "yearsAvailable",
          "is required but the cell is empty.",
          "give the period of availability in FYs (1, 2, 5…), or '"
              + ScenarioCsv.NO_YEAR
              + "' for money available until expended.");
      return 1;
    }
    return r.nullableInt("yearsAvailable");
  }

  /**
   * The index of the parent entity {@code column} names, or {@code null} (with a problem) when no
   * entity of {@code parentSheet} has that id.
   */
  private Integer parent(RowReader r, String column, Sheet parentSheet, String kind) {
    String id = r.text(column);
    Integer index = origins.indexOf(parentSheet, id);
    if (index == null && !tables.get(parentSheet).unreadable()) {
      Map<String, Integer> ids = origins.firstIndexById.getOrDefault(parentSheet, Map.of());
      String closest = id.isBlank() ? null : Table.closest(id, ids.keySet());
      String article = "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ";
      r.problem(
          column,
          id.isBlank()
              ? "must name " + article + kind + ", but the cell is empty."
              : "refers to unknown "
                  + kind
                  + " '"
                  + id
                  + "' (not in "
                  + parentSheet.fileName()
                  + ").",
          closest != null
              ? "did you mean '" + closest + "'?"
              : "give the id of " + article + kind + " in " + parentSheet.fileName() + ".");
    }
    return index;
  }
}
