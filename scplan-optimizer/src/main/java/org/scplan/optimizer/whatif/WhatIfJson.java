package org.scplan.optimizer.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.scplan.optimizer.settings.SolverSettings;
import org.scplan.support.AtomicFiles;
import org.scplan.whatif.Difference;

/**
 * Writes the comparison of a {@link WhatIf.Result} as JSON, with the field names of the Java
 * results: {@code {"formatVersion": 1, "difference": {base, changed, lower, upper, change,
 * uncertainty, verdict, words}, "baseBound", "changedBound", "movedOrReprogrammed",
 * "movesOffChangedMoney", "solves", "solver": {timeLimitSeconds, workers, seed, relativeGapLimit,
 * deterministicTimeLimit}}}. Objectives, bounds and differences are in points; an open end of the
 * interval (a side without a bound) and an unknown bound are {@code null}. The plans themselves go
 * to their own files ({@code --out}, {@code --base-out}). Thread-safe.
 */
public final class WhatIfJson {
  /** Version of the format. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private WhatIfJson() {}

  /** The comparison as JSON text, with a trailing newline. */
  public static String write(WhatIf.Result result) {
    try {
      return JSON.writeValueAsString(tree(result)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the what-if comparison as JSON", e);
    }
  }

  /**
   * Writes the comparison to {@code file} atomically.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(WhatIf.Result result, Path file) {
    AtomicFiles.write(file, write(result));
  }

  private static ObjectNode tree(WhatIf.Result result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    Difference difference = result.difference();
    ObjectNode change = root.putObject("difference");
    change.put("base", finite(difference.base()));
    change.put("changed", finite(difference.changed()));
    change.put("lower", finite(difference.lower()));
    change.put("upper", finite(difference.upper()));
    change.put("change", finite(difference.change()));
    change.put("uncertainty", finite(difference.uncertainty()));
    change.put("verdict", difference.verdict().name());
    change.put("words", difference.words());
    root.put("baseBound", result.basePlan().solver().bestBound());
    root.put("changedBound", result.changedPlan().solver().bestBound());
    root.put("movedOrReprogrammed", result.movedOrReprogrammed());
    root.put("movesOffChangedMoney", result.movesOffChangedMoney());
    root.put("solves", result.solves());
    SolverSettings settings = result.solver();
    ObjectNode solver = root.putObject("solver");
    solver.put("timeLimitSeconds", settings.timeLimit().toNanos() / 1e9);
    solver.put("workers", settings.workers());
    solver.put("seed", settings.seed());
    solver.put("relativeGapLimit", settings.relativeGapLimit());
    solver.put("deterministicTimeLimit", settings.deterministicTimeLimit());
    return root;
  }

  /** {@code value}, or {@code null} where JSON has no number for it (an open end, no plan). */
  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
