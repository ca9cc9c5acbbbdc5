package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;

/** The allocator within a memory budget ({@link AllocatorConfig#maxMemory()}). */
class AllocatorMemoryTest {
  private static AllocatorConfig.Builder deterministic() {
    return AllocatorConfig.builder()
        .timeLimit(Duration.ofMinutes(5))
        .deterministicTimeLimit(0.5)
        .seed(3);
  }

  @Test
  void allocate_budgetTooSmallForTwoWorkers_solvesAsOneWorkerWouldAndSaysSo() {
    Plan budgeted =
        Allocator.create(deterministic().workers(2).maxMemory(64L * 1024 * 1024).build())
            .allocate(NotionalTheater.scenario());
    Plan oneWorker =
        Allocator.create(deterministic().workers(1).build()).allocate(NotionalTheater.scenario());

    PlanChecker.verify(NotionalTheater.scenario(), budgeted);
    assertThat(budgeted.solver().workers()).isEqualTo(1);
    assertThat(budgeted.solver().note())
        .contains("Memory budget 64 MiB")
        .contains("ran 1 worker instead of 2");
    // One worker and a deterministic limit: the budget changes nothing else.
    assertThat(budgeted.fundedOptions()).isEqualTo(oneWorker.fundedOptions());
    assertThat(budgeted.riskReduced()).isEqualTo(oneWorker.riskReduced());
  }

  @Test
  void allocate_ampleBudget_changesNothing() {
    Plan budgeted =
        Allocator.create(deterministic().workers(1).maxMemory(64L << 30).build())
            .allocate(NotionalTheater.scenario());

    assertThat(budgeted.solver().note()).doesNotContain("Memory budget");
    assertThat(budgeted.solver().workers()).isEqualTo(1);
  }

  @Test
  void config_budgetBelowTheMinimum_isRefusedNamingTheField() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> AllocatorConfig.builder().maxMemory(1024L).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AllocatorConfig.maxMemory")
        .hasMessageContaining("1024");
  }
}
