package org.scplan.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scplan.examples.NotionalTheater;
import org.scplan.json.ScenarioJson;
import org.scplan.json.UncertaintyJson;
import org.scplan.optimizer.settings.SolverSettings;
import org.scplan.optimizer.whatif.ComparisonLimits;
import org.scplan.scenario.Scenario;
import org.scplan.sweep.NoiseFloor;
import org.scplan.sweep.SweepTask;
import org.scplan.uncertainty.Uncertainty;
import org.scplan.validation.ScenarioValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The main class of the job jar, for {@code spark-submit --class org.scplan.spark.ScplanSparkJob
 * scplan-spark.jar COMMAND …}: {@code sweep}, {@code curve}, {@code whatif-grid} and {@code
 * benchmark-grid}. Input files are read on the driver; results go to {@code --out} on any file
 * system Spark reaches. Exit code 0 on success, 1 on bad input (every problem printed), 2 on bad
 * usage.
 */
@Command(
    name = "scplan-spark",
    mixinStandardHelpOptions = true,
    description = "scplan's research jobs on Apache Spark (see docs/SPARK.md).",
    subcommands = {
      ScplanSparkJob.Sweep.class,
      ScplanSparkJob.Curve.class,
      ScplanSparkJob.WhatIfGrid.class,
      ScplanSparkJob.BenchmarkGrid.class
    })
public final class ScplanSparkJob {
  private ScplanSparkJob() {}

  /** Runs the command in {@code args} and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command in {@code args}; returns its exit code. */
  public static int run(String... args) {
    CommandLine line = new CommandLine(new ScplanSparkJob());
    line.setExecutionExceptionHandler(
        (exception, commandLine, parsed) -> {
          if (exception instanceof ScenarioValidationException invalid) {
            commandLine.getErr().println(invalid.getMessage());
            invalid.problems().forEach(problem -> commandLine.getErr().println("  " + problem));
            return 1;
          }
          throw exception;
        });
    return line.execute(args);
  }

  /** Options every job shares: where results go, in which format, on which master. */
  static final class Output {
    @Option(names = "--out", required = true, description = "Output directory (must not exist).")
    String out;

    @Option(names = "--format", defaultValue = "parquet", description = "parquet (default) or csv.")
    String format;

    @Option(
        names = "--master",
        description =
            "Spark master when not run by spark-submit (e.g. local[2]); spark-submit's --master"
                + " wins otherwise.")
    String master;

    SparkSession session(String name) {
      SparkSession.Builder builder = SparkSession.builder().appName("scplan " + name);
      if (master != null) {
        builder.master(master);
      }
      return builder.getOrCreate();
    }

    JobOutput.Format tableFormat() {
      return JobOutput.format(format);
    }
  }

  /** Solver limits as the local commands take them, with their defaults. */
  static final class Limits {
    @Option(
        names = "--time-limit",
        description =
            "Wall-clock limit per solve, seconds (default, as scplan sweep, curve and whatif: a"
                + " safety net of 3600 under a deterministic limit).")
    Double timeLimit;

    @Option(
        names = "--deterministic-limit",
        description =
            "CP-SAT deterministic time limit per solve (reproducible results; 5 when no limit is"
                + " given, as in the local commands).")
    Double deterministicLimit;

    /**
     * The limits of each solve, as {@code scplan sweep}, {@code whatif} and {@code curve} take
     * them.
     */
    ComparisonLimits comparison() {
      return ComparisonLimits.of(timeLimit == null ? null : given(), deterministicLimit);
    }

    private Duration given() {
      return Duration.ofMillis(Math.round(timeLimit * 1000));
    }
  }

  /** Solver workers per grid cell or benchmark case. */
  static final class Workers {
    @Option(
        names = "--workers",
        defaultValue = "1",
        description = "Solver workers per cell; set spark.task.cpus to the same.")
    int workers;
  }

  /** How the cells of a curve or what-if grid are solved: solver seeds, workers and limits. */
  static final class CellSolves {
    @Option(names = "--seeds", split = ",", defaultValue = "0", description = "Solver seeds.")
    List<Long> seeds;

    @Mixin Workers workers;
    @Mixin Limits limits;

    GridJob.Limits limits() {
      ComparisonLimits comparison = limits.comparison();
      return new GridJob.Limits(
          comparison.timeLimit().toMillis(), workers.workers, comparison.deterministicTimeLimit());
    }
  }

