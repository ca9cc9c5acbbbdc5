package org.scplan.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/**
 * Maps a parsed scenario document to a {@link Scenario} field by field, collecting every structural
 * problem before giving up. Which fields are optional, and their defaults, is documented on {@link
 * ScenarioJson}.
 */
final class ScenarioReader {
  private ScenarioReader() {}

  /**
   * The scenario in {@code root}.
   *
   * @throws ScenarioValidationException listing every structural problem found
   */
  static Scenario read(JsonNode root, String sourceName) {
    if (!root.isObject()) {
      throw JsonSupport.invalid(
          sourceName,
          new Problem(
              sourceName + " $",
              "",
              "Expected a scenario object but found " + NodeReader.describe(root) + ".",
              "a scenario file holds one JSON object that starts with {\"formatVersion\": "
                  + Scenario.FORMAT_VERSION
                  + ", …}."));
    }
    List<Problem> problems = new ArrayList<>();
    if (!JsonSupport.checkFormatVersion(root, Scenario.FORMAT_VERSION, sourceName, problems)) {
      throw new ScenarioValidationException(sourceName, problems);
    }
    NodeReader r =
        NodeReader.root(
            problems, sourceName, (ObjectNode) root, "scenario", Scenario.class, "formatVersion");
    String id = r.requiredString("id");
    String name = r.optionalString("name");
    PlanningHorizon horizon =
        r.object("horizon", PlanningHorizon.class, "horizon", true, ScenarioReader::horizon);
    Policy policy = r.object("policy", Policy.class, "policy", false, ScenarioReader::policy);
    List<EndState> endStates =
        r.objects("endStates", EndState.class, "end state", "id", ScenarioReader::endState);
    List<LineOfEffort> linesOfEffort =
        r.objects(
            "linesOfEffort",
            LineOfEffort.class,
            "line of effort",
            "id",
            ScenarioReader::lineOfEffort);
    List<Objective> objectives =
        r.objects("objectives", Objective.class, "objective", "id", ScenarioReader::objective);
    List<SecurityCooperationOffice> offices =
        r.objects(
            "securityCooperationOffices",
            SecurityCooperationOffice.class,
            "security cooperation office",
            "id",
            ScenarioReader::office);
    List<Partner> partners =
        r.objects("partners", Partner.class, "partner", "id", ScenarioReader::partner);
    List<CapabilityGap> gaps =
        r.objects("gaps", CapabilityGap.class, "gap", "id", ScenarioReader::gap);
    List<SolutionOption> options =
        r.objects("options", SolutionOption.class, "option", "id", ScenarioReader::option);
    List<Program> programs =
        r.objects("programs", Program.class, "program", "id", ScenarioReader::program);
    List<BalanceRule> balanceRules =
        r.objects(
            "balanceRules", BalanceRule.class, "balance rule", "id", ScenarioReader::balanceRule);
    List<LockedDecision> lockedDecisions =
        r.objects(
            "lockedDecisions",
            LockedDecision.class,
            "locked decision",
            "optionId",
            ScenarioReader::lockedDecision);
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(sourceName, problems);
    }
    return new Scenario(
        id,
        name,
        horizon,
        policy,
        endStates,
        linesOfEffort,
        objectives,
        offices,
        partners,
        gaps,
        options,
        programs,
        balanceRules,
        lockedDecisions);
  }

  private static PlanningHorizon horizon(NodeReader r) {
    int first = r.requiredInt("firstFiscalYear");
    int last = r.requiredInt("lastFiscalYear");
    return r.clean() ? new PlanningHorizon(first, last) : null;
  }

  /** Every policy field is optional; a map or list given replaces the default one whole. */
  private static Policy policy(NodeReader r) {
    Policy defaults = Policy.defaults();
    Map<Integer, Double> tierWeights = r.doublesByInt("tierWeights");
    Map<RoleType, Double> roleTypeWeights = r.doublesByEnum("roleTypeWeights", RoleType.class);
    double sweetSpotBonus =
        r.optionalDouble("sweetSpotBonusPerStakeholder", defaults.sweetSpotBonusPerStakeholder());
    List<Double> penalties = r.doubles("providingRiskPenalties");
    int maximumProvidingRisk =
        r.optionalInt("maximumProvidingRisk", defaults.maximumProvidingRisk());
    double minimumDesire = r.optionalDouble("minimumDesire", defaults.minimumDesire());
    int minimumRiskScore = r.optionalInt("minimumRiskScore", defaults.minimumRiskScore());
    double lapsePenalty =
        r.optionalDouble("lapsePenaltyPointsPerMillion", defaults.lapsePenaltyPointsPerMillion());
    long moneyResolution =
        r.optionalMoney("moneyResolutionDollars", defaults.moneyResolutionDollars());
    if (!r.clean()) {
      return null;
    }
    return new Policy(
        tierWeights == null ? defaults.tierWeights() : tierWeights,
        roleTypeWeights == null ? defaults.roleTypeWeights() : roleTypeWeights,
        sweetSpotBonus,
        penalties == null ? defaults.providingRiskPenalties() : penalties,
        maximumProvidingRisk,
        minimumDesire,
        minimumRiskScore,
        lapsePenalty,
        moneyResolution);
  }

  private static EndState endState(NodeReader r) {
    String id = r.requiredString("id");
    String name = r.requiredString("name");
    double weight = r.requiredDouble("weight");
    return r.clean() ? new EndState(id, name, weight) : null;
  }

  private static LineOfEffort lineOfEffort(NodeReader r) {
    String id = r.requiredString("id");
    String name = r.requiredString("name");
    String endStateId = r.requiredString("endStateId");
    double weight = r.requiredDouble("weight");
    return r.clean() ? new LineOfEffort(id, name, endStateId, weight) : null;
  }

  private static Objective objective(NodeReader r) {
    String id = r.requiredString("id");
    String name = r.requiredString("name");
    String lineOfEffortId = r.requiredString("lineOfEffortId");
    int deadline = r.requiredInt("deadlineFiscalYear");
    double weight = r.requiredDouble("weight");
    List<Measure> measures = measures(r, "measuresOfEffectiveness");
    return r.clean() ? new Objective(id, name, lineOfEffortId, deadline, weight, measures) : null;
  }

  private static List<Measure> measures(NodeReader r, String field) {
    return r.objects(field, Measure.class, "measure", "id", ScenarioReader::measure);
  }

  private static Measure measure(NodeReader r) {
    String id = r.requiredString("id");
    String name = r.requiredString("name");
    String unit = r.optionalString("unit");
    double baseline = r.requiredDouble("baseline");
    double target = r.requiredDouble("target");
    int targetFiscalYear = r.requiredInt("targetFiscalYear");
    MeasureDirection direction = r.requiredEnum("direction", MeasureDirection.class);
    return r.clean()
        ? new Measure(id, name, unit, baseline, target, targetFiscalYear, direction)
        : null;
  }

  private static SecurityCooperationOffice office(NodeReader r) {
    String id = r.requiredString("id");
    String name = r.requiredString("name");
    double staffCapacity = r.requiredDouble("staffCapacityPersonWeeksPerYear");
    return r.clean() ? new SecurityCooperationOffice(id, name, staffCapacity) : null;
  }

  static Partner partner(NodeReader r) {
    String id = r.requiredString("id");
    String name = r.requiredString("name");
    CombatantCommand combatantCommand = r.requiredEnum("combatantCommand", CombatantCommand.class);
    int priorityTier = r.requiredInt("priorityTier");
    double propensity = r.requiredDouble("propensity");
    Map<String, Double> desireByRole = r.doublesByString("desireByRole");
    Long absorptiveCapacity = r.nullableMoney("absorptiveCapacityPerYear");
    Long sustainmentBudget = r.nullableMoney("sustainmentBudgetPerYear");
    VettingStatus vettingStatus = r.requiredEnum("vettingStatus", VettingStatus.class);
    String scoId = r.requiredString("scoId");
    if (!r.clean()) {
      return null;
    }
    return new Partner(
        id,
        name,
        combatantCommand,
        priorityTier,
        propensity,
        desireByRole,
        absorptiveCapacity,
        sustainmentBudget,
        vettingStatus,
        scoId);
  }

  static CapabilityGap gap(NodeReader r) {
    String id = r.requiredString("id");
    String partnerId = r.requiredString("partnerId");
    String objectiveId = r.requiredString("objectiveId");
    String role = r.requiredString("role");
    RoleType roleType = r.requiredEnum("roleType", RoleType.class);
    String description = r.optionalString("description");
    RiskAssessment risk =
        r.object("risk", RiskAssessment.class, "risk assessment", true, ScenarioReader::risk);
    Urgency urgency = r.object("urgency", Urgency.class, "urgency", true, ScenarioReader::urgency);
    double thirdPartyCoverage = r.optionalDouble("thirdPartyCoverage", 0.0);
    Set<Stakeholder> sweetSpot = r.enumSet("sweetSpot", Stakeholder.class);
    if (!r.clean()) {
      return null;
    }
    return new CapabilityGap(
        id,
        partnerId,
        objectiveId,
        role,
        roleType,
        description,
        risk,
        urgency,
        thirdPartyCoverage,
        sweetSpot);
  }

  static RiskAssessment risk(NodeReader r) {
    int likelihood = r.requiredInt("likelihood");
    int consequence = r.requiredInt("consequence");
    int politicalRisk = r.requiredInt("politicalRiskOfNotProviding");
    return r.clean() ? new RiskAssessment(likelihood, consequence, politicalRisk) : null;
  }

  private static Urgency urgency(NodeReader r) {
    int needBy = r.requiredInt("needByFiscalYear");
    double decay = r.requiredDouble("decayPerYear");
    return r.clean() ? new Urgency(needBy, decay) : null;
  }

  static SolutionOption option(NodeReader r) {
    String id = r.requiredString("id");
    String gapId = r.requiredString("gapId");
    String name = r.optionalString("name");
    DotmlpfDomain domain = r.requiredEnum("domain", DotmlpfDomain.class);
    ActivityType activityType = r.requiredEnum("activityType", ActivityType.class);
    double closure = r.requiredDouble("closure");
    List<Long> costProfile = r.moneyList("costProfile");
    int leadTimeYears = r.optionalInt("leadTimeYears", 0);
    Integer earliestStart = r.nullableInt("earliestStartFiscalYear");
    Integer latestStart = r.nullableInt("latestStartFiscalYear");
    List<String> programIds = r.strings("programIds");
    List<Prerequisite> prerequisites =
        r.objects(
            "prerequisites",
            Prerequisite.class,
            "prerequisite",
            null,
            ScenarioReader::prerequisite);
    String exclusionGroup = r.optionalString("exclusionGroup");
    double scoWorkload = r.optionalDouble("scoWorkloadPersonWeeksPerYear", 0.0);
    long sustainmentCost = r.optionalMoney("sustainmentCostPerYear", 0L);
    int providingRisk = r.optionalInt("providingRisk", 1);
    List<String> tags = r.strings("tags");
    List<Measure> measures = measures(r, "measuresOfPerformance");
    if (!r.clean()) {
      return null;
    }
    return new SolutionOption(
        id,
        gapId,
        name,
        domain,
        activityType,
        closure,
        costProfile,
        leadTimeYears,
        earliestStart,
        latestStart,
        programIds,
        prerequisites,
        exclusionGroup,
        scoWorkload,
        sustainmentCost,
        providingRisk,
        tags,
        measures);
  }

  private static Prerequisite prerequisite(NodeReader r) {
    String optionId = r.requiredString("optionId");
    int lagYears = r.requiredInt("lagYears");
    return r.clean() ? new Prerequisite(optionId, lagYears) : null;
  }

  private static Program program(NodeReader r) {
    String id = r.requiredString("id");
    String name = r.requiredString("name");
    String authority = r.optionalString("authority");
    FundingTitle title = r.requiredEnum("title", FundingTitle.class);
    ObligationRule obligationRule = r.requiredEnum("obligationRule", ObligationRule.class);
    Integer maxSpanYears = r.nullableInt("maxSpanYears");
    ProgramEligibility eligibility =
        r.object(
            "eligibility",
            ProgramEligibility.class,
            "eligibility",
            false,
            ScenarioReader::eligibility);
    VettingRequirement vettingRequirement =
        r.requiredEnum("vettingRequirement", VettingRequirement.class);
    int planningLeadTime = r.optionalInt("planningLeadTimeYears", 0);
    Long perPartnerAnnualCap = r.nullableMoney("perPartnerAnnualCap");
    List<Appropriation> appropriations =
        r.objects(
            "appropriations",
            Appropriation.class,
            "appropriation",
            null,
            ScenarioReader::appropriation);
    if (!r.clean()) {
      return null;
    }
    return new Program(
        id,
        name,
        authority,
        title,
        obligationRule,
        maxSpanYears,
        eligibility,
        vettingRequirement,
        planningLeadTime,
        perPartnerAnnualCap,
        appropriations);
  }

  private static ProgramEligibility eligibility(NodeReader r) {
    Set<ActivityType> activityTypes = r.enumSet("activityTypes", ActivityType.class);
    Set<DotmlpfDomain> domains = r.enumSet("domains", DotmlpfDomain.class);
    Set<CombatantCommand> commands = r.enumSet("combatantCommands", CombatantCommand.class);
    List<String> partnerIds = r.strings("partnerIds");
    List<String> prohibitedPartnerIds = r.strings("prohibitedPartnerIds");
    if (!r.clean()) {
      return null;
    }
    return new ProgramEligibility(
        activityTypes, domains, commands, partnerIds, prohibitedPartnerIds);
  }

  /** {@code yearsAvailable} must be written even for no-year money, as {@code null}. */
  private static Appropriation appropriation(NodeReader r) {
    int fiscalYear = r.requiredInt("fiscalYear");
    long amount = r.requiredMoney("amount");
    Integer yearsAvailable =
        r.presentNullableInt("yearsAvailable", "no-year money (available until expended)");
    return r.clean() ? new Appropriation(fiscalYear, amount, yearsAvailable) : null;
  }

  private static BalanceRule balanceRule(NodeReader r) {
    String id = r.requiredString("id");
    String description = r.optionalString("description");
    List<String> tags = r.strings("tags");
    BalanceScope scope = r.requiredEnum("scope", BalanceScope.class);
    Double minimumShare = r.nullableDouble("minimumShare");
    Double maximumShare = r.nullableDouble("maximumShare");
    Long minimumAmount = r.nullableMoney("minimumAmount");
    Long maximumAmount = r.nullableMoney("maximumAmount");
    if (!r.clean()) {
      return null;
    }
    return new BalanceRule(
        id, description, tags, scope, minimumShare, maximumShare, minimumAmount, maximumAmount);
  }

  private static LockedDecision lockedDecision(NodeReader r) {
    String optionId = r.requiredString("optionId");
    String programId = r.requiredString("programId");
    int startFiscalYear = r.requiredInt("startFiscalYear");
    String note = r.optionalString("note");
    return r.clean() ? new LockedDecision(optionId, programId, startFiscalYear, note) : null;
  }
}
