package org.scplan.benchmarks.orlib;

import java.util.Objects;

/**
 * A 0/1 multidimensional knapsack problem: choose items to maximise total profit with every
 * dimension's total weight within its capacity. Immutable: the arrays are copied in and never
 * handed out.
 */
public final class MkpInstance {
  private final String name;
  private final double[] profits;
  private final long[][] weights;
  private final long[] capacities;
  private final Double knownValue;
  private final boolean knownOptimal;

  /**
   * @param name the instance name, e.g. "mknap1-3", "WEING1" or "5.100-00"
   * @param profits profit of each item (n entries, may be fractional)
   * @param weights {@code weights[i][j]}: weight of item j in dimension i (m × n, integers ≥ 0)
   * @param capacities capacity of each dimension (m entries, integers ≥ 0)
   * @param knownValue the optimum or best-known value, or {@code null} when unknown
   * @param knownOptimal whether {@code knownValue} is a proven optimum (else best known)
   */
  public MkpInstance(
      String name,
      double[] profits,
      long[][] weights,
      long[] capacities,
      Double knownValue,
      boolean knownOptimal) {
    this.name = Objects.requireNonNull(name, "name");
    this.profits = profits.clone();
    this.weights = new long[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      if (weights[i].length != profits.length) {
        throw new IllegalArgumentException(
            name
                + ": dimension "
                + (i + 1)
                + " has "
                + weights[i].length
                + " weights for "
                + profits.length
                + " items");
      }
      this.weights[i] = weights[i].clone();
    }
    if (capacities.length != weights.length) {
      throw new IllegalArgumentException(
          name + ": " + capacities.length + " capacities for " + weights.length + " dimensions");
    }
    this.capacities = capacities.clone();
    this.knownValue = knownValue;
    this.knownOptimal = knownOptimal;
  }

  /** The instance name. */
  public String name() {
    return name;
  }

  /** Number of items. */
  public int items() {
    return profits.length;
  }

  /** Number of dimensions (constraints). */
  public int dimensions() {
    return capacities.length;
  }

  /** Profit of item {@code item} (from 0). */
  public double profit(int item) {
    return profits[item];
  }

  /** Weight of item {@code item} in dimension {@code dimension} (both from 0). */
  public long weight(int dimension, int item) {
    return weights[dimension][item];
  }

  /** A copy of the weights of every item in dimension {@code dimension}. */
  public long[] weightsOf(int dimension) {
    return weights[dimension].clone();
  }

  /** Capacity of dimension {@code dimension} (from 0). */
  public long capacity(int dimension) {
    return capacities[dimension];
  }

  /** The optimum or best-known value, or {@code null} when unknown. */
  public Double knownValue() {
    return knownValue;
  }

  /** Whether {@link #knownValue()} is a proven optimum. */
  public boolean knownOptimal() {
    return knownOptimal;
  }

  /** This instance under another name with another known value. */
  public MkpInstance withNameAndKnownValue(String newName, Double value, boolean optimal) {
    return new MkpInstance(newName, profits, weights, capacities, value, optimal);
  }

  @Override
  public String toString() {
    return "MkpInstance[" + name + ", " + items() + " items, " + dimensions() + " dimensions]";
  }
}
