package org.scplan.uncertainty;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which distribution each uncertain input of a scenario is drawn from in a Monte Carlo sweep, or
 * that it is off (the base scenario's value is kept). Immutable; each input accepts the kinds
 * listed below and nothing else.
 *
 * <ul>
 *   <li>{@code costOverrun}: one multiplier per option on its whole cost profile (rounded to whole
 *       dollars), from {@link Distribution.LogNormal}, {@link Distribution.Uniform} or {@link
 *       Distribution.Triangular}; draws below 0 count as 0.
 *   <li>{@code riskScore}: each gap's likelihood and consequence move by a {@link
 *       Distribution.Step} of −1, 0 or +1 points, clamped to 1–5.
 *   <li>{@code propensity}: each partner's propensity (0–1) changes by a {@link
 *       Distribution.Normal}, {@link Distribution.Uniform} or {@link Distribution.Triangular} draw,
 *       clamped to 0.05–1.
 *   <li>{@code appropriationCut}: each appropriation is cut by a fraction (0–1) of its dollars from
 *       a {@link Distribution.BernoulliUniform} (a cut in a share of the appropriations only).
 * </ul>
 *
 * <p>Every input has its own random stream per run, so switching one off or changing its
 * distribution leaves the draws of the others unchanged.
 *
 * @param costOverrun distribution of the cost multiplier per option
 * @param riskScore distribution of the step of each risk score component
 * @param propensity distribution of the change of each partner's propensity
 * @param appropriationCut distribution of the fraction cut from each appropriation
 */
public record Uncertainty(
    Distribution costOverrun,
    Distribution riskScore,
    Distribution propensity,
    Distribution appropriationCut)
    implements Serializable {

  private static final long serialVersionUID = 2L;

  /** The kinds each input accepts besides {@link Distribution.Off}, in the order of the fields. */
  public static final List<Set<Class<? extends Distribution>>> ACCEPTED =
      List.of(
          Set.of(
              Distribution.LogNormal.class,
              Distribution.Uniform.class,
              Distribution.Triangular.class),
          Set.of(Distribution.Step.class),
          Set.of(
              Distribution.Normal.class, Distribution.Uniform.class, Distribution.Triangular.class),
          Set.of(Distribution.BernoulliUniform.class));

  /** The input names, in the order of the fields (as in uncertainty files). */
  public static final List<String> INPUTS =
      List.of("costOverrun", "riskScore", "propensity", "appropriationCut");

  /**
   * Checks each input's kind; throws {@link IllegalArgumentException} naming the input, the kind
   * and the kinds it accepts.
   */
  public Uncertainty {
    List<Distribution> inputs =
        List.of(
            Objects.requireNonNull(costOverrun, "costOverrun"),
            Objects.requireNonNull(riskScore, "riskScore"),
            Objects.requireNonNull(propensity, "propensity"),
            Objects.requireNonNull(appropriationCut, "appropriationCut"));
    for (int i = 0; i < inputs.size(); i++) {
      String problem = unacceptable(i, inputs.get(i));
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
  }

  /**
   * Why input {@code index} (of {@link #INPUTS}) cannot be {@code distribution}, or {@code null}
   * when it can.
   */
  public static String unacceptable(int index, Distribution distribution) {
    if (distribution instanceof Distribution.Off
        || ACCEPTED.get(index).contains(distribution.getClass())) {
      return null;
    }
    return INPUTS.get(index)
        + " cannot be drawn from a "
        + distribution.kind()
        + " distribution: use "
        + String.join(", ", acceptedKinds(index))
        + " or off";
  }

  /** The kind names input {@code index} accepts besides off, sorted. */
  public static List<String> acceptedKinds(int index) {
    return ACCEPTED.get(index).stream().map(Distribution::kindOf).sorted().toList();
  }

  /**
   * The documented defaults: cost overrun log-normal with median 1.05 and log sd 0.15 (half the
   * options overrun by more than 5 %, one in six by more than 22 %), risk score steps with
   * probability 0.4, propensity noise normal with sd 0.05, and a cut of 5–30 % in one appropriation
   * in five.
   */
  public static Uncertainty defaults() {
    return new Uncertainty(
        new Distribution.LogNormal(1.05, 0.15),
        new Distribution.Step(0.4),
        new Distribution.Normal(0, 0.05),
        new Distribution.BernoulliUniform(0.2, 0.05, 0.30));
  }

  /** No uncertainty at all: every input off, so every sample equals the base scenario. */
  public static Uncertainty none() {
    Distribution off = new Distribution.Off();
    return new Uncertainty(off, off, off, off);
  }

  /** The inputs' distributions in the order of {@link #INPUTS}. */
  public List<Distribution> inputs() {
    return List.of(costOverrun, riskScore, propensity, appropriationCut);
  }
}
