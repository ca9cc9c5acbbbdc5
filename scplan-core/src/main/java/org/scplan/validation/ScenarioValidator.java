package org.scplan.validation;

import static org.scplan.validation.ProblemList.fy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.EndState;
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
import org.scplan.scenario.RiskAssessment;
import org.scplan.scenario.RoleType;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;
import org.scplan.scenario.Urgency;
import org.scplan.support.EditDistance;

/**
 * Checks a {@link Scenario} and reports every problem at once: duplicate and unknown ids,
 * prerequisite cycles, negative or overflowing money, malformed horizons, options that can never
 * start, fractions outside 0–1, scores outside their scales, inconsistent programs, balance rules
 * and locked decisions.
 *
 * <p>Each {@link Problem} is located by entity ({@code Partner 'p-bandaria'}, {@code Program 'fmf'
 * appropriation FY2027}, {@code LockedDecision for option 'o-3'}, {@code Policy}…) and record
 * component ({@code propensity}, {@code costProfile[2]}, {@code prerequisites[0].optionId}), states
 * the offending value and hints at the likely fix. Units are those of the scenario: money in whole
 * US dollars, time in fiscal years (FY), SCO staff in person-weeks.
 *
 * <p>Problems come in a stable order: scenario, horizon, policy, then each entity list in the
 * scenario's order (end states, lines of effort, objectives, SCOs, partners, gaps, options and
 * their prerequisite cycles, programs, balance rules, locked decisions), each entity's problems
 * together. Checks that build on a value already reported as wrong (e.g. "start window outside the
 * horizon" when the horizon is empty) are skipped, so one mistake is reported once. Validation runs
 * in time linear in the size of the scenario and never changes it.
 */
public final class ScenarioValidator {
  /** Longest planning horizon accepted, in fiscal years. */
  private static final int MOST_HORIZON_YEARS = 30;

  /**
   * Longest cost profile accepted, in fiscal years: an activity runs at most as long as the longest
   * horizon, and the model's size grows with the duration.
   */
  private static final int MOST_COST_PROFILE_YEARS = MOST_HORIZON_YEARS;

  private static final int MOST_CYCLE_IDS_SHOWN = 20;
  private static final int MOST_ROLES_LISTED = 10;
  private static final String MONEY_HINT = "money is in whole dollars and never negative";

  private final Scenario scenario;
  private final PlanningHorizon horizon;
  private final ProblemList report = new ProblemList();
  private final KnownIds endStateIds;
  private final KnownIds lineOfEffortIds;
  private final KnownIds objectiveIds;
  private final KnownIds officeIds;
  private final KnownIds partnerIds;
  private final KnownIds gapIds;
  private final KnownIds optionIds;
  private final KnownIds programIds;
  private final KnownIds balanceRuleIds;
  private boolean horizonUsable;

  /** Where each measure id was first seen, for duplicates across objectives and options. */
  private final Map<String, String> measureLocations = new HashMap<>();

  private ScenarioValidator(Scenario scenario) {
    this.scenario = scenario;
    this.horizon = scenario.horizon();
    endStateIds = KnownIds.of("EndState", scenario.endStates(), EndState::id);
    lineOfEffortIds = KnownIds.of("LineOfEffort", scenario.linesOfEffort(), LineOfEffort::id);
    objectiveIds = KnownIds.of("Objective", scenario.objectives(), Objective::id);
    officeIds =
        KnownIds.of(
            "SecurityCooperationOffice",
            scenario.securityCooperationOffices(),
            SecurityCooperationOffice::id);
    partnerIds = KnownIds.of("Partner", scenario.partners(), Partner::id);
    gapIds = KnownIds.of("CapabilityGap", scenario.gaps(), CapabilityGap::id);
    optionIds = KnownIds.of("SolutionOption", scenario.options(), SolutionOption::id);
    programIds = KnownIds.of("Program", scenario.programs(), Program::id);
    balanceRuleIds = KnownIds.of("BalanceRule", scenario.balanceRules(), BalanceRule::id);
  }

  /**
   * Every problem of {@code scenario}, in a stable order (see the class comment); empty when the
   * scenario is valid.
   */
  public static List<Problem> problems(Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    return new ScenarioValidator(scenario).run();
  }

