package org.scplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link SolverStatistics}' builder: its defaults, and copies that change only what they say. */
class SolverStatisticsTest {
  private static final SolverStatistics FULL =
      new SolverStatistics(
          "cp-sat 9.15.6755", 13.8, 14.1, 0.02, 2.5, 0.03, 2, 42L, 1234, 5678, 11.0, "a note");

  @Test
  void builder_withOnlyAnEngine_hasNoFiguresOneWorkerAndNoNote() {
    assertThat(SolverStatistics.builder("greedy").build())
        .isEqualTo(
            new SolverStatistics("greedy", null, null, null, 0.0, null, 1, 0L, 0, 0, null, ""));
  }

  @Test
  void toBuilder_rebuildsEveryField() {
    assertThat(FULL.toBuilder().build()).isEqualTo(FULL);
  }

  @Test
  void withoutTimings_zeroesTheTimesOnly() {
    SolverStatistics untimed = FULL.withoutTimings();

    assertThat(untimed.wallTimeSeconds()).isZero();
    assertThat(untimed.firstSolutionSeconds()).isZero();
    assertThat(untimed)
        .usingRecursiveComparison()
        .ignoringFields("wallTimeSeconds", "firstSolutionSeconds")
        .isEqualTo(FULL);
    assertThat(
            FULL.toBuilder()
                .firstSolutionSeconds(null)
                .build()
                .withoutTimings()
                .firstSolutionSeconds())
        .isNull();
  }

  @Test
  void withWallTime_setsTheWallTimeOnly() {
    assertThat(FULL.withWallTime(7.0))
        .isEqualTo(
            new SolverStatistics(
                "cp-sat 9.15.6755",
                13.8,
                14.1,
                0.02,
                7.0,
                0.03,
                2,
                42L,
                1234,
                5678,
                11.0,
                "a note"));
  }
}
