package org.scplan.optimizer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.Preparation;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.time.Deadline;

/**
 * The model built beside the relaxation is the model built in line, byte for byte, and waiting for
 * it keeps the caller's interrupt.
 */
class ModelBuildTest {

  @Test
  void inBackground_buildsTheSameModelAsInLine() {
    for (AllocationInstance instance :
        new AllocationInstance[] {
          Preparation.prepare(NotionalTheater.scenario()),
          Preparation.prepare(ScenarioGenerator.generate(GeneratorConfig.ofPartners(12, 4)))
        }) {
      NativeLibraries.ensureLoaded();
      byte[] inLine = new CpSatModel(instance).proto().toByteArray();
      byte[] background =
          ModelBuild.inBackground(instance, Deadline.none())
              .model(Deadline.none())
              .proto()
              .toByteArray();
      assertThat(background).isEqualTo(inLine);
    }
  }

  @Test
  void expiredDeadline_givesNoModel() {
    AllocationInstance instance = Preparation.prepare(NotionalTheater.scenario());

    assertThat(
            ModelBuild.inBackground(instance, Deadline.alreadyExpired())
                .model(Deadline.alreadyExpired()))
        .isNull();
    assertThatThrownBy(() -> new CpSatModel(instance, Deadline.alreadyExpired()))
        .isInstanceOf(Deadline.Exceeded.class);
  }

  @Test
  void model_keepsTheInterruptAndStillReturnsTheModel() {
    AllocationInstance instance = Preparation.prepare(NotionalTheater.scenario());
    ModelBuild build = ModelBuild.inBackground(instance, Deadline.none());
    Thread.currentThread().interrupt();
    try {
      assertThat(build.model(Deadline.none()).booleanVariables()).isEqualTo(1_206);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
