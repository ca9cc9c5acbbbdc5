package org.scplan.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scplan.support.AtomicFiles;
import org.scplan.support.CsvText;

/**
 * Writes a {@link SweepResult} into a directory: {@code runs.csv} (one row per run, a run without a
 * plan with its status and message), {@code options.csv} (per option the share of runs funding it)
 * and {@code summary.json} (the run metadata with the uncertainty, the risk-reduced distribution,
 * the base plan every run started from with its gap, its noise floor with the coefficient of
 * variation, where its solves started and how many ended on the base plan, the throughput, the runs
 * without a plan and every option share). Each file is written atomically, its CSV cells through
 * {@link CsvText}.
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
      List<String[]> runs = new ArrayList<>();
      runs.add(RUNS_HEADER.split(","));
      for (RunResult run : result.runs()) {
        runs.add(
            new String[] {
              Integer.toString(run.runIndex()),
              run.status(),
              String.format(Locale.ROOT, "%.6f", run.riskReduced()),
              String.format(Locale.ROOT, "%.6f", run.totalWeightAtStake()),
              run.relativeGap() == null
                  ? ""
                  : String.format(Locale.ROOT, "%.6f", run.relativeGap()),
              Integer.toString(run.fundedOptionIds().size()),
              String.format(Locale.ROOT, "%.3f", run.wallTimeSeconds()),
              run.message()
            });
      }
      AtomicFiles.write(directory.resolve("runs.csv"), CsvText.print(runs));
      List<String[]> options = new ArrayList<>();
      options.add(new String[] {"option", "funded_share"});
      for (Map.Entry<String, Double> entry : result.fundedShareByOption().entrySet()) {
        options.add(
            new String[] {entry.getKey(), String.format(Locale.ROOT, "%.4f", entry.getValue())});
      }
      AtomicFiles.write(directory.resolve("options.csv"), CsvText.print(options));
      AtomicFiles.write(directory.resolve("summary.json"), summaryJson(result, metadata));
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
    run.put("solverSeed", metadata.solverSeed());
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
    ObjectNode noise = root.putObject("noiseFloor");
    noise.setAll((ObjectNode) JSON.valueToTree(result.noiseFloor()));
    noise.put("coefficientOfVariation", result.noiseFloor().coefficientOfVariation());
    noise.put("start", result.noiseStart().name());
    noise.put("runsOnBasePlan", result.noiseRunsOnBasePlan());
    if (result.basePlan() != null) {
      RunResult base = result.basePlan();
      ObjectNode basePlan = root.putObject("basePlan");
      basePlan.put("status", base.status());
      basePlan.put("riskReduced", base.riskReduced());
      if (base.relativeGap() == null) {
        basePlan.putNull("relativeGap");
      } else {
        basePlan.put("relativeGap", base.relativeGap());
      }
      basePlan.put("fundedOptions", base.fundedOptionIds().size());
    }
    ArrayNode options = root.putArray("fundedShareByOption");
    result
        .fundedShareByOption()
        .forEach((id, share) -> options.addObject().put("option", id).put("fundedShare", share));
    return root;
  }
}
