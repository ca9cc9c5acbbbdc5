package org.scplan.optimizer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
  private static final long MIB = 1024L * 1024;

  /** `global` seed 1's funding candidates. */
  private static final int GLOBAL = 182_928;

  @Test
  void choose_noBudget_changesNothing() {
    MemoryBudget chosen = MemoryBudget.choose(null, GLOBAL, 8, true, true, true);

    assertThat(chosen.workers()).isEqualTo(8);
    assertThat(chosen.wholeModel()).isTrue();
    assertThat(chosen.note()).isEmpty();
    assertThat(chosen.estimateBytes()).isEqualTo(MemoryBudget.estimate(GLOBAL, 8, true, true));
  }

  @Test
  void choose_budgetAboveTheEstimate_changesNothing() {
    long estimate = MemoryBudget.estimate(GLOBAL, 2, true, false);

    MemoryBudget chosen = MemoryBudget.choose(estimate, GLOBAL, 2, true, false, true);

    assertThat(chosen).isEqualTo(new MemoryBudget(2, false, estimate, ""));
  }

  @Test
  void estimate_growsWithWorkersAndTheWholeModel() {
    for (int w = 1; w < 8; w++) {
      assertThat(MemoryBudget.estimate(GLOBAL, w + 1, true, true))
          .isGreaterThan(MemoryBudget.estimate(GLOBAL, w, true, true));
      assertThat(MemoryBudget.estimate(GLOBAL, w, true, true))
          .isGreaterThan(MemoryBudget.estimate(GLOBAL, w, true, false));
    }
  }

  @Test
  void choose_budgetForOneWorker_runsOneWorkerWithTheWholeModelAndSaysSo() {
    long budget = MemoryBudget.estimate(GLOBAL, 1, true, true);

    MemoryBudget chosen = MemoryBudget.choose(budget, GLOBAL, 4, true, true, true);

    assertThat(chosen.workers()).isEqualTo(1);
    assertThat(chosen.wholeModel()).isTrue();
    assertThat(chosen.estimateBytes()).isLessThanOrEqualTo(budget);
    assertThat(chosen.note())
        .startsWith("Memory budget " + budget / MIB + " MiB")
        .contains("ran 1 worker instead of 4")
        .doesNotContain("over the budget");
  }

  @Test
  void choose_budgetBelowEveryWholeModel_searchesWithoutItAtTheMostWorkersThatFit() {
    long budget = MemoryBudget.estimate(GLOBAL, 2, true, false);

    MemoryBudget chosen = MemoryBudget.choose(budget, GLOBAL, 4, true, true, true);

    assertThat(chosen.workers()).isEqualTo(2);
    assertThat(chosen.wholeModel()).isFalse();
    assertThat(chosen.note())
        .contains("ran 2 workers instead of 4 and searched partner neighbourhoods alone")
        .doesNotContain("over the budget");
  }

  @Test
  void choose_nothingFits_runsOneWorkerAndSaysTheBudgetIsExceeded() {
    MemoryBudget chosen = MemoryBudget.choose(64 * MIB, GLOBAL, 2, true, true, false);

    assertThat(chosen.workers()).isEqualTo(1);
    assertThat(chosen.wholeModel()).isTrue();
    assertThat(chosen.estimateBytes()).isGreaterThan(64 * MIB);
    assertThat(chosen.note()).contains("ran 1 worker instead of 2").contains("over the budget");
  }

  @Test
  void choose_oneWorkerAlreadyAndNothingLeaner_saysSo() {
    MemoryBudget chosen = MemoryBudget.choose(64 * MIB, 1_000, 1, false, true, false);

    assertThat(chosen.workers()).isEqualTo(1);
    assertThat(chosen.note()).contains("nothing leaner was possible").contains("over the budget");
  }
}
