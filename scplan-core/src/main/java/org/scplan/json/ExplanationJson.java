package org.scplan.json;

import java.nio.file.Path;
import java.util.Objects;
import org.scplan.explain.PlanAnalysis;
import org.scplan.explain.PlanExplanation;

/**
 * Writes explanations and plan analyses as JSON, UTF-8, format version {@value
 * PlanExplanation#FORMAT_VERSION}: one top-level object, {@code formatVersion} first, then the
 * record's components in declaration order (nested records likewise, {@code null} written), the
 * explained plan in the layout of {@link PlanJson}. Output is identical byte for byte for equal
 * explanations. Write-only: explanations are reports, recomputed rather than read back.
 *
 * <p>Thread-safe: the class holds no state.
 */
public final class ExplanationJson {
  private ExplanationJson() {}

  /**
   * The explanation as JSON text (2-space indent, {@code \n} line endings, trailing newline).
   *
   * @throws IllegalArgumentException if a number in it is NaN or infinite
   */
  public static String write(PlanExplanation explanation) {
    Objects.requireNonNull(explanation, "explanation");
    return JsonSupport.printVersioned(
        PlanExplanation.FORMAT_VERSION,
        explanation,
        "explanation of scenario " + explanation.scenarioId());
  }

  /**
   * Writes the explanation to {@code file} atomically.
   *
   * @throws IllegalArgumentException if a number in it is NaN or infinite
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(PlanExplanation explanation, Path file) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(explanation, "explanation");
    JsonSupport.writeAtomically(
        file,
        JsonSupport.versioned(PlanExplanation.FORMAT_VERSION, explanation),
        "explanation of scenario " + explanation.scenarioId());
  }

  /**
   * The analysis as JSON text, in the same layout.
   *
   * @throws IllegalArgumentException if a number in it is NaN or infinite
   */
  public static String write(PlanAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    return JsonSupport.printVersioned(
        PlanExplanation.FORMAT_VERSION, analysis, "analysis of scenario " + analysis.scenarioId());
  }

  /**
   * Writes the analysis to {@code file} atomically.
   *
   * @throws IllegalArgumentException if a number in it is NaN or infinite
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(PlanAnalysis analysis, Path file) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(analysis, "analysis");
    JsonSupport.writeAtomically(
        file,
        JsonSupport.versioned(PlanExplanation.FORMAT_VERSION, analysis),
        "analysis of scenario " + analysis.scenarioId());
  }
}
