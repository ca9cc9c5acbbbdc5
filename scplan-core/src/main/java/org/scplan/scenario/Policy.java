package org.scplan.scenario;

import java.util.List;
import java.util.Map;
import org.scplan.support.Copies;

/**
 * Every constant of the valuation and every policy threshold, so that planners can change them.
 * {@link #defaults()} gives the documented defaults; {@link #toBuilder()} makes variants.
 *
 * @param tierWeights multiplier per partner priority tier (tier 1 = highest priority)
 * @param roleTypeWeights multiplier per role type of a gap
 * @param sweetSpotBonusPerStakeholder added to a gap's multiplier for each stakeholder beyond the
 *     first who flags it (0.15: a gap flagged by DoD, State and the partner counts 1.3×)
 * @param providingRiskPenalties fraction of value lost for political risk of providing 1, 2, 3, 4,
 *     5 (five entries, each 0–1)
 * @param maximumProvidingRisk options whose providing risk exceeds this (1–5) are excluded
 * @param minimumDesire options for a role the partner wants less than this (0–1) are excluded
 * @param minimumRiskScore options for gaps whose risk score (1–25) is below this are excluded:
 *     "little point in providing"
 * @param lapsePenaltyPointsPerMillion risk points deducted from the objective per $1M that lapses,
 *     a light use-or-lose tie-breaker, ≥ 0
 * @param moneyResolutionDollars dollars per money unit inside the allocation model (costs are
 *     rounded up and budgets down to it, so a plan feasible in the model is feasible in dollars), ≥
 *     1
 */
public record Policy(
    Map<Integer, Double> tierWeights,
    Map<RoleType, Double> roleTypeWeights,
    double sweetSpotBonusPerStakeholder,
    List<Double> providingRiskPenalties,
    int maximumProvidingRisk,
    double minimumDesire,
    int minimumRiskScore,
    double lapsePenaltyPointsPerMillion,
    long moneyResolutionDollars) {

  public Policy {
    tierWeights = Copies.sortedMap(tierWeights);
    roleTypeWeights = Copies.sortedMap(roleTypeWeights);
    providingRiskPenalties = Copies.list(providingRiskPenalties);
  }

  /**
   * The default policy: tier weights 4/2/1/0.5 for tiers 1–4; role weights primary 1.0, supporting
   * 0.7, governance 0.8; sweet-spot bonus 0.15; providing-risk penalties 0, 0, 0.1, 0.25, 0.5 with
   * risk 5 excluded; minimum desire 0.2; minimum risk score 3; lapse penalty 0.01 points per $1M;
   * money resolution $1,000.
   */
  public static Policy defaults() {
    return new Policy(
        Map.of(1, 4.0, 2, 2.0, 3, 1.0, 4, 0.5),
        Map.of(RoleType.PRIMARY, 1.0, RoleType.SUPPORTING, 0.7, RoleType.GOVERNANCE, 0.8),
        0.15,
        List.of(0.0, 0.0, 0.1, 0.25, 0.5),
        4,
        0.2,
        3,
        0.01,
        1_000L);
  }

  /** Multiplier for {@code tier}, or {@code null} when the policy has none. */
  public Double tierWeight(int tier) {
    return tierWeights.get(tier);
  }

  /** Multiplier for gaps flagged by {@code stakeholders} of the three stakeholders. */
  public double sweetSpotFactor(int stakeholders) {
    return 1.0 + sweetSpotBonusPerStakeholder * Math.max(0, stakeholders - 1);
  }

  /** Fraction of value lost for providing risk {@code risk} (1–5). */
  public double providingRiskPenalty(int risk) {
    return providingRiskPenalties.get(risk - 1);
  }

  /** A builder pre-filled with this policy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a variant of a {@link Policy}; not thread-safe. */
  public static final class Builder {
    private Map<Integer, Double> tierWeights;
    private Map<RoleType, Double> roleTypeWeights;
    private double sweetSpotBonusPerStakeholder;
    private List<Double> providingRiskPenalties;
    private int maximumProvidingRisk;
    private double minimumDesire;
    private int minimumRiskScore;
    private double lapsePenaltyPointsPerMillion;
    private long moneyResolutionDollars;

    private Builder(Policy from) {
      tierWeights = from.tierWeights;
      roleTypeWeights = from.roleTypeWeights;
      sweetSpotBonusPerStakeholder = from.sweetSpotBonusPerStakeholder;
      providingRiskPenalties = from.providingRiskPenalties;
      maximumProvidingRisk = from.maximumProvidingRisk;
      minimumDesire = from.minimumDesire;
      minimumRiskScore = from.minimumRiskScore;
      lapsePenaltyPointsPerMillion = from.lapsePenaltyPointsPerMillion;
      moneyResolutionDollars = from.moneyResolutionDollars;
    }

    public Builder tierWeights(Map<Integer, Double> weights) {
      this.tierWeights = weights;
      return this;
    }

    public Builder roleTypeWeights(Map<RoleType, Double> weights) {
      this.roleTypeWeights = weights;
      return this;
    }

    public Builder sweetSpotBonusPerStakeholder(double bonus) {
      this.sweetSpotBonusPerStakeholder = bonus;
      return this;
    }

    public Builder providingRiskPenalties(List<Double> penalties) {
      this.providingRiskPenalties = penalties;
      return this;
    }

    public Builder maximumProvidingRisk(int risk) {
      this.maximumProvidingRisk = risk;
      return this;
    }

    public Builder minimumDesire(double desire) {
      this.minimumDesire = desire;
      return this;
    }

    public Builder minimumRiskScore(int score) {
      this.minimumRiskScore = score;
      return this;
    }

    public Builder lapsePenaltyPointsPerMillion(double points) {
      this.lapsePenaltyPointsPerMillion = points;
      return this;
    }

    public Builder moneyResolutionDollars(long dollars) {
      this.moneyResolutionDollars = dollars;
      return this;
    }

    public Policy build() {
      return new Policy(
          tierWeights,
          roleTypeWeights,
          sweetSpotBonusPerStakeholder,
          providingRiskPenalties,
          maximumProvidingRisk,
          minimumDesire,
          minimumRiskScore,
          lapsePenaltyPointsPerMillion,
          moneyResolutionDollars);
    }
  }
}
