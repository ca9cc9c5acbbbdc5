package org.scplan.uncertainty;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * A probability distribution of one uncertain input, drawn from a run's own random stream. Each
 * input of {@link Uncertainty} accepts some of these kinds (its javadoc says which); the unit of a
 * draw is the input's (a cost multiplier, a risk score step, a propensity change, a fraction cut).
 * Immutable; the parameters are checked when the record is made.
 */
public sealed interface Distribution extends Serializable
    permits Distribution.Off,
        Distribution.LogNormal,
        Distribution.Normal,
        Distribution.Uniform,
        Distribution.Triangular,
        Distribution.Step,
        Distribution.BernoulliUniform {

  /** One draw from {@code random}. */
  double draw(SplittableRandom random);

  /** The kind's name in uncertainty files: the record's name with a lower-case first letter. */
  default String kind() {
    return kindOf(getClass());
  }

  /** The name in uncertainty files of the kind {@code type}, e.g. {@code logNormal}. */
  static String kindOf(Class<? extends Distribution> type) {
    String name = type.getSimpleName();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** The input is not uncertain: it keeps the base scenario's value (a draw is 0). */
  record Off() implements Distribution {
    private static final long serialVersionUID = 1L;

    @Override
    public double draw(SplittableRandom random) {
      return 0;
    }
  }

  /**
   * A log-normal multiplier: {@code median · exp(logSd · Z)} with {@code Z} standard normal.
   *
   * @param median the median, &gt; 0
   * @param logSd standard deviation of the natural log, 0–2
   */
  record LogNormal(double median, double logSd) implements Distribution {
    private static final long serialVersionUID = 1L;

    public LogNormal {
      Draws.require(median > 0 && median < 1e6, "median", median, "> 0");
      Draws.require(logSd >= 0 && logSd <= 2, "logSd", logSd, "within 0-2");
    }

    @Override
    public double draw(SplittableRandom random) {
      return median * Math.exp(logSd * Draws.gaussian(random));
    }
  }

  /**
   * A normal draw {@code mean + sd · Z}.
   *
   * @param mean the mean, finite
   * @param sd the standard deviation, 0–1e6
   */
  record Normal(double mean, double sd) implements Distribution {
    private static final long serialVersionUID = 1L;

    public Normal {
      Draws.require(Double.isFinite(mean) && Math.abs(mean) < 1e6, "mean", mean, "finite");
      Draws.require(sd >= 0 && sd <= 1e6, "sd", sd, "≥ 0");
    }

    @Override
    public double draw(SplittableRandom random) {
      return mean + sd * Draws.gaussian(random);
    }
  }

  /**
   * A uniform draw from {@code [minimum, maximum]}.
   *
   * @param minimum the smallest value, finite
   * @param maximum the largest value, ≥ minimum
   */
  record Uniform(double minimum, double maximum) implements Distribution {
    private static final long serialVersionUID = 1L;

    public Uniform {
      Draws.require(
          Double.isFinite(minimum) && Math.abs(minimum) < 1e6, "minimum", minimum, "finite");
      Draws.require(
          Double.isFinite(maximum) && maximum >= minimum && maximum < 1e6,
          "maximum",
          maximum,
          "≥ minimum (" + minimum + ")");
    }

    @Override
    public double draw(SplittableRandom random) {
      return minimum + random.nextDouble() * (maximum - minimum);
    }
  }

  /**
   * A triangular draw on {@code [minimum, maximum]} peaking at {@code mode} (inverse transform).
   *
   * @param minimum the smallest value, finite
   * @param mode the most likely value, minimum–maximum
   * @param maximum the largest value, ≥ mode
   */
  record Triangular(double minimum, double mode, double maximum) implements Distribution {
    private static final long serialVersionUID = 1L;

    public Triangular {
      Draws.require(
          Double.isFinite(minimum) && Math.abs(minimum) < 1e6, "minimum", minimum, "finite");
      Draws.require(
          Double.isFinite(mode) && mode >= minimum, "mode", mode, "≥ minimum (" + minimum + ")");
      Draws.require(
          Double.isFinite(maximum) && maximum >= mode && maximum < 1e6,
          "maximum",
          maximum,
          "≥ mode (" + mode + ")");
    }

    @Override
    public double draw(SplittableRandom random) {
      double u = random.nextDouble();
      double width = maximum - minimum;
      if (width == 0) {
        return minimum;
      }
      double split = (mode - minimum) / width;
      return u < split
          ? minimum + Math.sqrt(u * width * (mode - minimum))
          : maximum - Math.sqrt((1 - u) * width * (maximum - mode));
    }
  }

  /**
   * A step of −1, 0 or +1 with probabilities {@code probability/2}, {@code 1 − probability}, {@code
   * probability/2}.
   *
   * @param probability the chance of a step either way, 0–1
   */
  record Step(double probability) implements Distribution {
    private static final long serialVersionUID = 1L;

    public Step {
      Draws.require(probability >= 0 && probability <= 1, "probability", probability, "within 0-1");
    }

    @Override
    public double draw(SplittableRandom random) {
      double u = random.nextDouble();
      return u < probability / 2 ? -1 : u < probability ? 1 : 0;
    }
  }

  /**
   * With chance {@code probability} a uniform draw from {@code [minimum, maximum]}, else 0.
   *
   * @param probability the chance of a non-zero draw, 0–1
   * @param minimum the smallest non-zero draw, 0–1
   * @param maximum the largest draw, minimum–1
   */
  record BernoulliUniform(double probability, double minimum, double maximum)
      implements Distribution {
    private static final long serialVersionUID = 1L;

    public BernoulliUniform {
      Draws.require(probability >= 0 && probability <= 1, "probability", probability, "within 0-1");
      Draws.require(minimum >= 0 && minimum <= 1, "minimum", minimum, "within 0-1");
      Draws.require(
          maximum >= minimum && maximum <= 1,
          "maximum",
          maximum,
          "within minimum (" + minimum + ")-1");
    }

    /** Draws twice always (the chance, then the size), so the stream advances the same way. */
    @Override
    public double draw(SplittableRandom random) {
      double chance = random.nextDouble();
      double size = minimum + random.nextDouble() * (maximum - minimum);
      return chance < probability ? size : 0;
    }
  }
}
