package org.scplan.optimizer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.Preparation;
import org.scplan.plan.PlanStatus;
import org.scplan.testing.RandomScenarios;

/**
 * The model restricted to its free options ({@link CpSatModel#CpSatModel(AllocationInstance,
 * int[])}) against the whole model with the same options' variables fixed in their domains: on
 * random tiny scenarios, with random fixings that may break any rule, both give the same verdict
 * and the same optimum, and the restricted model has variables for the free options only.
 */
class RestrictedModelTest {
  private static final int BATCH = 20;
  private static final AtomicLong OPTIMAL = new AtomicLong();
  private static final AtomicLong INFEASIBLE = new AtomicLong();

  @BeforeAll
  static void load() {
    NativeLibraries.ensureLoaded();
  }

  @AfterAll
  static void summarise() {
    System.out.printf(
        "Restricted models: %d optimal with the whole model's objective, %d infeasible as the"
            + " whole model%n",
        OPTIMAL.get(), INFEASIBLE.get());
  }

  /** Seeds 1–400 in batches of {@link #BATCH}: the first seed of each batch. */
  static LongStream batches() {
    return LongStream.range(0, 400 / BATCH).map(b -> 1 + b * BATCH);
  }

  @ParameterizedTest(name = "seeds {0}+")
  @MethodSource("batches")
  void restrictedModel_solvesAsTheWholeModelWithTheOptionsFixed(long firstSeed) {
    for (long seed = firstSeed; seed < firstSeed + BATCH; seed++) {
      crossCheck(seed);
    }
  }

  private static void crossCheck(long seed) {
    AllocationInstance instance = Preparation.prepare(RandomScenarios.tiny(seed));
    String what = "seed " + seed;
    Random random = new Random(seed);
    int options = instance.options.length;
    int[] fixed = new int[options];
    int freeBooleans = 0;
    for (int o = 0; o < options; o++) {
      int candidates = instance.candidates[o].length;
      // About a third free; the rest fixed to a random candidate or unfunded, feasible or not.
      fixed[o] = random.nextInt(3) == 0 ? CpSatModel.FREE : random.nextInt(candidates + 1) - 1;
      freeBooleans += fixed[o] == CpSatModel.FREE ? candidates : 0;
    }
    CpSatModel restricted = new CpSatModel(instance, fixed);
    CpSatModel whole = new CpSatModel(instance);
    fixInDomains(whole, fixed);
    if (seed % 4 == 0 && options > 0) {
      int required = random.nextInt(options);
      restricted.requireFunded(required);
      whole.requireFunded(required);
    }
    assertThat(restricted.booleanVariables()).as(what).isEqualTo(freeBooleans);

    CpSatSolve.Outcome restrictedOutcome = solve(restricted);
    CpSatSolve.Outcome wholeOutcome = solve(whole);

    assertThat(restrictedOutcome.status()).as(what).isEqualTo(wholeOutcome.status());
    if (wholeOutcome.status() == PlanStatus.INFEASIBLE) {
      INFEASIBLE.incrementAndGet();
      return;
    }
    assertThat(wholeOutcome.status()).as(what).isEqualTo(PlanStatus.OPTIMAL);
    // Equal in model units (1e-5 points); the offsets are summed in floating point in other orders.
    assertThat(restrictedOutcome.objective())
        .as(what)
        .isCloseTo(wholeOutcome.objective(), within(1e-9));
    for (int o = 0; o < options; o++) {
      if (fixed[o] != CpSatModel.FREE) {
        assertThat(restrictedOutcome.chosen()[o]).as(what + ", option " + o).isEqualTo(fixed[o]);
      }
    }
    OPTIMAL.incrementAndGet();
  }

  /**
   * Fixes the whole model's variable {@code x_o_c} to 1 where {@code fixed[o] == c} and to 0 for
   * the other candidates of each fixed option, by its name: the oracle knows nothing of the
   * restricted build.
   */
  private static void fixInDomains(CpSatModel whole, int[] fixed) {
    var builder = whole.model.getBuilder();
    for (int v = 0; v < builder.getVariablesCount(); v++) {
      String[] name = builder.getVariables(v).getName().split("_");
      if (name.length != 3 || !name[0].equals("x")) {
        continue;
      }
      int o = Integer.parseInt(name[1]);
      if (fixed[o] != CpSatModel.FREE) {
        long value = fixed[o] == Integer.parseInt(name[2]) ? 1 : 0;
        builder.getVariablesBuilder(v).clearDomain().addDomain(value).addDomain(value);
      }
    }
  }

  private static CpSatSolve.Outcome solve(CpSatModel model) {
    return CpSatSolve.solve(model, 3_600, 1, 1, 0.0, 20.0, event -> {});
  }
}
