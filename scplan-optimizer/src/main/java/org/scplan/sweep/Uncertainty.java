package org.scplan.sweep;

import java.io.Serializable;
import java.util.Locale;

/**
 * The distributions the uncertain inputs are drawn from in each run of a sweep. Immutable.
 *
 * <ul>
 *   <li>Cost overrun: every option's cost profile is multiplied by one factor drawn from a
 *       log-normal distribution with median {@code costOverrunMedian} and log standard deviation
 *       {@code costOverrunLogSd} (1.05 and 0.15: half the options overrun by more than 5 %, one in
 *       six by more than 22 %).
 *   <li>Risk score: each gap's likelihood and consequence move by −1, 0 or +1 with probabilities
 *       {@code riskShiftProbability}/2, 1 − {@code riskShiftProbability}, {@code
 *       riskShiftProbability}/2, clamped to 1–5.
 *   <li>Propensity: each partner's propensity gets normal noise with standard deviation {@code
 *       propensitySd}, clamped to 0.05–1.
 *   <li>Appropriation cut: each appropriation, with probability {@code cutProbability}, is cut by a
 *       fraction drawn uniformly from {@code [cutMinimum, cutMaximum]}.
 * </ul>
 *
 * @param costOverrunMedian median cost multiplier, &gt; 0 (1.05)
 * @param costOverrunLogSd standard deviation of the log of the cost multiplier, ≥ 0 (0.15)
 * @param riskShiftProbability chance a risk score component moves by one step, 0–1 (0.4)
 * @param propensitySd standard deviation of the noise on propensities, ≥ 0 (0.05)
 * @param cutProbability chance an appropriation is cut, 0–1 (0.2)
 * @param cutMinimum smallest cut, as a fraction of the amount, 0–1 (0.05)
 * @param cutMaximum largest cut, as a fraction of the amount, cutMinimum–1 (0.30)
 */
public record Uncertainty(
    double costOverrunMedian,
    double costOverrunLogSd,
    double riskShiftProbability,
    double propensitySd,
    double cutProbability,
    double cutMinimum,
    double cutMaximum)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Checks every field; throws {@link IllegalArgumentException} naming the first bad one. */
  public Uncertainty {
    require(costOverrunMedian > 0 && Double.isFinite(costOverrunMedian), "costOverrunMedian");
    require(costOverrunLogSd >= 0 && costOverrunLogSd <= 2, "costOverrunLogSd");
    require(riskShiftProbability >= 0 && riskShiftProbability <= 1, "riskShiftProbability");
    require(propensitySd >= 0 && propensitySd <= 1, "propensitySd");
    require(cutProbability >= 0 && cutProbability <= 1, "cutProbability");
    require(cutMinimum >= 0 && cutMinimum <= 1, "cutMinimum");
    require(cutMaximum >= cutMinimum && cutMaximum <= 1, "cutMaximum");
  }

  private static void require(boolean ok, String field) {
    if (!ok) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "Uncertainty.%s is out of range", field));
    }
  }

  /** The documented defaults: 1.05 / 0.15, 0.4, 0.05, 0.2 for cuts of 5–30 %. */
  public static Uncertainty defaults() {
    return new Uncertainty(1.05, 0.15, 0.4, 0.05, 0.2, 0.05, 0.30);
  }

  /** No uncertainty at all: every sample equals the base scenario. */
  public static Uncertainty none() {
    return new Uncertainty(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
  }
}
