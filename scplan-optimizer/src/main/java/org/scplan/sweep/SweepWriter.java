package org.scplan.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link SweepResult} into a directory: {@code runs.csv} (one row per run, a run without a
 * plan with its status and message), {@code options.csv} (per option the share of runs funding it)
 * and {@code summary.json} (the run metadata with the uncertainty, the risk-reduced distribution,
 * the throughput, the runs without a plan and every option share). Each file is written atomically.
 */
public final class SweepWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SweepWriter() {}

  /** The header of {@code runs.csv}; the Spark sweep's rows start with the same columns. */
  public static final String RUNS_HEADER =
      "run,status,risk_reduced,total_weight_at_stake,relative_gap,funded_options,wall_seconds,message";

  /**
   * Writes the three files into {@code directory}, creating it if needed.
   *
   * @param metadata what produced the results ({@link SweepTask#metadata()})
   */
  public static void write(SweepResult result, RunMetadata metadata, Path directory) {
    try {
      Files.createDirectories(directory);
      StringBuilder runs = new StringBuilder(RUNS_HEADER).append('\n');
      for (RunResult run : result.runs()) {
        runs.append(
            String.format(
                Locale.ROOT,
                "%d,%s,%.6f,%.6f,%s,%d,%.3f,%s%n",
                run.runIndex(),
                run.status(),
                run.riskReduced(),
                run.totalWeightAtStake(),
                run.relativeGap() == null
                    ? ""
                    : String.format(Locale.ROOT, "%.6f", run.relativeGap()),
                run.fundedOptionIds().size(),
                run.wallTimeSeconds(),
                csv(run.message())));
      }
      atomically(directory.resolve("runs.csv"), runs.toString());
      StringBuilder options = new StringBuilder("option,funded_share\n");
      for (Map.Entry<String, Double> entry : result.fundedShareByOption().entrySet()) {
        options.append(
            String.format(Locale.ROOT, "%s,%.4f%n", csv(entry.getKey()), entry.getValue()));
      }
      atomically(directory.resolve("options.csv"), options.toString());
      atomically(directory.resolve("summary.json"), summaryJson(result, metadata));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sweep results to " + directory, e);
    }
  }

  /**
   * The text of {@code summary.json}: the metadata with the uncertainty, the risk-reduced
   * distribution, the throughput, the runs without a plan and every option's share.
   */
  public static String summaryJson(SweepResult result, RunMetadata metadata) {
    try {
      return JSON.writeValueAsString(summary(result, metadata)) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sweep summary as JSON", e);
    }
  }

  private static ObjectNode summary(SweepResult result, RunMetadata metadata) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenarioId", result.scenarioId());
    root.put("seed", result.seed());
    ObjectNode run = root.putObject("metadata");
    run.put("scplanVersion", metadata.scplanVersion());
    run.put("orToolsVersion", metadata.orToolsVersion());
    run.put("workersPerRun", metadata.workers());
    run.put("timeLimitSeconds", metadata.timeLimitSeconds());
    run.put("deterministicTimeLimit", metadata.deterministicTimeLimit());
    run.set("uncertainty", JSON.readTree(metadata.uncertaintyJson()));
    root.put("runs", result.runs().size());
    root.put("runsWithoutPlan", result.runsWithoutPlan());
    root.put("threads", result.threads());
    root.put("wallTimeSeconds", result.wallTimeSeconds());
    root.put("runsPerSecond", result.runsPerSecond());
    root.set("riskReduced", JSON.valueToTree(result.riskReduced()));
    ArrayNode options = root.putArray("fundedShareByOption");
    result
        .fundedShareByOption()
        .forEach((id, share) -> options.addObject().put("option", id).put("fundedShare", share));
    return root;
  }

  private static String csv(String field) {
    return field.contains(",") || field.contains("\"") || field.contains("\n")
        ? "\"" + field.replace("\"", "\"\"") + "\""
        : field;
  }

  private static void atomically(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
