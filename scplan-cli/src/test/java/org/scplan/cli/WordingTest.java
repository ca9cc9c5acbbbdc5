package org.scplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's wording fixes: the horizon printed once, a plan diff that says which is which.
 */
class WordingTest {
  private static final Path EXAMPLE_PLAN = Path.of("..", "examples", "notional-theater-plan.json");

  @TempDir Path directory;

  @Test
  void header_nameStatesTheHorizon_horizonPrintedOnce() {
    assertThat(
            PlanSummary.header("Notional theater, FY2027–FY2031", "notional-theater", 2027, 2031))
        .isEqualTo("Notional theater, FY2027–FY2031 (scenario notional-theater)");
    assertThat(PlanSummary.header("Theater", "t", 2027, 2031))
        .isEqualTo("Theater (scenario t), FY2027–FY2031");
  }

  @Test
  void diff_twoPlanFiles_namesEachFileBeforeItsScenario() throws Exception {
    Path before = directory.resolve("before.json");
    Path after = directory.resolve("after.json");
    Files.copy(EXAMPLE_PLAN, before);
    Files.copy(EXAMPLE_PLAN, after);
    StringWriter out = new StringWriter();

    int code =
        ScplanCommand.run(
            new String[] {"diff", before.toString(), after.toString()},
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));

    assertThat(code).isZero();
    assertThat(out.toString())
        .startsWith(
            "Plan diff: "
                + before
                + " (scenario notional-theater) -> "
                + after
                + " (scenario notional-theater)");
  }
}
