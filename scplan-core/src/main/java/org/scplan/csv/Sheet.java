package org.scplan.csv;

import java.util.List;
import java.util.Set;

/**
 * The CSV files of a scenario and their columns, in the order the writer puts them; {@code docs/
 * CSV.md} explains each. A column marked required must be in the header; the others may be left out
 * and then take their defaults.
 */
enum Sheet implements SheetLayout {
  SCENARIO("scenario.csv", "id!", "name", "firstFiscalYear!", "lastFiscalYear!"),
  POLICY(
      "policy.csv",
      "tierWeights",
      "roleTypeWeights",
      "sweetSpotBonusPerStakeholder",
      "providingRiskPenalties",
      "maximumProvidingRisk",
      "minimumDesire",
      "minimumRiskScore",
      "lapsePenaltyPointsPerMillion",
      "moneyResolutionDollars"),
  END_STATES("end-states.csv", "id!", "name!", "weight!"),
  LINES_OF_EFFORT("lines-of-effort.csv", "id!", "name!", "endStateId!", "weight!"),
  OBJECTIVES("objectives.csv", "id!", "name!", "lineOfEffortId!", "deadlineFiscalYear!", "weight!"),
  SCOS("scos.csv", "id!", "name!", "staffCapacityPersonWeeksPerYear!"),
  PARTNERS(
      "partners.csv",
      "id!",
      "name!",
      "combatantCommand!",
      "priorityTier!",
      "propensity!",
      "absorptiveCapacityPerYear",
      "sustainmentBudgetPerYear",
      "vettingStatus!",
      "scoId!"),
  PARTNER_DESIRES("partner-desires.csv", "partnerId!", "role!", "desire!"),
  GAPS(
      "gaps.csv",
      "id!",
      "partnerId!",
      "objectiveId!",
      "role!",
      "roleType!",
      "description",
      "likelihood!",
      "consequence!",
      "politicalRiskOfNotProviding!",
      "needByFiscalYear!",
      "decayPerYear!",
      "thirdPartyCoverage",
      "sweetSpot"),
  OPTIONS(
      "options.csv",
      "id!",
      "gapId!",
      "name",
      "domain!",
      "activityType!",
      "closure!",
      "leadTimeYears",
      "earliestStartFiscalYear",
      "latestStartFiscalYear",
      "programIds",
      "exclusionGroup",
      "scoWorkloadPersonWeeksPerYear",
      "sustainmentCostPerYear",
      "providingRisk",
      "tags"),
  MEASURES(
      "measures.csv",
      "objectiveId",
      "optionId",
      "id!",
      "name!",
      "unit",
      "baseline!",
      "target!",
      "targetFiscalYear!",
      "direction!"),
  OPTION_COSTS("option-costs.csv", "optionId!", "year!", "cost!"),
  PREREQUISITES("prerequisites.csv", "optionId!", "prerequisiteOptionId!", "lagYears!"),
  PROGRAMS(
      "programs.csv",
      "id!",
      "name!",
      "authority",
      "title!",
      "obligationRule!",
      "maxSpanYears",
      "vettingRequirement!",
      "planningLeadTimeYears",
      "perPartnerAnnualCap"),
  PROGRAM_ELIGIBILITY(
      "program-eligibility.csv",
      "programId!",
      "activityTypes",
      "domains",
      "combatantCommands",
      "partnerIds",
      "prohibitedPartnerIds"),
  APPROPRIATIONS("appropriations.csv", "programId!", "fiscalYear!", "amount!", "yearsAvailable!"),
  BALANCE_RULES(
      "balance-rules.csv",
      "id!",
      "description",
      "tags",
      "scope!",
      "minimumShare",
      "maximumShare",
      "minimumAmount",
      "maximumAmount"),
  LOCKED_DECISIONS("locked-decisions.csv", "optionId!", "programId!", "startFiscalYear!", "note");

  private final String fileName;
  private final Columns columns;

  Sheet(String fileName, String... columns) {
    this.fileName = fileName;
    this.columns = Columns.of(columns);
  }

  @Override
  public String fileName() {
    return fileName;
  }

  @Override
  public List<String> columns() {
    return columns.names();
  }

  @Override
  public Set<String> required() {
    return columns.required();
  }

  /** The sheet stored in {@code fileName}, or {@code null}. */
  static Sheet byFileName(String fileName) {
    for (Sheet sheet : values()) {
      if (sheet.fileName.equals(fileName)) {
        return sheet;
      }
    }
    return null;
  }
}
