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
   * a gain; a marginal value is then a lower bound of what the whole plan could gain, a
   * counterfactual's loss an upper bound.
   */
  NEIGHBOURHOOD
}
