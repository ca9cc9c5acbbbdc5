package org.scplan.sweep;

import java.io.Serializable;
import java.util.Objects;

/**
 * How a sweep measures its noise floor: how many solves of the base scenario itself (no
 * uncertainty), each with its own solver seed, and where each starts. Their spread is the search's
 * own, so a difference between a sweep's runs smaller than it is not the samples' doing.
 *
 * @param runs solves of the base scenario, ≥ 0 (0: not measured)
 * @param start where each solve starts
 */
public record NoiseFloor(int runs, Start start) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the noise floor's solves start. */
  public enum Start {
    /**
     * From the base plan, as every run of the sweep does: the spread the search adds to the sweep's
     * own runs. Zero when no seed leaves the base plan within the limit, which shows the runs
     * repeatable, not the search converged.
     */
    BASE_PLAN,
    /**
     * From no plan: the spread of independent searches, as two unshared solves of one scenario
     * would differ. Larger than the sweep's own, whose runs share the base plan as their start.
     */
    SCRATCH
  }

  public NoiseFloor {
    Objects.requireNonNull(start, "start");
    if (runs < 0) {
      throw new IllegalArgumentException("noise floor runs must be ≥ 0, were " + runs);
    }
  }

  /** No noise floor. */
  public static NoiseFloor none() {
    return new NoiseFloor(0, Start.BASE_PLAN);
  }

  /** {@code runs} solves of the base started from the base plan. */
  public static NoiseFloor fromBasePlan(int runs) {
    return new NoiseFloor(runs, Start.BASE_PLAN);
  }

  /**
   * {@code runs} solves of the base started from no plan when {@code fromScratch}, else from the
   * base plan: what the commands' {@code --noise-runs} and {@code --noise-from-scratch} ask for.
   */
  public static NoiseFloor of(int runs, boolean fromScratch) {
    return fromScratch ? fromScratch(runs) : fromBasePlan(runs);
  }

  /** {@code runs} solves of the base started from no plan. */
  public static NoiseFloor fromScratch(int runs) {
    return new NoiseFloor(runs, Start.SCRATCH);
  }
}
