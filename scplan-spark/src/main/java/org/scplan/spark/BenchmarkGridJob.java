package org.scplan.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scplan.benchmarks.QualityHarness;
import org.scplan.optimizer.progress.NativeLibraryException;
import org.scplan.sweep.RunMetadata;

/**
 * A benchmark grid as a Spark job: every generator preset × seed × time limit is one task running
 * {@link QualityHarness#runCase}, the quality harness's own per-case function, in the executor's
 * JVM (as the harness's {@code --no-fork}: the peak RSS column is the executor's, shared by its
 * tasks). One row per case with the harness's CSV columns, then {@code message} and the run
 * metadata; a case that fails is a row with status {@code FAILED} and its message.
 */
public final class BenchmarkGridJob {
  /** Columns of the harness's CSV whose values are text; whole numbers and the rest follow. */
  private static final List<String> TEXT = List.of("preset", "status", "scenario_digest");

  private static final List<String> WHOLE =
      List.of("seed", "workers", "options", "boolean_variables", "constraints");

  /** Status of a case that threw. */
  public static final String FAILED = "FAILED";

  /** The columns: the quality harness's CSV header, then {@code message} and the metadata. */
  public static final StructType SCHEMA = schema();

  private record Case(
      String preset, long seed, double timeLimit, int workers, long solverSeed, Double limit)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private BenchmarkGridJob() {}

  /**
   * Runs every preset × seed × time limit with {@code workers} solver workers (set {@code
   * spark.task.cpus} to the same).
   *
   * @param timeLimits wall-clock limits, seconds
   * @param deterministicLimit CP-SAT deterministic limit of every case, or {@code null}
   * @throws IllegalArgumentException naming the presets there are, for an unknown preset
   */
  public static Dataset<Row> run(
      SparkSession spark,
      List<String> presets,
      List<Long> seeds,
      List<Double> timeLimits,
      int workers,
      long solverSeed,
      Double deterministicLimit) {
    presets.forEach(QualityHarness::checkPreset);
    List<Case> cases = new ArrayList<>();
    for (String preset : presets) {
      for (double limit : timeLimits) {
        for (long seed : seeds) {
          cases.add(new Case(preset, seed, limit, workers, solverSeed, deterministicLimit));
        }
      }
    }
    String scplan = RunMetadata.currentScplanVersion();
    String orTools = RunMetadata.currentOrToolsVersion();
    List<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(cases, Math.max(1, cases.size()))
            .map(c -> row(c, scplan, orTools))
            .collect();
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static Row row(Case c, String scplan, String orTools) {
    String[] names = QualityHarness.Result.HEADER.split(",");
    Object[] values = new Object[SCHEMA.size()];
    try {
      String[] cells =
          QualityHarness.runCase(
                  c.preset(), c.seed(), c.timeLimit(), c.workers(), c.solverSeed(), c.limit())
              .csv()
              .split(",", -1);
      for (int i = 0; i < names.length; i++) {
        values[i] = value(names[i], cells[i]);
      }
      values[names.length] = "";
    } catch (NativeLibraryException e) {
      throw e;
    } catch (RuntimeException e) {
      values[0] = c.preset();
      values[1] = c.seed();
      values[2] = c.timeLimit();
      values[3] = c.workers();
      values[indexOf(names, "status")] = FAILED;
      values[names.length] = String.valueOf(e);
    }
    values[names.length + 1] = scplan;
    values[names.length + 2] = orTools;
    values[names.length + 3] = c.solverSeed();
    values[names.length + 4] = c.limit();
    return RowFactory.create(values);
  }

  private static Object value(String column, String cell) {
    if (TEXT.contains(column)) {
      return cell;
    }
    if (WHOLE.contains(column)) {
      return column.equals("seed")
          ? (Object) Long.parseLong(cell)
          : (Object) Integer.parseInt(cell);
    }
    return Double.parseDouble(cell);
  }

  private static int indexOf(String[] names, String column) {
    return List.of(names).indexOf(column);
  }

  private static StructType schema() {
    StructType schema = new StructType();
    for (String column : QualityHarness.Result.HEADER.split(",")) {
      DataType type =
          TEXT.contains(column)
              ? DataTypes.StringType
              : column.equals("seed")
                  ? DataTypes.LongType
                  : WHOLE.contains(column) ? DataTypes.IntegerType : DataTypes.DoubleType;
      schema = schema.add(column, type, true);
    }
    return schema
        .add("message", DataTypes.StringType, false)
        .add("scplan_version", DataTypes.StringType, false)
        .add("ortools_version", DataTypes.StringType, false)
        .add("solver_seed", DataTypes.LongType, false)
        .add("deterministic_limit", DataTypes.DoubleType, true);
  }
}
