package org.scplan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.optimizer.whatif.ComparisonLimits;
import picocli.CommandLine;

/** The job's command line: bad input is reported, located, before any Spark session starts. */
class ScplanSparkJobTest {

  @Test
  void sweep_withABadUncertaintyFile_exitsOneNamingEveryProblem(@TempDir Path directory)
      throws IOException {
    Path uncertainty = directory.resolve("bad-uncertainty.json");
    Files.writeString(
        uncertainty,
        """
        {"formatVersion": 1,
         "costOverrun": {"distribution": "step", "probability": 0.5},
         "riskScore": {"distribution": "off"}, "propensity": {"distribution": "off"},
         "appropriationCut": {"distribution": "bernoulliUniform", "probability": 2,
                              "minimum": 0.1, "maximum": 0.2}}
        """);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int exit;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      exit =
          ScplanSparkJob.run(
              "sweep",
              "embedded",
              "--uncertainty",
              uncertainty.toString(),
              "--out",
              directory.resolve("out").toString());
    } finally {
      System.setErr(original);
    }

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("bad-uncertainty.json", "costOverrun", "step", "appropriationCut", "probability");
    assertThat(directory.resolve("out")).doesNotExist();
  }

  /**
   * A curve or what-if grid cell is solved under the limits {@code scplan whatif} and {@code scplan
   * curve} use for the same options: with none, the deterministic default under the safety net.
   */
  @Test
  void gridCells_takeTheLocalComparisonsLimits() {
    long safetyNet = ComparisonLimits.SAFETY_NET.toMillis();
    assertThat(cellLimits())
        .isEqualTo(new GridJob.Limits(safetyNet, 1, ComparisonLimits.DEFAULT_DETERMINISTIC_LIMIT));
    assertThat(cellLimits("--deterministic-limit", "0.5"))
        .isEqualTo(new GridJob.Limits(safetyNet, 1, 0.5));
    assertThat(cellLimits("--time-limit", "5", "--workers", "2"))
        .isEqualTo(new GridJob.Limits(5_000, 2, null));
    assertThat(cellLimits("--time-limit", "5", "--deterministic-limit", "2"))
        .isEqualTo(new GridJob.Limits(5_000, 1, 2.0));
  }

  private static GridJob.Limits cellLimits(String... options) {
    ScplanSparkJob.WhatIfGrid grid = new ScplanSparkJob.WhatIfGrid();
    List<String> args = new ArrayList<>(List.of("--scenario", "a=embedded", "--delta", "d=d.json"));
    args.addAll(List.of("--out", "out"));
    args.addAll(List.of(options));
    new CommandLine(grid).parseArgs(args.toArray(new String[0]));
    return grid.solves.limits();
  }

  @Test
  void unknownCommand_isAUsageError() {
    assertThat(ScplanSparkJob.run("no-such-job")).isEqualTo(2);
  }
}