  @Command(
      name = "sweep",
      mixinStandardHelpOptions = true,
      description =
          "Monte Carlo sweep as scplan sweep does it: runs/ (one row per run), options/ (share of"
              + " runs funding each option) and summary.json.")
  static final class Sweep implements Callable<Integer> {
    @Parameters(index = "0", description = "Base scenario file, or 'embedded'.")
    String scenario;

    @Option(names = "--runs", defaultValue = "100", description = "Number of runs.")
    int runs;

    @Option(names = "--seed", defaultValue = "1", description = "Sweep seed.")
    long seed;

    @Option(names = "--uncertainty", description = "Uncertainty file (default: the defaults).")
    Path uncertainty;

    @Option(
        names = "--noise-runs",
        defaultValue = "10",
        description =
            "Solves of the base itself, solver seeds seed..seed+N-1: the noise floor, as scplan"
                + " sweep prints it; 0 skips it (default: ${DEFAULT-VALUE}).")
    int noiseRuns;

    @Option(
        names = "--noise-from-scratch",
        description =
            "Start the noise floor's solves from no plan instead of the base plan, as scplan sweep"
                + " --noise-from-scratch does.")
    boolean noiseFromScratch;

    @Option(
        names = "--partitions",
        description = "Spark tasks (default: 8 per core of the cluster, at most one per run).")
    Integer partitions;

    @Mixin Limits limits;
    @Mixin Output output;

    @Override
    public Integer call() {
      Uncertainty distributions =
          uncertainty == null ? Uncertainty.defaults() : UncertaintyJson.read(uncertainty);
      SweepTask task =
          SweepTask.of(
              scenario(scenario),
              distributions,
              seed,
              SolverSettings.builder()
                  .workers(1)
                  .seed(seed)
                  .timeLimit(limits.comparison().timeLimit())
                  .deterministicTimeLimit(limits.comparison().deterministicTimeLimit())
                  .build());
      SparkSession spark = output.session("sweep");
      int tasks = partitions != null ? partitions : 8 * spark.sparkContext().defaultParallelism();
      SweepJob.Output result =
          SweepJob.run(spark, task, runs, NoiseFloor.of(noiseRuns, noiseFromScratch), tasks);
      JobOutput.table(result.runs(), output.out, "runs", output.tableFormat());
      List<Row> shares =
          result.summary().fundedShareByOption().entrySet().stream()
              .map(e -> org.apache.spark.sql.RowFactory.create(e.getKey(), e.getValue()))
              .toList();
      JobOutput.table(
          spark.createDataFrame(
              shares,
              new org.apache.spark.sql.types.StructType()
                  .add("option", org.apache.spark.sql.types.DataTypes.StringType, false)
                  .add("funded_share", org.apache.spark.sql.types.DataTypes.DoubleType, false)),
          output.out,
          "options",
          output.tableFormat());
      JobOutput.text(
          spark,
          output.out,
          "summary.json",
          org.scplan.sweep.SweepWriter.summaryJson(result.summary(), result.metadata()));
      var risk = result.summary().riskReduced();
      System.out.printf(
          Locale.ROOT,
          "%d runs in %.1f s (%.2f runs/s), %d without a plan. Risk reduced: mean %.2f, sd %.2f,"
              + " p5 %.2f, median %.2f, p95 %.2f points.%nResults written to %s%n",
          runs,
          result.summary().wallTimeSeconds(),
          result.summary().runsPerSecond(),
          result.summary().runsWithoutPlan(),
          risk.mean(),
          risk.standardDeviation(),
          risk.p5(),
          risk.median(),
          risk.p95(),
          output.out);
      System.out.print(result.summary().describeNoiseFloor(seed));
      return 0;
    }
  }

  @Command(
      name = "curve",
      mixinStandardHelpOptions = true,
      description = "Budget curves of every scenario x seed, as scplan curve computes one.")
  static final class Curve implements Callable<Integer> {
    @Option(
        names = "--scenario",
        required = true,
        description = "NAME=FILE (FILE 'embedded' for the notional theater); repeatable.")
    Map<String, String> scenarios;

    @Option(names = "--from", defaultValue = "0.5", description = "First multiplier.")
    double from;

    @Option(names = "--to", defaultValue = "1.5", description = "Last multiplier.")
    double to;

    @Option(names = "--step", defaultValue = "0.1", description = "Step between multipliers.")
    double step;

    @Mixin CellSolves solves;
    @Mixin Output output;

