package org.scplan.csv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.EndState;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Measure;
import org.scplan.scenario.Objective;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Policy;
import org.scplan.scenario.Prerequisite;
import org.scplan.scenario.Program;
import org.scplan.scenario.ProgramEligibility;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;
import org.scplan.support.CsvText;

/** Lays a {@link Scenario} out as the text of each sheet, every column written. */
final class ScenarioCsvWriter {
  private final Map<Sheet, List<String[]>> rows = new EnumMap<>(Sheet.class);

  private ScenarioCsvWriter() {
    for (Sheet sheet : Sheet.values()) {
      List<String[]> table = new ArrayList<>();
      table.add(sheet.columns().toArray(String[]::new));
      rows.put(sheet, table);
    }
  }

  /** The text of every sheet of {@code scenario}. */
  static Map<Sheet, String> texts(Scenario scenario) {
    ScenarioCsvWriter writer = new ScenarioCsvWriter();
    writer.write(scenario);
    Map<Sheet, String> texts = new EnumMap<>(Sheet.class);
    writer.rows.forEach((sheet, table) -> texts.put(sheet, CsvText.print(table)));
    return texts;
  }

  private void add(Sheet sheet, Object... cells) {
    if (cells.length != sheet.columns().size()) {
      throw new IllegalStateException(
          sheet.fileName() + " has " + sheet.columns().size() + " columns, not " + cells.length);
    }
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = cell(cells[i]);
    }
    rows.get(sheet).add(row);
  }

  private void write(Scenario scenario) {
    String owner = "Scenario '" + scenario.id() + "'";
    if (scenario.name().isBlank()) {
      throw new IllegalArgumentException(
          owner + ": a blank name cannot be written to CSV, where an empty cell means the id");
    }
    add(
        Sheet.SCENARIO,
        scenario.id(),
        scenario.name(),
        scenario.horizon().firstFiscalYear(),
        scenario.horizon().lastFiscalYear());
    policy(scenario.policy());
    for (EndState endState : scenario.endStates()) {
      add(Sheet.END_STATES, endState.id(), endState.name(), endState.weight());
    }
    for (LineOfEffort line : scenario.linesOfEffort()) {
      add(Sheet.LINES_OF_EFFORT, line.id(), line.name(), line.endStateId(), line.weight());
    }
    for (Objective objective : scenario.objectives()) {
      add(
          Sheet.OBJECTIVES,
          objective.id(),
          objective.name(),
          objective.lineOfEffortId(),
          objective.deadlineFiscalYear(),
          objective.weight());
    }
    for (Objective objective : scenario.objectives()) {
      for (Measure measure : objective.measuresOfEffectiveness()) {
        measure(objective.id(), null, measure);
      }
    }
    for (SolutionOption option : scenario.options()) {
      for (Measure measure : option.measuresOfPerformance()) {
        measure(null, option.id(), measure);
      }
    }
    for (SecurityCooperationOffice office : scenario.securityCooperationOffices()) {
      add(Sheet.SCOS, office.id(), office.name(), office.staffCapacityPersonWeeksPerYear());
    }
    for (Partner partner : scenario.partners()) {
      add(
          Sheet.PARTNERS,
          partner.id(),
          partner.name(),
          partner.combatantCommand(),
          partner.priorityTier(),
          partner.propensity(),
          partner.absorptiveCapacityPerYear(),
          partner.sustainmentBudgetPerYear(),
          partner.vettingStatus(),
          partner.scoId());
      partner
          .desireByRole()
          .forEach((role, desire) -> add(Sheet.PARTNER_DESIRES, partner.id(), role, desire));
    }
    for (CapabilityGap gap : scenario.gaps()) {
      add(
          Sheet.GAPS,
          gap.id(),
          gap.partnerId(),
          gap.objectiveId(),
          gap.role(),
          gap.roleType(),
          gap.description(),
          gap.risk().likelihood(),
          gap.risk().consequence(),
          gap.risk().politicalRiskOfNotProviding(),
          gap.urgency().needByFiscalYear(),
          gap.urgency().decayPerYear(),
          gap.thirdPartyCoverage(),
          list("CapabilityGap '" + gap.id() + "' sweetSpot", gap.sweetSpot()));
    }
    scenario.options().forEach(this::option);
    scenario.programs().forEach(this::program);
    for (BalanceRule rule : scenario.balanceRules()) {
      add(
          Sheet.BALANCE_RULES,
          rule.id(),
          rule.description(),
          list("BalanceRule '" + rule.id() + "' tags", rule.tags()),
          rule.scope(),
          rule.minimumShare(),
          rule.maximumShare(),
          rule.minimumAmount(),
          rule.maximumAmount());
    }
    for (LockedDecision locked : scenario.lockedDecisions()) {
      add(
          Sheet.LOCKED_DECISIONS,
          locked.optionId(),
          locked.programId(),
          locked.startFiscalYear(),
          locked.note());
    }
  }

  private void policy(Policy policy) {
    add(
        Sheet.POLICY,
        map(policy.tierWeights()),
        map(policy.roleTypeWeights()),
        policy.sweetSpotBonusPerStakeholder(),
        policy.providingRiskPenalties().isEmpty()
            ? RowReader.NONE
            : policy.providingRiskPenalties().stream()
                .map(ScenarioCsvWriter::number)
                .collect(Collectors.joining(RowReader.LIST_SEPARATOR)),
        policy.maximumProvidingRisk(),
        policy.minimumDesire(),
        policy.minimumRiskScore(),
        policy.lapsePenaltyPointsPerMillion(),
        policy.moneyResolutionDollars());
  }

  private void option(SolutionOption option) {
    String owner = "SolutionOption '" + option.id() + "'";
    String group = option.exclusionGroup();
    if (group != null && group.isBlank()) {
      throw new IllegalArgumentException(
          owner
              + ": a blank exclusionGroup cannot be written to CSV, where an empty cell means none");
    }
    add(
        Sheet.OPTIONS,
        option.id(),
        option.gapId(),
        option.name(),
        option.domain(),
        option.activityType(),
        option.closure(),
        option.leadTimeYears(),
        option.earliestStartFiscalYear(),
        option.latestStartFiscalYear(),
        list(owner + " programIds", option.programIds()),
        group,
        option.scoWorkloadPersonWeeksPerYear(),
        option.sustainmentCostPerYear(),
        option.providingRisk(),
        list(owner + " tags", option.tags()));
    for (int year = 0; year < option.costProfile().size(); year++) {
      add(Sheet.OPTION_COSTS, option.id(), year + 1, option.costProfile().get(year));
    }
    for (Prerequisite prerequisite : option.prerequisites()) {
      add(Sheet.PREREQUISITES, option.id(), prerequisite.optionId(), prerequisite.lagYears());
    }
  }

  private void measure(String objectiveId, String optionId, Measure measure) {
    add(
        Sheet.MEASURES,
        objectiveId,
        optionId,
        measure.id(),
        measure.name(),
        measure.unit(),
        measure.baseline(),
        measure.target(),
        measure.targetFiscalYear(),
        measure.direction());
  }

  private void program(Program program) {
    String owner = "Program '" + program.id() + "'";
    add(
        Sheet.PROGRAMS,
        program.id(),
        program.name(),
        program.authority(),
        program.title(),
        program.obligationRule(),
        program.maxSpanYears(),
        program.vettingRequirement(),
        program.planningLeadTimeYears(),
        program.perPartnerAnnualCap());
    ProgramEligibility eligibility = program.eligibility();
    if (!eligibility.equals(ProgramEligibility.UNRESTRICTED)) {
      add(
          Sheet.PROGRAM_ELIGIBILITY,
          program.id(),
          list(owner + " activityTypes", eligibility.activityTypes()),
          list(owner + " domains", eligibility.domains()),
          list(owner + " combatantCommands", eligibility.combatantCommands()),
          list(owner + " partnerIds", eligibility.partnerIds()),
          list(owner + " prohibitedPartnerIds", eligibility.prohibitedPartnerIds()));
    }
    for (Appropriation appropriation : program.appropriations()) {
      add(
          Sheet.APPROPRIATIONS,
          program.id(),
          appropriation.fiscalYear(),
          appropriation.amount(),
          appropriation.noYear() ? ScenarioCsv.NO_YEAR : appropriation.yearsAvailable());
    }
  }

  /**
   * A list cell; refuses elements the reader could not give back (empty, containing the separator,
   * or with spaces around them, which the reader strips).
   */
  private static String list(String what, Collection<?> values) {
    List<String> elements = new ArrayList<>();
    for (Object value : values) {
      String element = value instanceof Enum<?> constant ? constant.name() : value.toString();
      if (element.isEmpty()
          || element.contains(RowReader.LIST_SEPARATOR)
          || !element.strip().equals(element)) {
        throw new IllegalArgumentException(
            what
                + ": element '"
                + element
                + "' cannot be written to a CSV list cell (empty, containing '"
                + RowReader.LIST_SEPARATOR
                + "', or with spaces around it)");
      }
      elements.add(element);
    }
    return String.join(RowReader.LIST_SEPARATOR, elements);
  }

  private static String map(Map<?, Double> map) {
    if (map.isEmpty()) {
      return RowReader.NONE;
    }
    return map.entrySet().stream()
        .map(
            entry ->
                (entry.getKey() instanceof Enum<?> constant
                        ? constant.name()
                        : entry.getKey().toString())
                    + RowReader.KEY_SEPARATOR
                    + number(entry.getValue()))
        .collect(Collectors.joining(RowReader.LIST_SEPARATOR));
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double number) {
      return number(number);
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return value.toString();
  }

  /**
   * The shortest decimal that reads back to exactly {@code value}, without an exponent ({@code 4}
   * rather than {@code 4.0}, {@code 0.0001} rather than {@code 1.0E-4}).
   *
   * @throws IllegalArgumentException for NaN and infinities, which the reader refuses
   */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("the number " + value + " cannot be written to CSV");
    }
    if (value == 0.0) {
      // -0.0 is a distinct double; keep it so that the scenario reads back equal.
      return Double.doubleToRawLongBits(value) == 0L ? "0" : "-0.0";
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
