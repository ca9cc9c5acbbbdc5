package org.scplan.spark;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scplan.json.ScenarioDeltaJson;
import org.scplan.json.ScenarioJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.progress.NativeLibraryException;
import org.scplan.optimizer.whatif.BudgetSweep;
import org.scplan.optimizer.whatif.WhatIf;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.sweep.RunMetadata;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.whatif.BudgetCurve;
import org.scplan.whatif.Difference;
import org.scplan.whatif.FundingChange;
import org.scplan.whatif.PlanDiff;
import org.scplan.whatif.ScenarioDelta;

/**
 * Budget curves and what-if grids as Spark jobs. Each cell is solved through the optimizer's public
 * entry points exactly as the local commands solve it, so whatever those do (shared incumbents
 * between the solves of one comparison included) the grid does too:
 *
 * <ul>
 *   <li>{@link #curves}: one task per scenario × seed computes the whole curve with {@link
 *       BudgetSweep#run} ({@code scplan curve}); one row per multiplier.
 *   <li>{@link #whatIfs}: one task per scenario × delta × multiplier × seed runs {@link
 *       WhatIf#run(Allocator, Scenario, ScenarioDelta, String,
 *       org.scplan.optimizer.progress.ProgressListener)} on the scenario with every appropriation ×
 *       the multiplier ({@code scplan whatif} at multiplier 1, where the scenario is used as it
 *       is).
 * </ul>
 *
 * <p>A cell that cannot be solved (a delta naming an unknown id, a solver failure, no plan within
 * the limit) is a row with its status and message, never a failed job.
 */
public final class GridJob {
  /** Status of a cell whose plans were all found. */
  public static final String OK = "OK";

  /** Status of a cell where a solve ended without a plan within the limit. */
  public static final String NO_PLAN = "NO_PLAN";

  /** Status of a cell whose scenario or delta broke a rule. */
  public static final String INVALID_INPUT = "INVALID_INPUT";

  /** Status of a cell whose solve threw. */
  public static final String SOLVER_FAILURE = "SOLVER_FAILURE";

  /**
   * Columns of a budget curve: those of {@code scplan curve --out curve.csv}, cell and metadata.
   */
  public static final StructType CURVE_SCHEMA =
      metadataColumns(
          new StructType()
              .add("scenario", DataTypes.StringType, false)
              .add("seed", DataTypes.LongType, false)
              .add("multiplier", DataTypes.DoubleType, true)
              .add("appropriated", DataTypes.LongType, true)
              .add("riskReduced", DataTypes.DoubleType, true)
              .add("riskReducedShare", DataTypes.DoubleType, true)
              .add("obligated", DataTypes.LongType, true)
              .add("lapsed", DataTypes.LongType, true)
              .add("fundedOptions", DataTypes.IntegerType, true)
              .add("status", DataTypes.StringType, false)
              .add("relativeGap", DataTypes.DoubleType, true)
              .add("objective", DataTypes.DoubleType, true)
              .add("bestBound", DataTypes.DoubleType, true)
              .add("gapExceedsStep", DataTypes.BooleanType, true)
              .add("message", DataTypes.StringType, false));

  /**
   * Columns of a what-if grid: the cell, both plans' figures, the diff's counts, the comparison of
   * {@code scplan whatif --json-out} ({@link org.scplan.optimizer.whatif.WhatIfJson}: difference,
   * bounds, moves, solves) in snake_case, and metadata.
   */
  public static final StructType WHAT_IF_SCHEMA =
      metadataColumns(
          new StructType()
              .add("scenario", DataTypes.StringType, false)
              .add("delta", DataTypes.StringType, false)
              .add("multiplier", DataTypes.DoubleType, false)
              .add("seed", DataTypes.LongType, false)
              .add("status", DataTypes.StringType, false)
              .add("message", DataTypes.StringType, false)
              .add("base_status", DataTypes.StringType, true)
              .add("changed_status", DataTypes.StringType, true)
              .add("base_risk_reduced", DataTypes.DoubleType, true)
              .add("changed_risk_reduced", DataTypes.DoubleType, true)
              .add("risk_reduced_change", DataTypes.DoubleType, true)
              .add("base_relative_gap", DataTypes.DoubleType, true)
              .add("changed_relative_gap", DataTypes.DoubleType, true)
              .add("base_obligated", DataTypes.LongType, true)
              .add("changed_obligated", DataTypes.LongType, true)
              .add("base_lapsed", DataTypes.LongType, true)
              .add("changed_lapsed", DataTypes.LongType, true)
              .add("added", DataTypes.IntegerType, true)
              .add("cut", DataTypes.IntegerType, true)
              .add("moved", DataTypes.IntegerType, true)
              .add("changed_program", DataTypes.IntegerType, true)
              .add("moved_and_changed_program", DataTypes.IntegerType, true)
              .add("unchanged_funded", DataTypes.IntegerType, true)
              .add("difference_base", DataTypes.DoubleType, true)
              .add("difference_changed", DataTypes.DoubleType, true)
              .add("difference_lower", DataTypes.DoubleType, true)
              .add("difference_upper", DataTypes.DoubleType, true)
              .add("difference_change", DataTypes.DoubleType, true)
              .add("difference_uncertainty", DataTypes.DoubleType, true)
              .add("verdict", DataTypes.StringType, true)
              .add("verdict_words", DataTypes.StringType, true)
              .add("base_bound", DataTypes.DoubleType, true)
              .add("changed_bound", DataTypes.DoubleType, true)
              .add("moved_or_reprogrammed", DataTypes.IntegerType, true)
              .add("moves_off_changed_money", DataTypes.IntegerType, true)
              .add("solves", DataTypes.IntegerType, true));