  /**
   * Checks {@code scenario} and throws when it has any problem.
   *
   * @throws ScenarioValidationException listing every problem, titled {@code Scenario '<id>'}
   */
  public static void validate(Scenario scenario) {
    List<Problem> problems = problems(scenario);
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException("Scenario '" + scenario.id() + "'", problems);
    }
  }

  private List<Problem> run() {
    report.nonBlank(
        "Scenario", "id", scenario.id(), "give the scenario an id, e.g. 'theater-fy27'");
    report.identifier("Scenario", "id", scenario.id());
    report.text("Scenario", "name", scenario.name());
    checkHorizon();
    checkPolicy(scenario.policy());
    for (int i = 0; i < scenario.endStates().size(); i++) {
      checkEndState(i, scenario.endStates().get(i));
    }
    for (int i = 0; i < scenario.linesOfEffort().size(); i++) {
      checkLineOfEffort(i, scenario.linesOfEffort().get(i));
    }
    for (int i = 0; i < scenario.objectives().size(); i++) {
      checkObjective(i, scenario.objectives().get(i));
    }
    for (int i = 0; i < scenario.securityCooperationOffices().size(); i++) {
      checkOffice(i, scenario.securityCooperationOffices().get(i));
    }
    for (int i = 0; i < scenario.partners().size(); i++) {
      checkPartner(i, scenario.partners().get(i));
    }
    for (int i = 0; i < scenario.gaps().size(); i++) {
      checkGap(i, scenario.gaps().get(i));
    }
    for (int i = 0; i < scenario.options().size(); i++) {
      checkOption(i, scenario.options().get(i));
    }
    checkPrerequisiteCycles();
    for (int i = 0; i < scenario.programs().size(); i++) {
      checkProgram(i, scenario.programs().get(i));
    }
    for (int i = 0; i < scenario.balanceRules().size(); i++) {
      checkBalanceRule(i, scenario.balanceRules().get(i));
    }
    checkLockedDecisions();
    return report.toList();
  }

  private void checkHorizon() {
    String location = "PlanningHorizon";
    int first = horizon.firstFiscalYear();
    int last = horizon.lastFiscalYear();
    boolean firstPlausible = report.fiscalYear(location, "firstFiscalYear", first);
    boolean lastPlausible = report.fiscalYear(location, "lastFiscalYear", last);
    if (!firstPlausible || !lastPlausible) {
      return;
    }
    if (last < first) {
      report.add(
          location,
          "lastFiscalYear",
          "empty horizon: lastFiscalYear " + fy(last) + " is before firstFiscalYear " + fy(first),
          "set lastFiscalYear to " + fy(first) + " or later (plans usually cover 3 to 5 FYs)");
      return;
    }
    horizonUsable = true;
    if (horizon.length() > MOST_HORIZON_YEARS) {
      report.add(
          location,
          "lastFiscalYear",
          "horizon "
              + horizonText()
              + " is "
              + horizon.length()
              + " FYs long, more than the "
              + MOST_HORIZON_YEARS
              + " FYs allowed",
          "plan 3 to 5 FYs; check lastFiscalYear for a typo");
    }
  }

  private String horizonText() {
    return fy(horizon.firstFiscalYear()) + "–" + fy(horizon.lastFiscalYear());
  }

  private void checkPolicy(Policy policy) {
    String location = "Policy";
    policy
        .tierWeights()
        .forEach((tier, weight) -> report.weight(location, "tierWeights[" + tier + "]", weight));
    Policy defaults = Policy.defaults();
    for (RoleType roleType : RoleType.values()) {
      Double weight = policy.roleTypeWeights().get(roleType);
      if (weight == null) {
        report.add(
            location,
            "roleTypeWeights",
            "has no weight for role type " + roleType + ", but every role type needs one",
            "add "
                + roleType
                + " = "
                + defaults.roleTypeWeights().get(roleType)
                + " (the default)");
      } else {
        report.weight(location, "roleTypeWeights[" + roleType + "]", weight);
      }
    }
    report.nonNegative(
        location,
        "sweetSpotBonusPerStakeholder",
        policy.sweetSpotBonusPerStakeholder(),
        "use 0 for no bonus (the default is " + defaults.sweetSpotBonusPerStakeholder() + ")");
    List<Double> penalties = policy.providingRiskPenalties();
    if (penalties.size() != 5) {
      report.add(
          location,
          "providingRiskPenalties",
          "must have exactly 5 entries (for providing risk 1 to 5), but had "
              + penalties.size()
              + ": "
              + penalties,
          "give one penalty per providing risk 1..5, e.g. " + defaults.providingRiskPenalties());
    }
    for (int i = 0; i < penalties.size(); i++) {
      report.fraction(location, "providingRiskPenalties[" + i + "]", penalties.get(i));
    }
    report.inRange(
        location,
        "maximumProvidingRisk",
        policy.maximumProvidingRisk(),
        1,
        5,
        "options whose providing risk exceeds it are excluded; 5 excludes none");
    report.fraction(location, "minimumDesire", policy.minimumDesire());
    report.inRange(
        location,
        "minimumRiskScore",
        policy.minimumRiskScore(),
        0,
        25,
        "risk scores are likelihood × consequence, 1..25; 0 excludes none");
    report.nonNegative(
        location,
        "lapsePenaltyPointsPerMillion",
        policy.lapsePenaltyPointsPerMillion(),
        "use 0 for no lapse penalty (the default is "
            + defaults.lapsePenaltyPointsPerMillion()
            + ")");
    if (policy.moneyResolutionDollars() < 1) {
      report.add(
          location,
          "moneyResolutionDollars",
          "must be ≥ 1 dollar, but was " + policy.moneyResolutionDollars(),
          "money is in whole dollars: use 1 for exact dollars or "
              + defaults.moneyResolutionDollars()
              + " (the default)");
    }
  }

  private void checkEndState(int index, EndState endState) {
    String location = locate("EndState", "endStates", index, endState.id());
    checkId(location, endStateIds, "endStates", index, endState.id());
    report.text(location, "name", endState.name());
    report.weight(location, "weight", endState.weight());
  }

  private void checkLineOfEffort(int index, LineOfEffort lineOfEffort) {
    String location = locate("LineOfEffort", "linesOfEffort", index, lineOfEffort.id());
    checkId(location, lineOfEffortIds, "linesOfEffort", index, lineOfEffort.id());
    report.text(location, "name", lineOfEffort.name());
    checkReference(location, "endStateId", lineOfEffort.endStateId(), endStateIds);
    report.weight(location, "weight", lineOfEffort.weight());
  }

  private void checkObjective(int index, Objective objective) {
    String location = locate("Objective", "objectives", index, objective.id());
    checkId(location, objectiveIds, "objectives", index, objective.id());
    report.text(location, "name", objective.name());
    checkReference(location, "lineOfEffortId", objective.lineOfEffortId(), lineOfEffortIds);
    report.fiscalYear(location, "deadlineFiscalYear", objective.deadlineFiscalYear());
    report.weight(location, "weight", objective.weight());
    checkMeasures(location, "measuresOfEffectiveness", objective.measuresOfEffectiveness());
  }

  /**
   * A measure needs a unique id (execution records name it), finite values, and a target that lies
   * beyond its baseline in its direction: a target equal to the baseline or behind it measures no
   * progress.
   */
  private void checkMeasures(String location, String field, List<Measure> measures) {
    for (int i = 0; i < measures.size(); i++) {
      Measure measure = measures.get(i);
      String element = field + "[" + i + "]";
      if (measure.id().isBlank()) {
        report.add(
            location,
            element + ".id",
            "must be non-blank, but was '" + measure.id() + "'",
            "give every measure an id, unique across the scenario, e.g. 'moe-mda-coverage'");
      } else {
        String first = measureLocations.putIfAbsent(measure.id(), location + " " + element);
        if (first != null) {
          report.add(
              location,
              element + ".id",
              "duplicate measure id '" + measure.id() + "': also used by " + first,
              "give each measure its own id; execution records refer to measures by id");
        }
      }
      report.nonBlank(
          location, element + ".name", measure.name(), "say what is measured, e.g. 'patrol hours'");
      boolean finite = true;
      if (!Double.isFinite(measure.baseline())) {
        finite = false;
        report.add(
            location,
            element + ".baseline",
            "must be a finite number, but was " + measure.baseline(),
            "give the value found at the initial assessment");
      }
      if (!Double.isFinite(measure.target())) {
        finite = false;
        report.add(
            location,
            element + ".target",
            "must be a finite number, but was " + measure.target(),
            "give the value to reach by targetFiscalYear");
      }
      report.fiscalYear(location, element + ".targetFiscalYear", measure.targetFiscalYear());
      if (finite
          && (!measure.meets(measure.target(), measure.baseline())
              || measure.target() == measure.baseline())) {
        report.add(
            location,
            element + ".target",
            "target "
                + measure.target()
                + " is not an improvement on the baseline "
                + measure.baseline()
                + " for a measure where "
                + (measure.direction() == MeasureDirection.HIGHER_IS_BETTER
                    ? "higher is better"
                    : "lower is better"),
            "set a target beyond the baseline, or flip direction to "
                + (measure.direction() == MeasureDirection.HIGHER_IS_BETTER
                    ? MeasureDirection.LOWER_IS_BETTER
                    : MeasureDirection.HIGHER_IS_BETTER));
      }
    }
  }

  private void checkOffice(int index, SecurityCooperationOffice office) {
    String location =
        locate("SecurityCooperationOffice", "securityCooperationOffices", index, office.id());
    checkId(location, officeIds, "securityCooperationOffices", index, office.id());
    report.text(location, "name", office.name());
    report.nonNegative(
        location,
        "staffCapacityPersonWeeksPerYear",
        office.staffCapacityPersonWeeksPerYear(),
        "give person-weeks of staff time per FY (e.g. 2 staff × 46 weeks = 92)");
  }

  private void checkPartner(int index, Partner partner) {
    String location = locate("Partner", "partners", index, partner.id());
    checkId(location, partnerIds, "partners", index, partner.id());
    report.text(location, "name", partner.name());
    report.nonBlank(location, "name", partner.name(), "give the partner's name (e.g. 'Bandaria')");
    Policy policy = scenario.policy();
    if (policy.tierWeight(partner.priorityTier()) == null) {
      String tiers =
          policy.tierWeights().keySet().stream()
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
      String addWeight =
          "add a weight for tier " + partner.priorityTier() + " to Policy.tierWeights";
      report.add(
          location,
          "priorityTier",
          "tier " + partner.priorityTier() + " has no weight in Policy.tierWeights",
          tiers.isEmpty() ? addWeight : "use one of tiers " + tiers + ", or " + addWeight);
    }
    report.fraction(location, "propensity", partner.propensity());
    partner
        .desireByRole()
        .forEach(
            (role, desire) -> {
              if (role.isBlank()) {
                report.add(
                    location,
                    "desireByRole",
                    "role names must be non-blank, but one was '" + role + "'",
                    "name the role, e.g. 'maritime-security'");
              } else if (report.identifier(location, "desireByRole", role)) {
                report.fraction(location, "desireByRole[" + role + "]", desire);
              }
            });
    report.optionalMoney(
        location,
        "absorptiveCapacityPerYear",
        partner.absorptiveCapacityPerYear(),
        MONEY_HINT + "; leave it null when not limited");
    report.optionalMoney(
        location,
        "sustainmentBudgetPerYear",
        partner.sustainmentBudgetPerYear(),
        MONEY_HINT + "; leave it null when not limited");
    checkReference(location, "scoId", partner.scoId(), officeIds);
  }

  private void checkGap(int index, CapabilityGap gap) {
    String location = locate("CapabilityGap", "gaps", index, gap.id());
    checkId(location, gapIds, "gaps", index, gap.id());
    report.text(location, "description", gap.description());
    Partner partner =
        checkReference(location, "partnerId", gap.partnerId(), partnerIds)
            ? scenario.partners().get(partnerIds.indexOf(gap.partnerId()))
            : null;
    Objective objective =
        checkReference(location, "objectiveId", gap.objectiveId(), objectiveIds)
            ? scenario.objectives().get(objectiveIds.indexOf(gap.objectiveId()))
            : null;
    if (gap.role().isBlank()) {
      report.add(
          location,
          "role",
          "must be non-blank, but was '" + gap.role() + "'",
          "name the role, e.g. 'maritime-security'");
    } else if (partner != null && partner.desire(gap.role()) == null) {
      report.add(
          location,
          "role",
          "role '"
              + gap.role()
              + "' has no desire in desireByRole of Partner '"
              + partner.id()
              + "'",
          roleHint(gap.role(), partner));
    }
    RiskAssessment risk = gap.risk();
    String riskHint = "score it on the 5×5 risk matrix, 1 (lowest) to 5 (highest)";
    report.inRange(location, "risk.likelihood", risk.likelihood(), 1, 5, riskHint);
    report.inRange(location, "risk.consequence", risk.consequence(), 1, 5, riskHint);
    report.inRange(
        location,
        "risk.politicalRiskOfNotProviding",
        risk.politicalRiskOfNotProviding(),
        1,
        5,
        riskHint);
    Urgency urgency = gap.urgency();
    boolean needByPlausible =
        report.fiscalYear(location, "urgency.needByFiscalYear", urgency.needByFiscalYear());
    if (needByPlausible
        && objective != null
        && objective.deadlineFiscalYear() >= ProblemList.EARLIEST_FISCAL_YEAR
        && objective.deadlineFiscalYear() <= ProblemList.LATEST_FISCAL_YEAR
        && urgency.needByFiscalYear() > objective.deadlineFiscalYear()) {
      report.add(
          location,
          "urgency.needByFiscalYear",
          "need-by "
              + fy(urgency.needByFiscalYear())
              + " is after the deadline "
              + fy(objective.deadlineFiscalYear())
              + " of Objective '"
              + objective.id()
              + "', so the gap could never be closed on time",
          "move need-by to or before " + fy(objective.deadlineFiscalYear()));
    }
    report.fraction(location, "urgency.decayPerYear", urgency.decayPerYear());
    report.fraction(location, "thirdPartyCoverage", gap.thirdPartyCoverage());
  }

  private static String roleHint(String role, Partner partner) {
    String addDesire = "add a desire for '" + role + "' to the partner's desireByRole";
    String closest = EditDistance.closest(role, partner.desireByRole().keySet());
    if (closest != null) {
      return "did you mean '" + closest + "'? Otherwise " + addDesire;
    }
    if (partner.desireByRole().isEmpty()) {
      return addDesire + " (it has none)";
    }
    return "use one of the partner's roles "
        + partner.desireByRole().keySet().stream()
            .limit(MOST_ROLES_LISTED)
            .map(r -> "'" + r + "'")
            .collect(Collectors.joining(", "))
        + (partner.desireByRole().size() > MOST_ROLES_LISTED ? ", …" : "")
        + ", or "
        + addDesire;
  }

  private void checkOption(int index, SolutionOption option) {
    String location = locate("SolutionOption", "options", index, option.id());
    checkId(location, optionIds, "options", index, option.id());
    report.text(location, "name", option.name());
    checkReference(location, "gapId", option.gapId(), gapIds);
    report.fraction(location, "closure", option.closure());
    checkCostProfile(location, option.costProfile());
    report.nonNegativeYears(
        location,
        "leadTimeYears",
        option.leadTimeYears(),
        "give the FYs from the end of the activity until the capability is in place; 0 for none");
    checkStartWindow(location, option);
    for (int i = 0; i < option.programIds().size(); i++) {
      checkReference(location, "programIds[" + i + "]", option.programIds().get(i), programIds);
    }
    checkPrerequisites(location, option);
    for (int i = 0; i < option.tags().size(); i++) {
      report.identifier(location, "tags[" + i + "]", option.tags().get(i));
    }
    report.nonNegative(
        location,
        "scoWorkloadPersonWeeksPerYear",
        option.scoWorkloadPersonWeeksPerYear(),
        "give the SCO person-weeks it needs in each FY it runs; 0 for none");
    report.money(
        location,
        "sustainmentCostPerYear",
        option.sustainmentCostPerYear(),
        MONEY_HINT + "; use 0 when the partner has nothing to sustain");
    report.inRange(
        location,
        "providingRisk",
        option.providingRisk(),
        1,
        5,
        "score the political risk of providing from 1 (lowest) to 5 (highest)");
    checkMeasures(location, "measuresOfPerformance", option.measuresOfPerformance());
  }

  private void checkCostProfile(String location, List<Long> costProfile) {
    if (costProfile.isEmpty()) {
      report.add(
          location,
          "costProfile",
          "empty cost profile: a duration of 0 FYs, so the option can never start",
          "give the dollars of each FY from the start, e.g. [400000, 250000] for a two-year"
              + " activity");
      return;
    }
    if (costProfile.size() > MOST_COST_PROFILE_YEARS) {
      report.add(
          location,
          "costProfile",
          "cost profile of "
              + costProfile.size()
              + " FYs, longer than the longest accepted ("
              + MOST_COST_PROFILE_YEARS
              + " FYs)",
          "give one amount per FY of the activity's duration");
      return;
    }
    long total = 0;
    boolean overflow = false;
    for (int i = 0; i < costProfile.size(); i++) {
      long cost = costProfile.get(i);
      report.money(
          location, "costProfile[" + i + "]", cost, MONEY_HINT + "; use 0 for a year without cost");
      if (!overflow) {
        try {
          total = Math.addExact(total, cost);
        } catch (ArithmeticException e) {
          overflow = true;
        }
      }
    }
    if (overflow) {
      report.add(
          location,
          "costProfile",
          "total cost overflows a long (more than " + Long.MAX_VALUE + " dollars): " + costProfile,
          "money is in whole dollars: check for amounts entered in cents or with extra digits");
    }
  }

  private void checkStartWindow(String location, SolutionOption option) {
    Integer earliest = option.earliestStartFiscalYear();
    Integer latest = option.latestStartFiscalYear();
    boolean earliestPlausible =
        earliest == null || report.fiscalYear(location, "earliestStartFiscalYear", earliest);
    boolean latestPlausible =
        latest == null || report.fiscalYear(location, "latestStartFiscalYear", latest);
    if (!earliestPlausible || !latestPlausible) {
      return;
    }
    if (earliest != null && latest != null && earliest > latest) {
      report.add(
          location,
          "latestStartFiscalYear",
          "start window is inverted: earliestStartFiscalYear "
              + fy(earliest)
              + " is after latestStartFiscalYear "
              + fy(latest)
              + ", so the option can never start",
          "swap the two years or widen the window");
      return;
    }
    if (!horizonUsable) {
      return;
    }
    if (earliest != null && earliest > horizon.lastFiscalYear()) {
      report.add(
          location,
          "earliestStartFiscalYear",
          "earliest start "
              + fy(earliest)
              + " is after the horizon "
              + horizonText()
              + ", so the option can never start",
          "move earliestStartFiscalYear to " + fy(horizon.lastFiscalYear()) + " or earlier");
    } else if (latest != null && latest < horizon.firstFiscalYear()) {
      report.add(
          location,
          "latestStartFiscalYear",
          "latest start "
              + fy(latest)
              + " is before the horizon "
              + horizonText()
              + ", so the option can never start",
          "move latestStartFiscalYear to "
              + fy(horizon.firstFiscalYear())
              + " or later, or lock the decision if it has already started");
    }
  }

  private void checkPrerequisites(String location, SolutionOption option) {
    Map<String, Integer> firstListed = new HashMap<>();
    for (int i = 0; i < option.prerequisites().size(); i++) {
      Prerequisite prerequisite = option.prerequisites().get(i);
      String field = "prerequisites[" + i + "]";
      if (!prerequisite.optionId().equals(option.id())) {
        checkReference(
            location, field + ".optionId", prerequisite.optionId(), optionIds, option.id());
      }
      Integer previous = firstListed.putIfAbsent(prerequisite.optionId(), i);
      if (previous != null) {
        report.add(
            location,
            field + ".optionId",
            "option '"
                + prerequisite.optionId()
                + "' is already a prerequisite at prerequisites["
                + previous
                + "]",
            "list each prerequisite once, with the larger lag");
      }
      report.nonNegativeYears(
          location,
          field + ".lagYears",
          prerequisite.lagYears(),
          "give the least FYs between the two starts; 0 allows the same FY");
    }
  }

  private void checkPrerequisiteCycles() {
    for (PrerequisiteCycles.Cycle cycle : PrerequisiteCycles.find(scenario.options(), optionIds)) {
      SolutionOption first = scenario.options().get(cycle.firstOption());
      String location = locate("SolutionOption", "options", cycle.firstOption(), first.id());
      String message =
          "prerequisites form a cycle: "
              + pathText(cycle.path())
              + " (each option requires the next)";
      int optionsInCycle = cycle.path().size() - 1;
      if (cycle.optionsInGroup() > optionsInCycle) {
        message +=
            "; " + cycle.optionsInGroup() + " options in all depend on each other in cycles here";
      }
      String hint =
          cycle.selfPrerequisite()
              ? "remove '" + first.id() + "' from its own prerequisites"
              : "remove '"
                  + cycle.path().get(1)
                  + "' from the prerequisites of '"
                  + first.id()
                  + "', or break another link of the cycle";
      report.add(location, "prerequisites", message, hint);
    }
  }

  private static String pathText(List<String> path) {
    if (path.size() <= MOST_CYCLE_IDS_SHOWN) {
      return String.join(" → ", path);
    }
    int head = MOST_CYCLE_IDS_SHOWN / 2;
    int tail = 3;
    int omitted = path.size() - head - tail;
    return String.join(" → ", path.subList(0, head))
        + " → … ("
        + omitted
        + " more) … → "
        + String.join(" → ", path.subList(path.size() - tail, path.size()));
  }

  private void checkProgram(int index, Program program) {
    String location = locate("Program", "programs", index, program.id());
    checkId(location, programIds, "programs", index, program.id());
    report.text(location, "name", program.name());
    report.text(location, "authority", program.authority());
    report.nonBlank(
        location,
        "name",
        program.name(),
        "give the program's name (e.g. 'Foreign Military Financing')");
    Integer span = program.maxSpanYears();
    if (program.obligationRule() == ObligationRule.FULL_AT_START && (span == null || span < 1)) {
      report.add(
          location,
          "maxSpanYears",
          "a FULL_AT_START program needs maxSpanYears ≥ 1, but was " + span,
          "give the FYs a funded activity may run, start year included (3 for 10 U.S.C. 333)");
    } else if (program.obligationRule() == ObligationRule.INCREMENTAL && span != null) {
      report.add(
          location,
          "maxSpanYears",
          "an INCREMENTAL program has no maxSpanYears, but was " + span,
          "remove it, or switch obligationRule to FULL_AT_START");
    }
    report.nonNegativeYears(
        location,
        "planningLeadTimeYears",
        program.planningLeadTimeYears(),
        "give the FYs of proposal and notification before its first start; 0 for none");
    report.optionalMoney(
        location,
        "perPartnerAnnualCap",
        program.perPartnerAnnualCap(),
        MONEY_HINT + "; leave it null when not capped");
    List<String> allowed = program.eligibility().partnerIds();
    for (int i = 0; i < allowed.size(); i++) {
      checkReference(location, "eligibility.partnerIds[" + i + "]", allowed.get(i), partnerIds);
    }
    List<String> prohibited = program.eligibility().prohibitedPartnerIds();
    for (int i = 0; i < prohibited.size(); i++) {
      checkReference(
          location, "eligibility.prohibitedPartnerIds[" + i + "]", prohibited.get(i), partnerIds);
    }
    checkAppropriations(location, program.appropriations());
  }

  private void checkAppropriations(String programLocation, List<Appropriation> appropriations) {
    Map<Integer, Integer> countByFiscalYear = new HashMap<>();
    for (Appropriation appropriation : appropriations) {
      countByFiscalYear.merge(appropriation.fiscalYear(), 1, Integer::sum);
    }
    Map<List<Integer>, Integer> firstFundingLine = new HashMap<>();
    long total = 0;
    boolean overflow = false;
    for (int i = 0; i < appropriations.size(); i++) {
      Appropriation appropriation = appropriations.get(i);
      int fiscalYear = appropriation.fiscalYear();
      String location =
          countByFiscalYear.get(fiscalYear) > 1
              ? programLocation + " appropriations[" + i + "]"
              : programLocation + " appropriation " + fy(fiscalYear);
      boolean fiscalYearPlausible = report.fiscalYear(location, "fiscalYear", fiscalYear);
      report.money(location, "amount", appropriation.amount(), MONEY_HINT);
      Integer years = appropriation.yearsAvailable();
      if (years != null && years < 1) {
        report.add(
            location,
            "yearsAvailable",
            "must be ≥ 1 FY when given, but was " + years,
            "give the period of availability in FYs (1, 2, 5…), or null for no-year money");
      } else if (years != null && fiscalYearPlausible) {
        long lastAvailable = (long) fiscalYear + years - 1;
        if (lastAvailable > ProblemList.LATEST_FISCAL_YEAR) {
          // Appropriation computes its last FY in int arithmetic, which such a value overflows.
          report.add(
              location,
              "yearsAvailable",
              "must end by FY"
                  + ProblemList.LATEST_FISCAL_YEAR
                  + ", but "
                  + years
                  + " FYs from "
                  + fy(fiscalYear)
                  + " run to "
                  + fy(lastAvailable),
              "use null for no-year money (available until expended)");
        } else if (horizonUsable && lastAvailable < horizon.firstFiscalYear()) {
          report.add(
              location,
              "yearsAvailable",
              "expired in "
                  + fy(lastAvailable)
                  + " ("
                  + availabilityText(years)
                  + " money of "
                  + fy(fiscalYear)
                  + ") before the horizon starts in "
                  + fy(horizon.firstFiscalYear()),
              "remove it or correct its FY/availability");
        }
      }
      Integer previous = firstFundingLine.putIfAbsent(Arrays.asList(fiscalYear, years), i);
      if (previous != null) {
        report.add(
            location,
            "fiscalYear",
            "duplicate funding line: same "
                + fy(fiscalYear)
                + " and availability ("
                + availabilityText(years)
                + ") as appropriations["
                + previous
                + "]",
            "merge the two amounts into one appropriation, or correct its FY or availability");
      }
      if (!overflow) {
        try {
          total = Math.addExact(total, appropriation.amount());
        } catch (ArithmeticException e) {
          overflow = true;
        }
      }
    }
    if (overflow) {
      report.add(
          programLocation,
          "appropriations",
          "total of the appropriations overflows a long (more than " + Long.MAX_VALUE + " dollars)",
          "money is in whole dollars: check for amounts entered in cents or with extra digits");
    }
  }

  private static String availabilityText(Integer years) {
    if (years == null) {
      return "no-year";
    }
    return years == 1 ? "1-FY" : years + "-FY";
  }

  private void checkBalanceRule(int index, BalanceRule rule) {
    String location = locate("BalanceRule", "balanceRules", index, rule.id());
    checkId(location, balanceRuleIds, "balanceRules", index, rule.id());
    report.text(location, "description", rule.description());
    if (rule.tags().isEmpty()) {
      report.add(
          location,
          "tags",
          "has no tags, so it covers no option",
          "list the option tags it balances, e.g. ['navy']");
    }
    for (int i = 0; i < rule.tags().size(); i++) {
      String tag = rule.tags().get(i);
      if (tag.isBlank()) {
        report.nonBlank(location, "tags[" + i + "]", tag, "remove the blank tag");
      } else {
        report.identifier(location, "tags[" + i + "]", tag);
      }
    }
    if (rule.minimumShare() == null
        && rule.maximumShare() == null
        && rule.minimumAmount() == null
        && rule.maximumAmount() == null) {
      report.add(
          location,
          "",
          "has no bound: minimumShare, maximumShare, minimumAmount and maximumAmount are all null",
          "give at least one bound, or remove the rule");
    }
    if (rule.minimumShare() != null) {
      report.fraction(location, "minimumShare", rule.minimumShare());
    }
    if (rule.maximumShare() != null) {
      report.fraction(location, "maximumShare", rule.maximumShare());
    }
    if (rule.minimumShare() != null
        && rule.maximumShare() != null
        && rule.minimumShare() > rule.maximumShare()) {
      report.add(
          location,
          "maximumShare",
          "maximumShare " + rule.maximumShare() + " is below minimumShare " + rule.minimumShare(),
          "swap the two shares");
    }
    report.optionalMoney(location, "minimumAmount", rule.minimumAmount(), MONEY_HINT);
    report.optionalMoney(location, "maximumAmount", rule.maximumAmount(), MONEY_HINT);
    if (rule.minimumAmount() != null
        && rule.maximumAmount() != null
        && rule.minimumAmount() > rule.maximumAmount()) {
      report.add(
          location,
          "maximumAmount",
          "maximumAmount "
              + rule.maximumAmount()
              + " dollars is below minimumAmount "
              + rule.minimumAmount()
              + " dollars",
          "swap the two amounts");
    }
  }

  private void checkLockedDecisions() {
    Map<String, Integer> lockIndexByOption = new HashMap<>();
    List<LockedDecision> decisions = scenario.lockedDecisions();
    for (int i = 0; i < decisions.size(); i++) {
      LockedDecision decision = decisions.get(i);
      String location =
          decision.optionId().isBlank()
              ? "LockedDecision at lockedDecisions[" + i + "]"
              : "LockedDecision for option '" + decision.optionId() + "'";
      report.text(location, "note", decision.note());
      boolean optionKnown = checkReference(location, "optionId", decision.optionId(), optionIds);
      if (optionKnown) {
        Integer previous = lockIndexByOption.putIfAbsent(decision.optionId(), i);
        if (previous != null) {
          report.add(
              location,
              "optionId",
              "option '"
                  + decision.optionId()
                  + "' is locked again; lockedDecisions["
                  + previous
                  + "] already locks it",
              "keep one locked decision per option");
        }
      }
      boolean programKnown =
          checkReference(location, "programId", decision.programId(), programIds);
      if (optionKnown && programKnown) {
        SolutionOption option = scenario.options().get(optionIds.indexOf(decision.optionId()));
        if (!option.programIds().isEmpty() && !option.programIds().contains(decision.programId())) {
          String listed =
              option.programIds().stream()
                  .map(id -> "'" + id + "'")
                  .collect(Collectors.joining(", "));
          report.add(
              location,
              "programId",
              "program '"
                  + decision.programId()
                  + "' is not among the option's programIds ["
                  + String.join(", ", option.programIds())
                  + "]",
              "lock it to one of "
                  + listed
                  + ", or add '"
                  + decision.programId()
                  + "' to the option's programIds");
        }
      }
      int start = decision.startFiscalYear();
      if (report.fiscalYear(location, "startFiscalYear", start)
          && horizonUsable
          && !horizon.contains(start)) {
        report.add(
            location,
            "startFiscalYear",
            "start " + fy(start) + " is outside the horizon " + horizonText(),
            "lock a start in " + horizonText() + ", or drop the locked decision");
      }
    }
  }

  /**
   * {@code Partner 'p-bandaria'}, or {@code Partner at partners[3]} when the id is blank, too long
   * or holds control characters (its own problem names it).
   */
  private static String locate(String kind, String list, int index, String id) {
    return !locatable(id) ? kind + " at " + list + "[" + index + "]" : kind + " '" + id + "'";
  }

  private static boolean locatable(String id) {
    return !id.isBlank()
        && id.length() <= InputLimits.MAX_ID_LENGTH
        && InputLimits.firstControlCharacter(id) < 0;
  }

  private void checkId(String location, KnownIds known, String list, int index, String id) {
    if (id.isBlank()) {
      report.add(
          location,
          "id",
          "must be non-blank, but was '" + id + "'",
          "give every " + known.kind() + " a unique id");
      return;
    }
    if (!report.identifier(location, "id", id)) {
      return;
    }
    int first = known.indexOf(id);
    if (first != index) {
      report.add(
          location,
          "id",
          "duplicate id '"
              + id
              + "': "
              + list
              + "["
              + index
              + "] has the id of "
              + list
              + "["
              + first
              + "]",
          "give each " + known.kind() + " its own id, or remove the duplicate");
    }
  }

  /** Reports a reference to an id {@code known} does not have; returns whether it resolves. */
  private boolean checkReference(String location, String field, String id, KnownIds known) {
    return checkReference(location, field, id, known, null);
  }

  /**
   * As {@link #checkReference(String, String, String, KnownIds)}, never suggesting {@code self}.
   */
  private boolean checkReference(
      String location, String field, String id, KnownIds known, String self) {
    if (known.indexOf(id) >= 0) {
      return true;
    }
    if (id.isBlank()) {
      report.add(
          location,
          field,
          "must name a " + known.kind() + ", but was '" + id + "'",
          "give the id of an existing " + known.kind());
    } else {
      report.add(
          location,
          field,
          "refers to unknown " + known.kind() + " '" + id + "'",
          known.hintFor(id, self));
    }
    return false;
  }
}
