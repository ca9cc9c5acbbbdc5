package org.scplan.json;

import java.nio.file.Path;
import java.util.Objects;
import org.scplan.whatif.BudgetCurve;

/**
 * Writes budget curves as JSON: {@code {"formatVersion": 1, "scenarioId": …, "points": [{…}]}},
 * each point with the components of {@link BudgetCurve.Point} (dollars as integers, points and
 * shares as numbers, the status as its name). Deterministic and atomic like {@link PlanJson}.
 * Thread-safe.
 */
public final class BudgetCurveJson {
  /** Version of the curve format. */
  public static final int FORMAT_VERSION = 1;

  private BudgetCurveJson() {}

  /** The curve as JSON text: 2-space indent, {@code \n} line endings, a trailing newline. */
  public static String write(BudgetCurve curve) {
    Objects.requireNonNull(curve, "curve");
    return JsonSupport.printVersioned(
        FORMAT_VERSION, curve, "budget curve of scenario " + curve.scenarioId());
  }

  /**
   * Writes the curve to {@code file} atomically.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(BudgetCurve curve, Path file) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(curve, "curve");
    JsonSupport.writeAtomically(
        file,
        JsonSupport.versioned(FORMAT_VERSION, curve),
        "budget curve of scenario " + curve.scenarioId());
  }
}
