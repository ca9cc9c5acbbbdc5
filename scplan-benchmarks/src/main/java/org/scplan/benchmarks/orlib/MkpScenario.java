package org.scplan.benchmarks.orlib;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.scplan.scenario.ActivityType;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.CombatantCommand;
import org.scplan.scenario.DotmlpfDomain;
import org.scplan.scenario.EndState;
import org.scplan.scenario.FundingTitle;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.Objective;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.PlanningHorizon;
import org.scplan.scenario.Policy;
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

/**
 * Maps a multidimensional knapsack instance to a one-program scenario whose optimal plan is an
 * optimal knapsack solution and whose risk reduced equals the solution's profit exactly.
 *
 * <ul>
 *   <li>Dimension i becomes fiscal year {@code FIRST_FY + i}, with one 1-year appropriation of the
 *       dimension's capacity (in dollars) to one incremental, unrestricted program.
 *   <li>Item j becomes one option of its own gap, fixed to start in the first FY, whose cost
 *       profile is the item's weights (dollars, FY by FY), so it draws weight i from appropriation
 *       i.
 *   <li>Value: the item's gap traces to an objective of weight = profit; every other factor of the
 *       valuation is 1 (tier weight 1, role-type weights 1, risk score 1, no sweet-spot bonus, no
 *       third-party coverage, propensity and desire 1, closure 1, no providing-risk penalty,
 *       need-by the last FY with no decay), so the option's value is the profit.
 *   <li>Policy: money resolution $1 (weights are exact), no lapse penalty, no exclusions.
 * </ul>
 */
public final class MkpScenario {
  /** The fiscal year of the first dimension. */
  public static final int FIRST_FY = 2027;

  /** Most dimensions: the validator's longest horizon, 30 FYs. */
  public static final int MOST_DIMENSIONS = 30;

  private static final String ROLE = "knapsack";

  private MkpScenario() {}

  /** The scenario of {@code instance}; throws if it has more than 30 dimensions. */
  public static Scenario of(MkpInstance instance) {
    int m = instance.dimensions();
    if (m > MOST_DIMENSIONS) {
      throw new IllegalArgumentException(
          instance.name()
              + " has "
              + m
              + " dimensions; at most "
              + MOST_DIMENSIONS
              + " map to FYs");
    }
    int lastFy = FIRST_FY + m - 1;
    Policy policy =
        Policy.defaults().toBuilder()
            .tierWeights(Map.of(1, 1.0))
            .roleTypeWeights(
                Map.of(RoleType.PRIMARY, 1.0, RoleType.SUPPORTING, 1.0, RoleType.GOVERNANCE, 1.0))
            .sweetSpotBonusPerStakeholder(0)
            .providingRiskPenalties(List.of(0.0, 0.0, 0.0, 0.0, 0.0))
            .maximumProvidingRisk(5)
            .minimumDesire(0)
            .minimumRiskScore(0)
            .lapsePenaltyPointsPerMillion(0)
            .moneyResolutionDollars(1)
            .build();
    Scenario.Builder builder =
        Scenario.builder("mkp-" + instance.name(), new PlanningHorizon(FIRST_FY, lastFy))
            .name("OR-Library multidimensional knapsack " + instance.name())
            .policy(policy)
            .endState(new EndState("es", "Knapsack", 1.0))
            .lineOfEffort(new LineOfEffort("loe", "Knapsack", "es", 1.0))
            .securityCooperationOffice(new SecurityCooperationOffice("sco", "Knapsack office", 0))
            .partner(
                new Partner(
                    "p",
                    "Knapsack",
                    CombatantCommand.EUCOM,
                    1,
                    1.0,
                    Map.of(ROLE, 1.0),
                    null,
                    null,
                    VettingStatus.CLEAR,
                    "sco"));
    List<Appropriation> appropriations = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      appropriations.add(new Appropriation(FIRST_FY + i, instance.capacity(i), 1));
    }
    builder.program(
        new Program(
            "knapsack",
            "Knapsack capacities",
            "",
            FundingTitle.TITLE_10,
            ObligationRule.INCREMENTAL,
            null,
            new ProgramEligibility(
                EnumSet.noneOf(ActivityType.class),
                EnumSet.noneOf(DotmlpfDomain.class),
                EnumSet.noneOf(CombatantCommand.class),
                List.of(),
                List.of()),
            VettingRequirement.NONE,
            0,
            null,
            appropriations));
    for (int j = 0; j < instance.items(); j++) {
      String item = String.format("%03d", j + 1);
      builder.objective(
          new Objective("imo-" + item, "Item " + item, "loe", lastFy, instance.profit(j)));
      builder.gap(
          new CapabilityGap(
              "g-" + item,
              "p",
              "imo-" + item,
              ROLE,
              RoleType.PRIMARY,
              "item " + item,
              new RiskAssessment(1, 1, 1),
              new Urgency(lastFy, 0),
              0,
              EnumSet.of(Stakeholder.DOD)));
      long[] profile = new long[m];
      for (int i = 0; i < m; i++) {
        profile[i] = instance.weight(i, j);
      }
      builder.option(
          SolutionOption.builder("o-" + item, "g-" + item)
              .name("item " + item)
              .domain(DotmlpfDomain.MATERIEL)
              .activityType(ActivityType.EQUIPMENT)
              .closure(1.0)
              .costProfile(profile)
              .startWindow(FIRST_FY, FIRST_FY)
              .providingRisk(1)
              .build());
    }
    return builder.build();
  }
}
