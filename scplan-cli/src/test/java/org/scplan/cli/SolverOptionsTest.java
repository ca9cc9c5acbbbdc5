package org.scplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.scplan.optimizer.AllocatorConfig;
import picocli.CommandLine;

/** The limits a comparison ({@code whatif}, {@code curve}) solves under, and how it says so. */
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
