package org.scplan.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.scplan.examples.NotionalTheater;
import org.scplan.json.PlanJson;

/** The committed example plan of the embedded theater and where test output goes. */
final class ExampleFiles {
  /** The repository's examples directory (tests run in the module directory). */
  static final Path EXAMPLES = Path.of("..", "examples");

  /** The example plan, made by the command in the README. */
  static final Path PLAN = EXAMPLES.resolve("notional-theater-plan.json");

  /** Committed generated reports. */
  static final Path REPORTS = EXAMPLES.resolve("reports");

  /** This module's build output. */
  static final Path TARGET = Path.of("target");

  private ExampleFiles() {}

  /** The example plan joined with the embedded theater. */
  static PlanReport theaterReport() {
    if (!Files.isRegularFile(PLAN)) {
      throw new AssertionError(
          PLAN.toAbsolutePath() + " is missing; it is committed with the sources.");
    }
    return PlanReport.of(NotionalTheater.scenario(), PlanJson.read(PLAN));
  }
}
