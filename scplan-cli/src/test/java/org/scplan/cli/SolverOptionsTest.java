package org.scplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.scplan.optimizer.AllocatorConfig;
import picocli.CommandLine;

/**
 * The limits a comparison ({@code whatif}, {@code curve}, {@code sweep}, {@code explain}) solves
 * under, and how it says so: one set of solver options for every command.
 */
class SolverOptionsTest {
  private static SolverOptions parsed(String... args) {
    CurveCommand curve = new CurveCommand();
    new CommandLine(curve).parseArgs(args);
    return curve.solver;
  }

  @Test
  void comparisonConfig_noLimitGiven_isDeterministicWithOneWorker() {
    AllocatorConfig config = parsed().comparisonConfig();

    assertThat(config.deterministicTimeLimit())
        .isEqualTo(SolverOptions.COMPARISON_DETERMINISTIC_LIMIT);
    assertThat(config.workers()).isEqualTo(1);
    assertThat(config.timeLimit()).isEqualTo(Duration.ofHours(1));
    assertThat(SolverOptions.describeLimit(config))
        .isEqualTo(
            "deterministic limit 5.0 units per solve (wall-clock safety net 3600s), 1 worker,"
                + " seed 0: the same answer under any load");
  }

  @Test
  void comparisonConfig_timeLimitGiven_staysWallClockAndSaysItDependsOnTheLoad() {
    AllocatorConfig config = parsed("--time-limit", "5s", "--workers", "2").comparisonConfig();

    assertThat(config.deterministicTimeLimit()).isNull();
    assertThat(config.timeLimit()).isEqualTo(Duration.ofSeconds(5));
    assertThat(SolverOptions.describeLimit(config))
        .startsWith(
            "wall-clock limit 5s per solve, 2 workers, seed 0: depends on the machine's load");
  }

  @Test
  void comparisonConfig_deterministicLimitGiven_keepsTheUsersWorkers() {
    AllocatorConfig config =
        parsed("--deterministic-limit", "0.5", "--workers", "2").comparisonConfig();

    assertThat(config.deterministicTimeLimit()).isEqualTo(0.5);
    assertThat(config.workers()).isEqualTo(2);
    assertThat(SolverOptions.describeLimit(config)).doesNotContain("the same answer");
  }

  @Test
  void sweep_noLimitGiven_isDeterministicWithOneWorkerPerRunAndSeedOne() {
    SweepCommand sweep = new SweepCommand();
    new CommandLine(sweep).parseArgs("--out", "results");

    AllocatorConfig config = sweep.solver.oneWorkerConfig(SweepCommand.DEFAULT_SEED);

    assertThat(config.deterministicTimeLimit())
        .isEqualTo(SolverOptions.COMPARISON_DETERMINISTIC_LIMIT);
    assertThat(config.timeLimit()).isEqualTo(Duration.ofHours(1));
    assertThat(config.workers()).isEqualTo(1);
    assertThat(config.seed()).isEqualTo(1);
  }

  @Test
  void sweep_wallClockLimitGiven_keepsOneWorkerPerRun_andTheGivenSeed() {
    SweepCommand sweep = new SweepCommand();
    new CommandLine(sweep).parseArgs("--time-limit", "3s", "--seed", "7", "--out", "results");

    AllocatorConfig config = sweep.solver.oneWorkerConfig(SweepCommand.DEFAULT_SEED);

    assertThat(config.deterministicTimeLimit()).isNull();
    assertThat(config.timeLimit()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.workers()).isEqualTo(1);
    assertThat(config.seed()).isEqualTo(7);
  }

  @Test
  void explain_takesTheSameOptions_forItsFirstSolveAndEveryReSolve() {
    ExplainCommand explain = new ExplainCommand();
    new CommandLine(explain)
        .parseArgs("--deterministic-limit", "2", "--seed", "4", "--gap-limit", "0.01");

    AllocatorConfig config = explain.solver.oneWorkerConfig(0);

    assertThat(config.deterministicTimeLimit()).isEqualTo(2.0);
    assertThat(config.timeLimit()).isEqualTo(Duration.ofHours(1));
    assertThat(config.workers()).isEqualTo(1);
    assertThat(config.seed()).isEqualTo(4);
    assertThat(config.relativeGapLimit()).isEqualTo(0.01);
    assertThat(explain.resolveLimit).isEqualTo(1.0);
  }

  @Test
  void config_maxMemoryWithUnit_isTheBudgetInBytes() {
    assertThat(parsed("--max-memory", "768m").config().maxMemory()).isEqualTo(768L << 20);
    assertThat(parsed("--max-memory", "1G").config().maxMemory()).isEqualTo(1L << 30);
    assertThat(parsed("--max-memory", "1g").comparisonConfig().maxMemory()).isEqualTo(1L << 30);
    assertThat(parsed().config().maxMemory()).isNull();
  }

  @Test
  void config_maxMemoryUnreadableOrTooSmall_isAUsageErrorNamingTheValue() {
    for (String bad : new String[] {"lots", "1t", "0g", "63m", "", "99999999999999999g"}) {
      assertThat(
              org.assertj.core.api.Assertions.catchThrowableOfType(
                  () -> parsed("--max-memory", bad), CommandLine.ParameterException.class))
          .as(bad)
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining("--max-memory");
    }
  }
}
