package org.scplan.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
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

/**
 * Writes the JSON document of a {@link Scenario}: {@code formatVersion} first, then every record
 * component in declaration order, optional ones included (nulls written out), so that a written
 * file shows every field a planner can set and reads back to an equal scenario. Empty lists of
 * measures (MOEs, MOPs) are left out, so that a scenario without measures is written exactly as
 * before measures existed. Entities are written one at a time ({@link JsonSupport.ObjectStream}),
 * never as one tree.
 */
final class ScenarioWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ScenarioWriter() {}

  /** Writes the fields of {@code scenario}'s document to {@code document}. */
  static void write(Scenario scenario, JsonSupport.ObjectStream document) throws IOException {
    document.field("formatVersion", NODES.numberNode(Scenario.FORMAT_VERSION));
    document.field("id", NODES.textNode(scenario.id()));
    document.field("name", NODES.textNode(scenario.name()));
    ObjectNode horizon = NODES.objectNode();
    horizon.put("firstFiscalYear", scenario.horizon().firstFiscalYear());
    horizon.put("lastFiscalYear", scenario.horizon().lastFiscalYear());
    document.field("horizon", horizon);
    ObjectNode policy = NODES.objectNode();
    policy(policy, scenario.policy());
    document.field("policy", policy);
    document.array("endStates", scenario.endStates(), ScenarioWriter::endState);
    document.array("linesOfEffort", scenario.linesOfEffort(), ScenarioWriter::lineOfEffort);
    document.array("objectives", scenario.objectives(), ScenarioWriter::objective);
    document.array(
        "securityCooperationOffices",
        scenario.securityCooperationOffices(),
        ScenarioWriter::office);
    document.array("partners", scenario.partners(), ScenarioWriter::partner);
    document.array("gaps", scenario.gaps(), ScenarioWriter::gap);
    document.array("options", scenario.options(), ScenarioWriter::option);
    document.array("programs", scenario.programs(), ScenarioWriter::program);
    document.array("balanceRules", scenario.balanceRules(), ScenarioWriter::balanceRule);
    document.array("lockedDecisions", scenario.lockedDecisions(), ScenarioWriter::lockedDecision);
  }

  private static void policy(ObjectNode node, Policy policy) {
    ObjectNode tierWeights = node.putObject("tierWeights");
    policy.tierWeights().forEach((tier, weight) -> tierWeights.put(String.valueOf(tier), weight));
    ObjectNode roleTypeWeights = node.putObject("roleTypeWeights");
    policy.roleTypeWeights().forEach((type, weight) -> roleTypeWeights.put(type.name(), weight));
    node.put("sweetSpotBonusPerStakeholder", policy.sweetSpotBonusPerStakeholder());
    ArrayNode penalties = node.putArray("providingRiskPenalties");
    policy.providingRiskPenalties().forEach(penalties::add);
    node.put("maximumProvidingRisk", policy.maximumProvidingRisk());
    node.put("minimumDesire", policy.minimumDesire());
    node.put("minimumRiskScore", policy.minimumRiskScore());
    node.put("lapsePenaltyPointsPerMillion", policy.lapsePenaltyPointsPerMillion());
    node.put("moneyResolutionDollars", policy.moneyResolutionDollars());
  }

  private static void endState(ObjectNode node, EndState endState) {
    node.put("id", endState.id());
    node.put("name", endState.name());
    node.put("weight", endState.weight());
  }

  private static void lineOfEffort(ObjectNode node, LineOfEffort line) {
    node.put("id", line.id());
    node.put("name", line.name());
    node.put("endStateId", line.endStateId());
    node.put("weight", line.weight());
  }

  private static void objective(ObjectNode node, Objective objective) {
    node.put("id", objective.id());
    node.put("name", objective.name());
    node.put("lineOfEffortId", objective.lineOfEffortId());
    node.put("deadlineFiscalYear", objective.deadlineFiscalYear());
    node.put("weight", objective.weight());
    measures(node, "measuresOfEffectiveness", objective.measuresOfEffectiveness());
  }

  private static void office(ObjectNode node, SecurityCooperationOffice office) {
    node.put("id", office.id());
    node.put("name", office.name());
    node.put("staffCapacityPersonWeeksPerYear", office.staffCapacityPersonWeeksPerYear());
  }

  private static void partner(ObjectNode node, Partner partner) {
    node.put("id", partner.id());
    node.put("name", partner.name());
    node.put("combatantCommand", partner.combatantCommand().name());
    node.put("priorityTier", partner.priorityTier());
    node.put("propensity", partner.propensity());
    ObjectNode desire = node.putObject("desireByRole");
    partner.desireByRole().forEach(desire::put);
    node.put("absorptiveCapacityPerYear", partner.absorptiveCapacityPerYear());
    node.put("sustainmentBudgetPerYear", partner.sustainmentBudgetPerYear());
    node.put("vettingStatus", partner.vettingStatus().name());
    node.put("scoId", partner.scoId());
  }

  private static void gap(ObjectNode node, CapabilityGap gap) {
    node.put("id", gap.id());
    node.put("partnerId", gap.partnerId());
    node.put("objectiveId", gap.objectiveId());
    node.put("role", gap.role());
    node.put("roleType", gap.roleType().name());
    node.put("description", gap.description());
    ObjectNode risk = node.putObject("risk");
    risk.put("likelihood", gap.risk().likelihood());
    risk.put("consequence", gap.risk().consequence());
    risk.put("politicalRiskOfNotProviding", gap.risk().politicalRiskOfNotProviding());
    ObjectNode urgency = node.putObject("urgency");
    urgency.put("needByFiscalYear", gap.urgency().needByFiscalYear());
    urgency.put("decayPerYear", gap.urgency().decayPerYear());
    node.put("thirdPartyCoverage", gap.thirdPartyCoverage());
    names(node, "sweetSpot", gap.sweetSpot());
  }

  private static void option(ObjectNode node, SolutionOption option) {
    node.put("id", option.id());
    node.put("gapId", option.gapId());
    node.put("name", option.name());
    node.put("domain", option.domain().name());
    node.put("activityType", option.activityType().name());
    node.put("closure", option.closure());
    ArrayNode costProfile = node.putArray("costProfile");
    option.costProfile().forEach(costProfile::add);
    node.put("leadTimeYears", option.leadTimeYears());
    node.put("earliestStartFiscalYear", option.earliestStartFiscalYear());
    node.put("latestStartFiscalYear", option.latestStartFiscalYear());
    strings(node, "programIds", option.programIds());
    ArrayNode prerequisites = node.putArray("prerequisites");
    for (Prerequisite prerequisite : option.prerequisites()) {
      ObjectNode entry = prerequisites.addObject();
      entry.put("optionId", prerequisite.optionId());
      entry.put("lagYears", prerequisite.lagYears());
    }
    node.put("exclusionGroup", option.exclusionGroup());
    node.put("scoWorkloadPersonWeeksPerYear", option.scoWorkloadPersonWeeksPerYear());
    node.put("sustainmentCostPerYear", option.sustainmentCostPerYear());
    node.put("providingRisk", option.providingRisk());
    strings(node, "tags", option.tags());
    measures(node, "measuresOfPerformance", option.measuresOfPerformance());
  }

  private static void program(ObjectNode node, Program program) {
    node.put("id", program.id());
    node.put("name", program.name());
    node.put("authority", program.authority());
    node.put("title", program.title().name());
    node.put("obligationRule", program.obligationRule().name());
    node.put("maxSpanYears", program.maxSpanYears());
    ProgramEligibility eligibility = program.eligibility();
    ObjectNode eligibilityNode = node.putObject("eligibility");
    names(eligibilityNode, "activityTypes", eligibility.activityTypes());
    names(eligibilityNode, "domains", eligibility.domains());
    names(eligibilityNode, "combatantCommands", eligibility.combatantCommands());
    strings(eligibilityNode, "partnerIds", eligibility.partnerIds());
    strings(eligibilityNode, "prohibitedPartnerIds", eligibility.prohibitedPartnerIds());
    node.put("vettingRequirement", program.vettingRequirement().name());
    node.put("planningLeadTimeYears", program.planningLeadTimeYears());
    node.put("perPartnerAnnualCap", program.perPartnerAnnualCap());
    ArrayNode appropriations = node.putArray("appropriations");
    for (Appropriation appropriation : program.appropriations()) {
      ObjectNode entry = appropriations.addObject();
      entry.put("fiscalYear", appropriation.fiscalYear());
      entry.put("amount", appropriation.amount());
      entry.put("yearsAvailable", appropriation.yearsAvailable());
    }
  }

  private static void balanceRule(ObjectNode node, BalanceRule rule) {
    node.put("id", rule.id());
    node.put("description", rule.description());
    strings(node, "tags", rule.tags());
    node.put("scope", rule.scope().name());
    node.put("minimumShare", rule.minimumShare());
    node.put("maximumShare", rule.maximumShare());
    node.put("minimumAmount", rule.minimumAmount());
    node.put("maximumAmount", rule.maximumAmount());
  }

  private static void lockedDecision(ObjectNode node, LockedDecision locked) {
    node.put("optionId", locked.optionId());
    node.put("programId", locked.programId());
    node.put("startFiscalYear", locked.startFiscalYear());
    node.put("note", locked.note());
  }

  private static void measures(ObjectNode node, String field, List<Measure> measures) {
    if (measures.isEmpty()) {
      return;
    }
    ArrayNode array = node.putArray(field);
    for (Measure measure : measures) {
      ObjectNode entry = array.addObject();
      entry.put("id", measure.id());
      entry.put("name", measure.name());
      entry.put("unit", measure.unit());
      entry.put("baseline", measure.baseline());
      entry.put("target", measure.target());
      entry.put("targetFiscalYear", measure.targetFiscalYear());
      entry.put("direction", measure.direction().name());
    }
  }

  private static void strings(ObjectNode node, String field, List<String> values) {
    ArrayNode array = node.putArray(field);
    values.forEach(array::add);
  }

  private static void names(ObjectNode node, String field, Collection<? extends Enum<?>> values) {
    ArrayNode array = node.putArray(field);
    values.forEach(value -> array.add(value.name()));
  }
}
