package org.scplan.explain;

/** What a marginal value or a counterfactual was measured against. */
public enum MarginalBasis {
  /**
   * Both the reference plan and the re-solve were proven optimal for the whole model: the figure is
   * exact (up to the model's rounding of values to 1/100,000 point).
   */
  PROVEN_OPTIMAL,
  /**
   * The reference plan is not proven optimal, so only a neighbourhood was re-optimised: the options
   * the program's money can fund (marginal values) or the options that share a partner or a program
   * with the forced option (counterfactuals); every other option keeps its decision. Both sides of
   * the difference are solved in the same neighbourhood, so solver luck elsewhere does not count as
   * a gain. If the reference plan is in fact optimal, a marginal value measured so (with both
   * neighbourhood solves proven optimal) is a lower bound of what the whole plan could gain and a
   * counterfactual's loss an upper bound; otherwise they describe re-arrangements around the
   * reference plan, not bounds.
   */
  NEIGHBOURHOOD
}
