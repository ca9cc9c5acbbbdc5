package org.scplan.benchmarks.orlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.benchmarks.orlib.internal.DirectKnapsack;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.scenario.Scenario;
import org.scplan.validation.ScenarioValidator;

class MkpScenarioTest {

  /** Petersen's first problem as it appears in mknap1.txt (optimum 3800), plus a fractional one. */
  private static final String BEASLEY =
      """
       2
       6 10 3800
       100 600 1200 2400 500 2000
       8 12 13 64 22 41
       8 12 13 75 22 41
       3 6 4 18 6 4
       5 10 8 32 6 12
       5 13 8 42 6 20
       5 13 8 48 6 20
       0 0 0 0 8 0
       3 0 4 0 8 0
       3 2 4 0 8 4
       3 2 4 8 8 4
       80 96 20 36 44 48 10 18 22 24
       3 2 0
       10.5 7.25 4
       3 2 2
       1 2 1
       4 3
      """;

  private static final String MKNAP2 =
      """
       free text before the problems
       problem TINY.DAT
       +++++
       2 4 // 2 knapsacks, 4 objects
       10 7 5 3
       6 5
       3 3 2 1
       2 3 3 1
       17
      """;

  private static Plan solve(MkpInstance instance) {
    Scenario scenario = MkpScenario.of(instance);
    assertThat(ScenarioValidator.problems(scenario)).isEmpty();
    Plan plan =
        Allocator.create(
                // OPTIMAL is asserted: a deterministic limit, the wall clock a safety net.
                AllocatorConfig.builder()
                    .timeLimit(Duration.ofHours(1))
                    .deterministicTimeLimit(60.0)
                    .workers(1)
                    .build())
            .allocate(scenario);
    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    return plan;
  }

  /** Exhaustive optimum of a small instance. */
  private static double bruteForce(MkpInstance instance) {
    double best = 0;
    for (int mask = 0; mask < 1 << instance.items(); mask++) {
      boolean fits = true;
      for (int i = 0; i < instance.dimensions() && fits; i++) {
        long used = 0;
        for (int j = 0; j < instance.items(); j++) {
          if ((mask & 1 << j) != 0) {
            used += instance.weight(i, j);
          }
        }
        fits = used <= instance.capacity(i);
      }
      if (fits) {
        double profit = 0;
        for (int j = 0; j < instance.items(); j++) {
          if ((mask & 1 << j) != 0) {
            profit += instance.profit(j);
          }
        }
        best = Math.max(best, profit);
      }
    }
    return best;
  }

  @Test
  void beasleyFormatSolvesToTheStatedOptimumWithProfitAsValue(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("mknap1.txt");
    Files.writeString(file, BEASLEY);
    List<MkpInstance> instances = MkpReader.readBeasley(file, "t-");
    assertThat(instances).hasSize(2);
    MkpInstance petersen = instances.get(0);
    assertThat(petersen.items()).isEqualTo(6);
    assertThat(petersen.dimensions()).isEqualTo(10);
    assertThat(petersen.knownValue()).isEqualTo(3800.0);
    Plan plan = solve(petersen);
    assertThat(plan.status()).isEqualTo(PlanStatus.OPTIMAL);
    assertThat(plan.riskReduced()).isCloseTo(3800.0, within(1e-6));
    // The plan's value is the profit of the items it funds, exactly.
    double profit = 0;
    for (FundedOption funded : plan.fundedOptions()) {
      profit += petersen.profit(Integer.parseInt(funded.optionId().substring(2)) - 1);
    }
    assertThat(plan.riskReduced()).isCloseTo(profit, within(1e-9));
    MkpInstance fractional = instances.get(1);
    assertThat(fractional.knownValue()).isNull();
    assertThat(solve(fractional).riskReduced()).isCloseTo(bruteForce(fractional), within(1e-9));
  }

  @Test
  void mknap2FormatIsRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mknap2.txt");
    Files.writeString(file, MKNAP2);
    MkpInstance tiny = MkpReader.readMknap2(file).get(0);
    assertThat(tiny.name()).isEqualTo("TINY");
    assertThat(tiny.capacity(0)).isEqualTo(6);
    assertThat(tiny.capacity(1)).isEqualTo(5);
    assertThat(tiny.weightsOf(1)).containsExactly(2, 3, 3, 1);
    assertThat(tiny.knownValue()).isEqualTo(17.0);
    assertThat(bruteForce(tiny)).isEqualTo(17.0);
    assertThat(solve(tiny).riskReduced()).isCloseTo(17.0, within(1e-9));
  }

  /** Random small instances: the scenario's optimum equals the knapsack's, by enumeration. */
  @Test
  void randomInstancesMatchEnumeration() {
    SplittableRandom random = new SplittableRandom(17);
    for (int k = 0; k < 15; k++) {
      int n = 3 + random.nextInt(8);
      int m = 1 + random.nextInt(5);
      double[] profits = new double[n];
      long[][] weights = new long[m][n];
      long[] capacities = new long[m];
      for (int j = 0; j < n; j++) {
        profits[j] = 1 + random.nextInt(1_000);
      }
      for (int i = 0; i < m; i++) {
        long total = 0;
        for (int j = 0; j < n; j++) {
          weights[i][j] = random.nextInt(100_000);
          total += weights[i][j];
        }
        capacities[i] = total / 2;
      }
      MkpInstance instance = new MkpInstance("r" + k, profits, weights, capacities, null, false);
      double optimum = bruteForce(instance);
      assertThat(solve(instance).riskReduced())
          .as("instance %d", k)
          .isCloseTo(optimum, within(1e-6));
      DirectKnapsack.Result plain = DirectKnapsack.solve(instance, 30, 1);
      assertThat(plain.optimal()).isTrue();
      assertThat(plain.value()).as("plain CP-SAT, instance %d", k).isCloseTo(optimum, within(1e-6));
    }
  }

  @Test
  void errorsNameFileProblemAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, " 1\n 2 1 0\n 5 x\n");
    assertThatThrownBy(() -> MkpReader.readBeasley(file, "b-"))
        .hasMessageContaining("bad.txt line 3")
        .hasMessageContaining("profit of item 2");
    Files.writeString(file, " 1\n 2 1 0\n 5 6\n 1 2\n");
    assertThatThrownBy(() -> MkpReader.readBeasley(file, "b-"))
        .hasMessageContaining("capacity of dimension 1");
    assertThatThrownBy(() -> OrLibraryRunner.chuBeasleyFile("7.100")).hasMessageContaining("7.100");
    assertThat(OrLibraryRunner.chuBeasleyFile("30.100")).isEqualTo("mknapcb7.txt");
  }
}
