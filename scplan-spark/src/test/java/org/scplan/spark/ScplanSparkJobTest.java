package org.scplan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void unknownCommand_isAUsageError() {
    assertThat(ScplanSparkJob.run("no-such-job")).isEqualTo(2);
  }
}
