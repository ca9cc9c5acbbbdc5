package org.scplan.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.scplan.json.UncertaintyJson;
import org.scplan.optimizer.internal.NativeLibraries;
import org.scplan.optimizer.settings.SolverSettings;
import org.scplan.uncertainty.Uncertainty;

/**
 * What produced a set of sweep results, written beside them so they can be reproduced: the
 * versions, the seed, the limits per run and the uncertainty file's content.
 *
 * @param scplanVersion the scplan version, or "development" when run from classes
 * @param orToolsVersion the OR-Tools version, e.g. "9.15.6755"
 * @param seed the sweep seed (of the samples)
 * @param solverSeed the solver's seed of every run (the noise floor's run {@code i}: this + i)
 * @param workers solver workers per run (1 unless asked otherwise: runs go in parallel)
 * @param timeLimitSeconds wall-clock limit per run, seconds
 * @param deterministicTimeLimit CP-SAT deterministic time limit per run, or {@code null}
 * @param uncertaintyJson the uncertainty as written by {@link UncertaintyJson#write(Uncertainty)}
 */
public record RunMetadata(
    String scplanVersion,
    String orToolsVersion,
    long seed,
    long solverSeed,
    int workers,
    double timeLimitSeconds,
    Double deterministicTimeLimit,
    String uncertaintyJson)
    implements Serializable {

  private static final long serialVersionUID = 2L;

  /** The metadata of a sweep run in this JVM (loads the OR-Tools natives to ask their version). */
  public static RunMetadata of(long seed, SolverSettings solver, Uncertainty uncertainty) {
    return new RunMetadata(
        currentScplanVersion(),
        currentOrToolsVersion(),
        seed,
        solver.seed(),
        solver.workers(),
        solver.timeLimit().toNanos() / 1e9,
        solver.deterministicTimeLimit(),
        UncertaintyJson.write(uncertainty));
  }

  /** The version of the OR-Tools natives of this JVM, e.g. "9.15.6755" (loads them first). */
  public static String currentOrToolsVersion() {
    return NativeLibraries.version();
  }

  /** The version of the scplan-optimizer jar on the classpath, or "development". */
  public static String currentScplanVersion() {
    try (InputStream in =
        RunMetadata.class.getResourceAsStream(
            "/META-INF/maven/org.scplan/scplan-optimizer/pom.properties")) {
      if (in == null) {
        return "development";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "development");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scplan's version from its jar", e);
    }
  }
}
