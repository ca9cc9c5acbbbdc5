package org.scplan.benchmarks.orlib;

import java.util.Arrays;

/**
 * A 0/1 multidimensional knapsack problem: choose items to maximise total profit with every
 * dimension's total weight within its capacity.
 *
 * @param name the instance name, e.g. "mknap1-3", "WEING1" or "5.100-00"
 * @param profits profit of each item (n entries, may be fractional)
 * @param weights {@code weights[i][j]}: weight of item j in dimension i (m × n, integers ≥ 0)
 * @param capacities capacity of each dimension (m entries, integers ≥ 0)
 * @param knownValue the optimum or best-known value, or {@code null} when unknown
 * @param knownOptimal whether {@code knownValue} is a proven optimum (else best known)
 */
public record MkpInstance(
    String name,
    double[] profits,
    long[][] weights,
    long[] capacities,
    Double knownValue,
    boolean knownOptimal) {

  /** Number of items. */
  public int items() {
    return profits.length;
  }

  /** Number of dimensions (constraints). */
  public int dimensions() {
    return capacities.length;
  }

  /** This instance with another known value. */
  public MkpInstance withKnownValue(Double value, boolean optimal) {
    return new MkpInstance(name, profits, weights, capacities, value, optimal);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MkpInstance that
        && name.equals(that.name)
        && Arrays.equals(profits, that.profits)
        && Arrays.deepEquals(weights, that.weights)
        && Arrays.equals(capacities, that.capacities)
        && java.util.Objects.equals(knownValue, that.knownValue)
        && knownOptimal == that.knownOptimal;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(name, Arrays.hashCode(profits), Arrays.deepHashCode(weights));
  }

  @Override
  public String toString() {
    return "MkpInstance[" + name + ", " + items() + " items, " + dimensions() + " dimensions]";
  }
}