  /**
   * The solver settings of every cell, as the local commands' {@code --time-limit}, {@code
   * --workers} and {@code --deterministic-limit}; the cell's seed is the solver seed.
   *
   * @param timeLimitMillis wall-clock limit per solve, milliseconds, &gt; 0
   * @param workers solver workers per solve, ≥ 1 (set {@code spark.task.cpus} to the same)
   * @param deterministicTimeLimit CP-SAT deterministic time limit per solve, or {@code null}
   */
  public record Limits(long timeLimitMillis, int workers, Double deterministicTimeLimit)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public Limits {
      if (timeLimitMillis <= 0 || workers < 1) {
        throw new IllegalArgumentException(
            "need a time limit > 0 and workers ≥ 1, but got "
                + timeLimitMillis
                + " ms, "
                + workers);
      }
    }

    /** The allocator configuration of a cell with solver seed {@code seed}. */
    public AllocatorConfig config(long seed) {
      return AllocatorConfig.builder()
          .workers(workers)
          .seed(seed)
          .timeLimit(Duration.ofMillis(timeLimitMillis))
          .deterministicTimeLimit(deterministicTimeLimit)
          .build();
    }
  }

  /** One cell: names and inputs as JSON text, so that it ships to executors as it is. */
  private record Cell(
      String scenario,
      String scenarioJson,
      String delta,
      String deltaJson,
      double multiplier,
      long seed)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private GridJob() {}

  /**
   * The budget curves of every scenario × seed, from {@code from} to {@code to} by {@code step}.
   *
   * @param scenarios scenario JSON texts by name (the name is the {@code scenario} column)
   */
  public static Dataset<Row> curves(
      SparkSession spark,
      Map<String, String> scenarios,
      List<Long> seeds,
      double from,
      double to,
      double step,
      Limits limits) {
    BudgetCurve.multipliers(from, to, step);
    List<Cell> cells = new ArrayList<>();
    scenarios.forEach(
        (name, json) -> seeds.forEach(seed -> cells.add(new Cell(name, json, "", "", 0, seed))));
    Object[] metadata = metadata(limits);
    List<Row> rows =
        context(spark)
            .parallelize(cells, Math.max(1, cells.size()))
            .flatMap(cell -> curve(cell, from, to, step, limits, metadata).iterator())
            .collect();
    return spark.createDataFrame(rows, CURVE_SCHEMA);
  }

  /**
   * Every scenario × delta × multiplier × seed of a what-if grid.
   *
   * @param scenarios scenario JSON texts by name (the {@code scenario} column)
   * @param deltas scenario delta JSON texts by name (the {@code delta} column)
   * @param multipliers factors on every appropriation of the base scenario (1: as it is)
   */
  public static Dataset<Row> whatIfs(
      SparkSession spark,
      Map<String, String> scenarios,
      Map<String, String> deltas,
      List<Double> multipliers,
      List<Long> seeds,
      Limits limits) {
    List<Cell> cells = new ArrayList<>();
    scenarios.forEach(
        (name, json) ->
            deltas.forEach(
                (deltaName, deltaJson) ->
                    multipliers.forEach(
                        multiplier ->
                            seeds.forEach(
                                seed ->
                                    cells.add(
                                        new Cell(
                                            name,
                                            json,
                                            deltaName,
                                            deltaJson,
                                            multiplier,
                                            seed))))));
    Object[] metadata = metadata(limits);
    List<Row> rows =
        context(spark)
            .parallelize(cells, Math.max(1, cells.size()))
            .map(cell -> whatIf(cell, limits, metadata))
            .collect();
    return spark.createDataFrame(rows, WHAT_IF_SCHEMA);
  }

  /**
   * The local result of one what-if cell: {@link WhatIf#run} on {@code base} × {@code multiplier}
   * with the limits and seed given, as {@code scplan whatif} solves it. The grid's cells are this.
   */
  public static WhatIf.Result whatIf(
      Scenario base,
      ScenarioDelta delta,
      String deltaName,
      double multiplier,
      long seed,
      Limits limits) {
    Scenario scaled = multiplier == 1.0 ? base : BudgetCurve.scaled(base, multiplier);
    return WhatIf.run(
        Allocator.create(limits.config(seed)),
        scaled,
        delta,
        deltaName,
        org.scplan.optimizer.progress.ProgressListener.NONE);
  }

  private static List<Row> curve(
      Cell cell, double from, double to, double step, Limits limits, Object[] metadata) {
    List<Row> rows = new ArrayList<>();
    try {
      Scenario scenario = ScenarioJson.read(cell.scenarioJson(), cell.scenario());
      BudgetCurve curve =
          BudgetSweep.run(Allocator.create(limits.config(cell.seed())), scenario, from, to, step);
      for (BudgetCurve.Point p : curve.points()) {
        rows.add(
            withMetadata(
                metadata,
                cell.scenario(),
                cell.seed(),
                p.multiplier(),
                p.appropriated(),
                p.riskReduced(),
                p.riskReducedShare(),
                p.obligated(),
                p.lapsed(),
                p.fundedOptions(),
                p.status().name(),
                p.relativeGap(),
                p.objective(),
                p.bestBound(),
                p.gapExceedsStep(),
                p.status().hasPlan() ? "" : "no plan within the limit"));
      }
    } catch (NativeLibraryException e) {
      throw e;
    } catch (RuntimeException e) {
      rows.add(
          withMetadata(
              metadata,
              cell.scenario(),
              cell.seed(),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              failureStatus(e),
              null,
              null,
              null,
              null,
              e.getMessage()));
    }
    return rows;
  }

  private static Row whatIf(Cell cell, Limits limits, Object[] metadata) {
    try {
      Scenario base = ScenarioJson.read(cell.scenarioJson(), cell.scenario());
      ScenarioDelta delta = ScenarioDeltaJson.read(cell.deltaJson(), cell.delta());
      WhatIf.Result result =
          whatIf(base, delta, cell.delta(), cell.multiplier(), cell.seed(), limits);
      Plan before = result.basePlan();
      Plan after = result.changedPlan();
      PlanDiff diff = result.diff();
      Difference difference = result.difference();
      boolean planned = before.status().hasPlan() && after.status().hasPlan();
      return withMetadata(
          metadata,
          cell.scenario(),
          cell.delta(),
          cell.multiplier(),
          cell.seed(),
          planned ? OK : NO_PLAN,
          planned ? "" : "a solve ended without a plan within the limit",
          before.status().name(),
          after.status().name(),
          before.riskReduced(),
          after.riskReduced(),
          diff.riskReducedChange(),
          before.solver().relativeGap(),
          after.solver().relativeGap(),
          diff.obligatedBefore(),
          diff.obligatedAfter(),
          diff.lapsedBefore(),
          diff.lapsedAfter(),
          diff.changes(FundingChange.Kind.ADDED).size(),
          diff.changes(FundingChange.Kind.CUT).size(),
          diff.changes(FundingChange.Kind.MOVED).size(),
          diff.changes(FundingChange.Kind.CHANGED_PROGRAM).size(),
          diff.changes(FundingChange.Kind.MOVED_AND_CHANGED_PROGRAM).size(),
          diff.unchangedFunded(),
          finite(difference.base()),
          finite(difference.changed()),
          finite(difference.lower()),
          finite(difference.upper()),
          finite(difference.change()),
          finite(difference.uncertainty()),
          difference.verdict().name(),
          difference.words(),
          before.solver().bestBound(),
          after.solver().bestBound(),
          result.movedOrReprogrammed(),
          result.movesOffChangedMoney(),
          result.solves());
    } catch (NativeLibraryException e) {
      throw e;
    } catch (RuntimeException e) {
      Object[] cellColumns = {
        cell.scenario(),
        cell.delta(),
        cell.multiplier(),
        cell.seed(),
        failureStatus(e),
        Objects.requireNonNullElse(e.getMessage(), e.toString())
      };
      Object[] values = new Object[WHAT_IF_SCHEMA.size() - metadata.length];
      System.arraycopy(cellColumns, 0, values, 0, cellColumns.length);
      return withMetadata(metadata, values);
    }
  }

  /**
   * {@code value}, or {@code null} where it is no number (an open end of the interval, no plan), as
   * {@code WhatIfJson} writes it.
   */
  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static String failureStatus(RuntimeException e) {
    return e instanceof ScenarioValidationException || e instanceof IllegalArgumentException
        ? INVALID_INPUT
        : SOLVER_FAILURE;
  }

  /** The metadata columns appended to every grid row, in the order of {@link #metadata}. */
  private static StructType metadataColumns(StructType columns) {
    return columns
        .add("scplan_version", DataTypes.StringType, false)
        .add("ortools_version", DataTypes.StringType, false)
        .add("workers", DataTypes.IntegerType, false)
        .add("time_limit_s", DataTypes.DoubleType, false)
        .add("deterministic_limit", DataTypes.DoubleType, true);
  }

  private static Object[] metadata(Limits limits) {
    return new Object[] {
      RunMetadata.currentScplanVersion(),
      RunMetadata.currentOrToolsVersion(),
      limits.workers(),
      limits.timeLimitMillis() / 1000.0,
      limits.deterministicTimeLimit()
    };
  }

  private static Row withMetadata(Object[] metadata, Object... values) {
    Object[] all = new Object[values.length + metadata.length];
    System.arraycopy(values, 0, all, 0, values.length);
    System.arraycopy(metadata, 0, all, values.length, metadata.length);
    return RowFactory.create(all);
  }

  private static JavaSparkContext context(SparkSession spark) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext());
  }
}
