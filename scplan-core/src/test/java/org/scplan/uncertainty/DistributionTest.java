package org.scplan.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Draws follow their distributions (moments over 200,000 seeded draws) and stay in range. */
class DistributionTest {
  private static final int DRAWS = 200_000;

  private static double[] moments(Distribution distribution) {
    SplittableRandom random = new SplittableRandom(7);
    double sum = 0;
    double squares = 0;
    double minimum = Double.MAX_VALUE;
    double maximum = -Double.MAX_VALUE;
    for (int i = 0; i < DRAWS; i++) {
      double x = distribution.draw(random);
      sum += x;
      squares += x * x;
      minimum = Math.min(minimum, x);
      maximum = Math.max(maximum, x);
    }
    double mean = sum / DRAWS;
    return new double[] {mean, squares / DRAWS - mean * mean, minimum, maximum};
  }

  @Test
  void draws_haveTheDistributionsMeansAndVariances() {
    double[] logNormal = moments(new Distribution.LogNormal(1.05, 0.15));
    assertThat(logNormal[0]).isCloseTo(1.05 * Math.exp(0.15 * 0.15 / 2), within(0.002));
    double[] normal = moments(new Distribution.Normal(0.1, 0.05));
    assertThat(normal[0]).isCloseTo(0.1, within(0.001));
    assertThat(normal[1]).isCloseTo(0.0025, within(0.0001));
    double[] uniform = moments(new Distribution.Uniform(-1, 3));
    assertThat(uniform[0]).isCloseTo(1, within(0.01));
    assertThat(uniform[2]).isGreaterThanOrEqualTo(-1);
    assertThat(uniform[3]).isLessThanOrEqualTo(3);
    double[] triangular = moments(new Distribution.Triangular(0, 1, 4));
    assertThat(triangular[0]).isCloseTo(5.0 / 3, within(0.01));
    assertThat(triangular[1]).isCloseTo((0 + 1 + 16 - 0 - 0 - 4) / 18.0, within(0.01));
    double[] step = moments(new Distribution.Step(0.4));
    assertThat(step[0]).isCloseTo(0, within(0.005));
    assertThat(step[1]).isCloseTo(0.4, within(0.005));
    double[] cut = moments(new Distribution.BernoulliUniform(0.2, 0.05, 0.3));
    assertThat(cut[0]).isCloseTo(0.2 * 0.175, within(0.002));
    assertThat(cut[2]).isEqualTo(0);
    assertThat(moments(new Distribution.Off())).containsExactly(0, 0, 0, 0);
  }

  @Test
  void parametersOutOfRange_areRejectedNamingTheParameterAndValue() {
    assertThatThrownBy(() -> new Distribution.LogNormal(0, 0.1)).hasMessageContaining("median");
    assertThatThrownBy(() -> new Distribution.Uniform(2, 1))
        .hasMessageContaining("maximum")
        .hasMessageContaining("1.0");
    assertThatThrownBy(() -> new Distribution.Triangular(0, 5, 4)).hasMessageContaining("maximum");
    assertThatThrownBy(() -> new Distribution.Step(1.5)).hasMessageContaining("probability");
    assertThatThrownBy(() -> new Distribution.BernoulliUniform(0.2, 0.3, 0.1))
        .hasMessageContaining("maximum");
    assertThatThrownBy(() -> new Distribution.Normal(Double.NaN, 1)).hasMessageContaining("mean");
  }

  @Test
  void uncertainty_acceptsOnlyTheKindsOfEachInput() {
    Distribution off = new Distribution.Off();
    assertThatThrownBy(() -> new Uncertainty(new Distribution.Step(0.1), off, off, off))
        .hasMessageContaining("costOverrun")
        .hasMessageContaining("logNormal");
    assertThatThrownBy(() -> new Uncertainty(off, off, off, new Distribution.Normal(0, 1)))
        .hasMessageContaining("appropriationCut")
        .hasMessageContaining("bernoulliUniform");
    assertThat(Uncertainty.none().inputs()).containsOnly(off);
  }
}
