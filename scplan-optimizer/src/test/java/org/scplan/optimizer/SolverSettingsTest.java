package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.scplan.optimizer.explain.ExplainerConfig;
import org.scplan.optimizer.settings.SolverSettings;
import org.scplan.optimizer.whatif.WhatIf;
import org.scplan.sweep.NoiseFloor;
import org.scplan.sweep.SweepTask;
import org.scplan.testing.RandomScenarios;
import org.scplan.uncertainty.Uncertainty;

/** The one solver-settings value: validated once, and the same in every configuration. */
class SolverSettingsTest {
  private static final SolverSettings SETTINGS =
      SolverSettings.builder()
          .timeLimit(Duration.ofSeconds(30))
          .workers(1)
          .seed(9)
          .relativeGapLimit(0.01)
          .deterministicTimeLimit(2.0)
          .build();

  @Test
  void build_outOfRange_namesTheSettingAndItsValue() {
    assertThatThrownBy(() -> SolverSettings.builder().workers(0).build())
        .hasMessageContaining("SolverSettings.workers must be in 1..64, but was 0");
    assertThatThrownBy(() -> SolverSettings.builder().timeLimit(Duration.ZERO).build())
        .hasMessageContaining("SolverSettings.timeLimit must be > 0");
    assertThatThrownBy(() -> SolverSettings.builder().relativeGapLimit(1.5).build())
        .hasMessageContaining("SolverSettings.relativeGapLimit must be in 0..1, but was 1.5");
    assertThatThrownBy(() -> SolverSettings.builder().deterministicTimeLimit(Double.NaN).build())
        .hasMessageContaining("SolverSettings.deterministicTimeLimit must be > 0 and finite");
    assertThatThrownBy(() -> AllocatorConfig.builder().workers(65).build())
        .hasMessageContaining("SolverSettings.workers");
  }

  @Test
  void allocatorConfig_readsAndEditsItsSettings() {
    AllocatorConfig config = AllocatorConfig.builder().solver(SETTINGS).build();

    assertThat(config.solver()).isEqualTo(SETTINGS);
    assertThat(config.timeLimit()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.workers()).isEqualTo(1);
    assertThat(config.seed()).isEqualTo(9);
    assertThat(config.relativeGapLimit()).isEqualTo(0.01);
    assertThat(config.deterministicTimeLimit()).isEqualTo(2.0);
    assertThat(config.toBuilder().build()).isEqualTo(config);
    assertThat(config.toBuilder().seed(4).build().solver())
        .isEqualTo(SETTINGS.toBuilder().seed(4).build());
  }

  @Test
  void explainerConfig_setsSeedAndLimitsInOnePlace_andReSolvesKeepThemWithTheirOwnWorkLimit() {
    ExplainerConfig config =
        ExplainerConfig.builder().deterministicTimeLimit(0.5).solver(SETTINGS).build();

    assertThat(config.allocator().solver()).isEqualTo(SETTINGS);
    assertThat(config.resolveSettings())
        .isEqualTo(SETTINGS.toBuilder().deterministicTimeLimit(0.5).build());
  }

  @Test
  void sweepTask_runsWithTheSettings_andTheNoiseFloorOffsetsOnlyTheSeed() {
    SweepTask task = SweepTask.of(RandomScenarios.tiny(3), Uncertainty.none(), 1, SETTINGS);

    assertThat(task.config().solver()).isEqualTo(SETTINGS);
    assertThat(task.noiseFloor(NoiseFloor.Start.SCRATCH).solver()).isEqualTo(SETTINGS);
    assertThat(task.metadata().solverSeed()).isEqualTo(9);
    assertThat(task.metadata().deterministicTimeLimit()).isEqualTo(2.0);
    assertThat(task.metadata().timeLimitSeconds()).isEqualTo(30.0);
  }

  @Test
  void whatIf_resultSaysWhichSettingsItRanUnder() {
    WhatIf.Result result =
        WhatIf.run(
            Allocator.create(
                AllocatorConfig.builder()
                    .solver(SETTINGS.toBuilder().deterministicTimeLimit(0.2).build())
                    .build()),
            RandomScenarios.tiny(3),
            new org.scplan.whatif.ScenarioDelta("none", "", java.util.List.of()));

    assertThat(result.solver().deterministicTimeLimit()).isEqualTo(0.2);
    assertThat(result.solver().seed()).isEqualTo(9);
  }
}
