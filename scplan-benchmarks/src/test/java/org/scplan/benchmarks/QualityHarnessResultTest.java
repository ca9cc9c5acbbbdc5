package org.scplan.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A forked case reports its figures as one CSV line that the parent parses back, so every field
 * must survive the round trip in its own place (a shifted column would put, say, the model-build
 * time under preparation in every table).
 */
class QualityHarnessResultTest {
  @Test
  void csvLine_parsesBackToTheSameFigures() {
    QualityHarness.Result result =
        new QualityHarness.Result(
            "global",
            3,
            10.0,
            2,
            10_123,
            0.812,
            0.551,
            1.447,
            "FEASIBLE",
            15_073.1,
            15_060.25,
            17_504.98,
            0.139655,
            9.14,
            Double.NaN,
            14_788.97,
            10.021,
            182_928,
            26_431,
            3_081.0,
            "0123456789abcdef");

    QualityHarness.Result parsed = QualityHarness.Result.parse(result.csv());

    assertThat(parsed).isEqualTo(result);
    assertThat(QualityHarness.Result.HEADER.split(",")).hasSize(result.csv().split(",").length);
  }
}
