package org.scplan.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.scplan.scenario.Scenario;
import org.scplan.sweep.RunMetadata;
import org.scplan.sweep.RunResult;
import org.scplan.sweep.SweepResult;
import org.scplan.sweep.SweepTask;
import org.scplan.validation.ScenarioValidator;

/**
 * A Monte Carlo sweep as a Spark job: run indices 0 to {@code runs − 1} are spread over tasks, and
 * each run is {@link SweepTask#apply(Scenario, int)}, the very function of the local {@code scplan
 * sweep}, so the two agree run by run (exactly at a deterministic limit). A run depends only on the
 * seed and its index, so a retried task gives the same rows; a run without a plan is a row with its
 * status and message, never a failed job.
 */
public final class SweepJob {
  /**
   * The columns of the runs: those of the local {@code runs.csv} ({@code run} to {@code message}),
   * then the funded option ids and the run metadata.
   */
  public static final StructType SCHEMA =
      new StructType()
          .add("run", DataTypes.IntegerType, false)
          .add("status", DataTypes.StringType, false)
          .add("risk_reduced", DataTypes.DoubleType, false)
          .add("total_weight_at_stake", DataTypes.DoubleType, false)
          .add("relative_gap", DataTypes.DoubleType, true)
          .add("funded_options", DataTypes.IntegerType, false)
          .add("wall_seconds", DataTypes.DoubleType, false)
          .add("message", DataTypes.StringType, false)
          .add("funded_option_ids", DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add("scenario_id", DataTypes.StringType, false)
          .add("seed", DataTypes.LongType, false)
          .add("scplan_version", DataTypes.StringType, false)
          .add("ortools_version", DataTypes.StringType, false)
          .add("workers_per_run", DataTypes.IntegerType, false)
          .add("time_limit_s", DataTypes.DoubleType, false)
          .add("deterministic_limit", DataTypes.DoubleType, true)
          .add("uncertainty", DataTypes.StringType, false);

  /**
   * The results of a sweep job.
   *
   * @param runs one row per run under {@link #SCHEMA}, in run order, computed once and kept by the
   *     executors (written or queried without solving again)
   * @param summary the same summary as the local sweep's (shares, risk-reduced distribution)
   * @param metadata what produced the runs
   */
  public record Output(Dataset<Row> runs, SweepResult summary, RunMetadata metadata) {}

  private SweepJob() {}

  /**
   * Runs {@code runs} samples of {@code task}'s base scenario on {@code spark}.
   *
   * @param partitions Spark tasks to spread the runs over, ≥ 1 (each parses the base scenario once)
   * @throws org.scplan.validation.ScenarioValidationException if the base scenario is invalid
   */
  public static Output run(SparkSession spark, SweepTask task, int runs, int partitions) {
    if (runs < 1 || partitions < 1) {
      throw new IllegalArgumentException(
          "runs and partitions must be ≥ 1, were " + runs + ", " + partitions);
    }
    Scenario base = task.base();
    ScenarioValidator.validate(base);
    RunMetadata metadata = task.metadata();
    long start = System.nanoTime();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Integer> indices = IntStream.range(0, runs).boxed().toList();
    // Kept where they were computed: the driver collects them for the summary, and the table is
    // made from the kept partitions, so writing it neither solves the runs again nor ships every
    // row back out from the driver.
    JavaRDD<RunResult> results =
        context
            .parallelize(indices, Math.min(partitions, runs))
            .mapPartitions(
                (Iterator<Integer> partition) -> {
                  Scenario parsed = task.base();
                  List<RunResult> done = new ArrayList<>();
                  partition.forEachRemaining(index -> done.add(task.apply(parsed, index)));
                  return done.iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK());
    List<RunResult> ordered = new ArrayList<>(results.collect());
    double seconds = (System.nanoTime() - start) / 1e9;
    ordered.sort(Comparator.comparingInt(RunResult::runIndex));
    SweepResult summary =
        SweepResult.summarise(base, task.seed(), ordered, seconds, context.defaultParallelism());
    String scenarioId = base.id();
    JavaRDD<Row> rows = results.map(run -> row(run, scenarioId, metadata));
    return new Output(spark.createDataFrame(rows, SCHEMA), summary, metadata);
  }

  private static Row row(RunResult run, String scenarioId, RunMetadata metadata) {
    return RowFactory.create(
        run.runIndex(),
        run.status(),
        run.riskReduced(),
        run.totalWeightAtStake(),
        run.relativeGap(),
        run.fundedOptionIds().size(),
        run.wallTimeSeconds(),
        run.message(),
        run.fundedOptionIds().toArray(new String[0]),
        scenarioId,
        metadata.seed(),
        metadata.scplanVersion(),
        metadata.orToolsVersion(),
        metadata.workers(),
        metadata.timeLimitSeconds(),
        metadata.deterministicTimeLimit(),
        metadata.uncertaintyJson());
  }
}
