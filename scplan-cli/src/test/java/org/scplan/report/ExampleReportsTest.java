package org.scplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.plan.PlanChecker;

/**
 * The committed example reports under {@code examples/reports/} are exactly what the code renders
 * from the committed example plan. When they drift, the test writes the fresh versions under {@code
 * target/examples/reports/} and says which file to copy.
 */
class ExampleReportsTest {
  @Test
  void examplePlan_fitsTheEmbeddedTheaterAndPassesTheChecker() {
    PlanReport report = ExampleFiles.theaterReport();

    assertThat(PlanChecker.check(NotionalTheater.scenario(), report.plan())).isEmpty();
    assertThat(report.violations()).isEmpty();
  }

  @Test
  void markdownReport_isInSync() throws IOException {
    assertInSync("notional-theater-report.md", MarkdownReport.render(ExampleFiles.theaterReport()));
  }

  @Test
  void cscsDraft_isInSync() throws IOException {
    assertInSync(
        "cscs-p-bandaria.md", CscsDraft.render(ExampleFiles.theaterReport(), "p-bandaria"));
  }

  private static void assertInSync(String name, String rendered) throws IOException {
    Path committed = ExampleFiles.REPORTS.resolve(name);
    String current =
        Files.isRegularFile(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
    if (!current.equals(rendered)) {
      Path fresh = ExampleFiles.TARGET.resolve("examples").resolve("reports").resolve(name);
      Files.createDirectories(fresh.getParent());
      Files.writeString(fresh, rendered, StandardCharsets.UTF_8);
      throw new AssertionError(
          committed.normalize()
              + " is out of date with the report code. If the change is intended: cp "
              + fresh.toAbsolutePath()
              + " "
              + committed.toAbsolutePath().normalize());
    }
  }
}
