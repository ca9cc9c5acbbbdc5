package org.scplan.spark;

import java.io.Serializable;
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
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.sweep.NoiseFloor;
import org.scplan.sweep.RunMetadata;
import org.scplan.sweep.RunResult;
import org.scplan.sweep.Sweep;
import org.scplan.sweep.SweepResult;
import org.scplan.sweep.SweepTask;
import org.scplan.validation.ScenarioValidator;

/**
 * A Monte Carlo sweep as a Spark job: run indices 0 to {@code runs − 1} (and the noise floor's) are
 * spread over tasks, and each run is {@link SweepTask#apply(Scenario, int)} of the task {@link
 * SweepTask#startingFrom} the base scenario's plan ({@link SweepTask#solveBase}), the very calls of
 * the local {@code scplan sweep}, so the two agree run by run (exactly at a deterministic limit). A
 * run depends only on the seed, its index and the base plan the task carries, so a retried task
 * gives the same rows; a run without a plan is a row with its status and message, never a failed
 * job.
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
   * @param summary the same summary as the local sweep's (shares, risk-reduced distribution, noise
   *     floor)
   * @param metadata what produced the runs
   */
  public record Output(Dataset<Row> runs, SweepResult summary, RunMetadata metadata) {}

  private SweepJob() {}

  /**
   * Runs the sweep {@code scplan sweep} runs ({@link Sweep#run(Scenario, SweepTask, int,
   * NoiseFloor, int, Sweep.Progress)}), on {@code spark}: the driver solves {@code task}'s base
   * scenario once ({@link SweepTask#solveBase}), then each of the {@code runs} samples and each of
   * the {@code noiseFloor.runs()} solves of the noise floor is the same per-run call as the local
   * sweep's, from that plan (or from none), so both give the same runs and the same summary
   * (exactly at a deterministic limit).
   *
   * @param noiseFloor how the noise floor is measured ({@link SweepTask#noiseFloor}; {@link
   *     NoiseFloor#none()}: not at all)
   * @param partitions Spark tasks to spread the runs over, ≥ 1 (each parses the base scenario once)
   * @throws org.scplan.validation.ScenarioValidationException if the base scenario is invalid
   */
  public static Output run(
      SparkSession spark, SweepTask task, int runs, NoiseFloor noiseFloor, int partitions) {
    if (runs < 1 || partitions < 1) {
      throw new IllegalArgumentException(
          "runs and partitions must be ≥ 1, were " + runs + ", " + partitions);
    }
    int noiseRuns = noiseFloor.runs();
    Scenario base = task.base();
    ScenarioValidator.validate(base);
    RunMetadata metadata = task.metadata();
    long start = System.nanoTime();
    Plan basePlan = task.solveBase(base);
    SweepTask shared = task.startingFrom(basePlan);
    SweepTask noise = shared.noiseFloor(noiseFloor.start());
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // Indices from `runs` on are the noise floor's runs 0, 1, …: one pass spreads both over the
    // tasks, as the local sweep's pool runs both.
    List<Integer> indices = IntStream.range(0, runs + noiseRuns).boxed().toList();
    // Kept where they were computed: the driver collects them for the summary, and the table is
    // made from the kept partitions, so writing it neither solves the runs again nor ships every
    // row back out from the driver.
    JavaRDD<Solved> results =
        context
            .parallelize(indices, Math.min(partitions, runs + noiseRuns))
            .mapPartitions(
                (Iterator<Integer> partition) -> {
                  Scenario parsed = shared.base();
                  List<Solved> done = new ArrayList<>();
                  partition.forEachRemaining(
                      index ->
                          done.add(
                              index < runs
                                  ? new Solved(false, shared.apply(parsed, index))
                                  : new Solved(true, noise.apply(parsed, index - runs))));
                  return done.iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK());
    List<RunResult> sampled = new ArrayList<>();
    List<RunResult> floor = new ArrayList<>();
    for (Solved solved : results.collect()) {
      (solved.noiseFloor() ? floor : sampled).add(solved.run());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sampled.sort(Comparator.comparingInt(RunResult::runIndex));
    floor.sort(Comparator.comparingInt(RunResult::runIndex));
    SweepResult summary =
        SweepResult.summarise(
            base,
            task.seed(),
            sampled,
            RunResult.of(0, basePlan),
            noiseFloor.start(),
            floor,
            seconds,
            context.defaultParallelism());
    String scenarioId = base.id();
    JavaRDD<Row> rows =
        results.filter(solved -> !solved.noiseFloor()).map(s -> row(s.run(), scenarioId, metadata));
    return new Output(spark.createDataFrame(rows, SCHEMA), summary, metadata);
  }

  /** A run of the sweep's samples, or of its noise floor. */
  private record Solved(boolean noiseFloor, RunResult run) implements Serializable {}

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