    @Override
    public Integer call() {
      SparkSession spark = output.session("curve");
      Dataset<Row> curves =
          GridJob.curves(
              spark, texts(scenarios, true), solves.seeds, from, to, step, solves.limits());
      finish(spark, curves, "curves", output);
      return 0;
    }
  }

  @Command(
      name = "whatif-grid",
      mixinStandardHelpOptions = true,
      description =
          "What-if grid: every scenario x delta x multiplier x seed, each cell as scplan whatif"
              + " solves it on the scenario with every appropriation x the multiplier.")
  static final class WhatIfGrid implements Callable<Integer> {
    @Option(
        names = "--scenario",
        required = true,
        description = "NAME=FILE (FILE 'embedded' for the notional theater); repeatable.")
    Map<String, String> scenarios;

    @Option(names = "--delta", required = true, description = "NAME=FILE; repeatable.")
    Map<String, String> deltas;

    @Option(
        names = "--multipliers",
        split = ",",
        defaultValue = "1",
        description = "Factors on every appropriation (1: the scenario as it is).")
    List<Double> multipliers;

    @Mixin CellSolves solves;
    @Mixin Output output;

    @Override
    public Integer call() {
      SparkSession spark = output.session("whatif-grid");
      Dataset<Row> grid =
          GridJob.whatIfs(
              spark,
              texts(scenarios, true),
              texts(deltas, false),
              multipliers,
              solves.seeds,
              solves.limits());
      finish(spark, grid, "whatif", output);
      return 0;
    }
  }

  @Command(
      name = "benchmark-grid",
      mixinStandardHelpOptions = true,
      description = "Quality harness cases: every preset x seed x time limit, one task each.")
  static final class BenchmarkGrid implements Callable<Integer> {
    @Option(names = "--preset", split = ",", defaultValue = "theater", description = "Presets.")
    List<String> presets;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3,4,5", description = "Seeds.")
    List<Long> seeds;

    @Option(
        names = "--time-limits",
        split = ",",
        defaultValue = "10",
        description = "Time limits, seconds.")
    List<Double> timeLimits;

    @Mixin Workers workers;

    @Option(names = "--solver-seed", defaultValue = "0", description = "CP-SAT random seed.")
    long solverSeed;

    @Option(names = "--deterministic-limit", description = "CP-SAT deterministic time limit.")
    Double deterministicLimit;

    @Mixin Output output;

    @Override
    public Integer call() {
      SparkSession spark = output.session("benchmark-grid");
      Dataset<Row> cases =
          BenchmarkGridJob.run(
              spark, presets, seeds, timeLimits, workers.workers, solverSeed, deterministicLimit);
      finish(spark, cases, "cases", output);
      return 0;
    }
  }

  /** Writes a grid's table and its summary: cells by status. */
  private static void finish(SparkSession spark, Dataset<Row> table, String name, Output output) {
    JobOutput.table(table, output.out, name, output.tableFormat());
    Map<String, Long> byStatus = new java.util.TreeMap<>();
    for (Row row : table.groupBy("status").count().collectAsList()) {
      byStatus.put(row.getString(0), row.getLong(1));
    }
    StringBuilder json = new StringBuilder("{\n  \"rows\" : ").append(table.count());
    json.append(",\n  \"rowsByStatus\" : {");
    String separator = "\n";
    for (Map.Entry<String, Long> entry : byStatus.entrySet()) {
      json.append(separator)
          .append("    \"")
          .append(entry.getKey())
          .append("\" : ")
          .append(entry.getValue());
      separator = ",\n";
    }
    json.append("\n  }\n}\n");
    JobOutput.text(spark, output.out, "summary.json", json.toString());
    System.out.printf(
        Locale.ROOT, "%s: rows by status %s. Written to %s%n", name, byStatus, output.out);
  }

  /** The JSON texts of NAME=FILE pairs, read on the driver. */
  private static Map<String, String> texts(Map<String, String> files, boolean scenarios) {
    Map<String, String> texts = new LinkedHashMap<>();
    files.forEach(
        (name, file) ->
            texts.put(
                name,
                scenarios && file.equals("embedded")
                    ? ScenarioJson.write(NotionalTheater.scenario())
                    : read(Path.of(file))));
    return texts;
  }

  private static Scenario scenario(String file) {
    return file.equals("embedded") ? NotionalTheater.scenario() : ScenarioJson.read(Path.of(file));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
