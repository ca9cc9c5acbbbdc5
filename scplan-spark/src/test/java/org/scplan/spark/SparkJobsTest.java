package org.scplan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.benchmarks.QualityHarness;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.json.ScenarioDeltaJson;
import org.scplan.json.ScenarioJson;
import org.scplan.json.UncertaintyJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.optimizer.settings.SolverSettings;
import org.scplan.optimizer.whatif.BudgetSweep;
import org.scplan.optimizer.whatif.WhatIf;
import org.scplan.optimizer.whatif.WhatIfJson;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;
import org.scplan.sweep.NoiseFloor;
import org.scplan.sweep.RunResult;
import org.scplan.sweep.Sweep;
import org.scplan.sweep.SweepResult;
import org.scplan.sweep.SweepTask;
import org.scplan.uncertainty.Uncertainty;
import org.scplan.whatif.BudgetCurve;
import org.scplan.whatif.FundingChange;
import org.scplan.whatif.ScenarioDelta;

/**
 * The jobs on a real Spark in {@code local[2]} mode (two executor threads, tasks serialized as on a
 * cluster), each checked run by run against the local commands at a CP-SAT deterministic limit,
 * where both must give the very same plans. Kept small: one Spark session, a few seconds of
 * solving.
 */
class SparkJobsTest {
  private static final Scenario BASE =
      ScenarioGenerator.generate(GeneratorConfig.ofPartners(2, 5).withGapsPerPartner(2, 3));
  private static final double DETERMINISTIC_LIMIT = 0.2;
  private static final int RUNS = 8;
  private static final int NOISE_RUNS = 3;

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .appName("scplan SparkJobsTest")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** One worker, the seed, a deterministic limit under a 30-s safety net. */
  private static SolverSettings settings(long seed) {
    return SolverSettings.builder()
        .workers(1)
        .seed(seed)
        .timeLimit(Duration.ofSeconds(30))
        .deterministicTimeLimit(DETERMINISTIC_LIMIT)
        .build();
  }

  private static final Scenario THEATER = NotionalTheater.scenario();

  private static SweepTask theaterTask() {
    return SweepTask.of(THEATER, Uncertainty.defaults(), 7, settings(7));
  }

  /**
   * Every run of the Spark sweep, and its noise floor, equals what {@code scplan sweep} computes
   * (its very call: the 6-argument {@link Sweep#run}, whose runs start from the base plan repaired
   * to each sample). On the embedded theater, whose runs the limit stops before optimality, so
   * where the run's start changes its plan.
   */
  @Test
  void sweepJob_givesTheLocalSweepsResults_runByRun(@TempDir Path directory) throws IOException {
    SweepResult local =
        Sweep.run(
            THEATER,
            theaterTask(),
            RUNS,
            NoiseFloor.fromBasePlan(NOISE_RUNS),
            1,
            Sweep.Progress.NONE);
    SweepJob.Output spark =
        SweepJob.run(
            SparkJobsTest.spark, theaterTask(), RUNS, NoiseFloor.fromBasePlan(NOISE_RUNS), 3);

    List<RunResult> fromRows = runs(spark.runs().collectAsList());
    assertThat(fromRows).isEqualTo(local.runsWithoutTimings());
    assertThat(spark.summary().runsWithoutTimings()).isEqualTo(local.runsWithoutTimings());
    assertThat(spark.summary().fundedShareByOption()).isEqualTo(local.fundedShareByOption());
    assertThat(spark.summary().noiseFloor()).isEqualTo(local.noiseFloor());
    assertThat(local.noiseFloor().count()).isEqualTo(NOISE_RUNS);
    assertThat(spark.summary().basePlan().withoutTimings())
        .isEqualTo(local.basePlan().withoutTimings());
    assertThat(spark.summary().noiseRunsOnBasePlan()).isEqualTo(local.noiseRunsOnBasePlan());
    assertThat(local.runs()).allMatch(RunResult::hasPlan);
    // The samples differ, so a sweep that ran one sample eight times would fail here.
    assertThat(local.riskReduced().standardDeviation()).isPositive();
    // Runs started from no plan end elsewhere, so a job that skipped the base plan would fail the
    // equality above.
    SweepResult unstarted = Sweep.run(THEATER, theaterTask(), RUNS, 1, Sweep.Progress.NONE);
    assertThat(unstarted.runsWithoutTimings()).isNotEqualTo(local.runsWithoutTimings());
    Row first = spark.runs().orderBy("run").first();
    assertThat(first.<String>getAs("uncertainty"))
        .isEqualTo(UncertaintyJson.write(Uncertainty.defaults()));
    assertThat(first.<Long>getAs("seed")).isEqualTo(7L);
    assertThat(first.<Double>getAs("deterministic_limit")).isEqualTo(DETERMINISTIC_LIMIT);
    assertThat(first.<String>getAs("ortools_version")).matches("\\d+\\.\\d+\\.\\d+");
    // As CSV, one line per run although the uncertainty JSON spans many.
    JobOutput.table(spark.runs(), directory.toString(), "runs", JobOutput.Format.CSV);
    List<String> lines = csvLines(directory.resolve("runs"));
    assertThat(lines).hasSize(RUNS + 1);
    assertThat(lines.get(1)).contains(",\"{ \"\"formatVersion\"\": 1, \"\"costOverrun\"\": {");
  }

  /**
   * {@code spark-submit … sweep --out DIR}: the Parquet runs read back with Spark SQL under the
   * documented schema (every column nullable, as Spark reads files), with the local results, and
   * summary.json carries the uncertainty file's content and the local sweep's noise floor.
   */
  @Test
  void sweepCommand_writesParquetThatSparkSqlReadsBack(@TempDir Path directory) throws IOException {
    Path scenario = directory.resolve("base.json");
    Files.writeString(scenario, ScenarioJson.write(BASE));
    Path uncertainty = directory.resolve("uncertainty.json");
    Files.writeString(
        uncertainty,
        """
        {"formatVersion": 1,
         "costOverrun": {"distribution": "triangular", "minimum": 0.9, "mode": 1.15,
                         "maximum": 1.6},
         "riskScore": {"distribution": "off"}, "propensity": {"distribution": "off"},
         "appropriationCut": {"distribution": "off"}}
        """);
    Path out = directory.resolve("out");

    int exit =
        ScplanSparkJob.run(
            "sweep",
            scenario.toString(),
            "--runs",
            "6",
            "--seed",
            "7",
            "--uncertainty",
            uncertainty.toString(),
            "--time-limit",
            "30",
            "--deterministic-limit",
            String.valueOf(DETERMINISTIC_LIMIT),
            "--partitions",
            "2",
            "--noise-runs",
            "2",
            "--noise-from-scratch",
            "--out",
            out.toString());

    assertThat(exit).isZero();
    Dataset<Row> runs = spark.read().parquet(out.resolve("runs").toString());
    assertThat(runs.schema()).isEqualTo(SweepJob.SCHEMA.asNullable());
    runs.createOrReplaceTempView("runs");
    List<Row> rows = spark.sql("SELECT * FROM runs ORDER BY run").collectAsList();
    long planned =
        spark
            .sql("SELECT count(*) FROM runs WHERE status IN ('OPTIMAL', 'FEASIBLE')")
            .first()
            .getLong(0);
    assertThat(planned).isEqualTo(6);
    Uncertainty costsOnly = UncertaintyJson.read(Files.readString(uncertainty), "uncertainty");
    SweepTask task = SweepTask.of(BASE, costsOnly, 7, settings(7));
    SweepResult local = Sweep.run(BASE, task, 6, NoiseFloor.fromScratch(2), 1, Sweep.Progress.NONE);
    assertThat(runs(rows)).isEqualTo(local.runsWithoutTimings());
    String summary = Files.readString(out.resolve("summary.json"));
    assertThat(summary)
        .contains("\"costOverrun\"", "\"mode\" : 1.15", "\"runsPerSecond\"", "\"fundedShare\"");
    JsonNode noiseFloor = new ObjectMapper().readTree(summary).path("noiseFloor");
    assertThat(noiseFloor.path("count").asInt()).isEqualTo(2);
    assertThat(noiseFloor.path("mean").asDouble()).isEqualTo(local.noiseFloor().mean());
    assertThat(noiseFloor.path("start").asText()).isEqualTo("SCRATCH");
    assertThat(spark.read().parquet(out.resolve("options").toString()).count())
        .isEqualTo(BASE.options().size());
  }

  /**
   * Each what-if cell equals {@link WhatIf#run} on the scaled scenario with the same settings, as
   * {@code scplan whatif} solves it (whose plans the checker accepts); a delta naming an unknown
   * program is a row with its status and message, and the other cells still run.
   */
  @Test
  void whatIfGrid_givesTheLocalComparisons_andABadDeltaIsARow() throws IOException {
    String program = BASE.programs().get(0).id();
    String cut =
        "{\"formatVersion\": 1, \"id\": \"cut\", \"changes\": [{\"type\":"
            + " \"scaleAppropriation\", \"programId\": \""
            + program
            + "\", \"factor\": 0.6}]}";
    String unknown = cut.replace(program, "prog-none");
    GridJob.Limits limits = new GridJob.Limits(30_000, 1, DETERMINISTIC_LIMIT);
    List<Double> multipliers = List.of(1.0, 0.7);

    Dataset<Row> grid =
        GridJob.whatIfs(
            spark,
            Map.of("base", ScenarioJson.write(BASE)),
            Map.of("cut", cut, "unknown", unknown),
            multipliers,
            List.of(3L),
            limits);

    List<Row> rows = grid.orderBy("delta", "multiplier").collectAsList();
    assertThat(rows).hasSize(4);
    ScenarioDelta delta = ScenarioDeltaJson.read(cut, "cut");
    List<Row> cells = rows.subList(0, 2);
    for (Row row : cells) {
      double multiplier = row.getAs("multiplier");
      Scenario scaled = multiplier == 1.0 ? BASE : BudgetCurve.scaled(BASE, multiplier);
      assertIsTheLocalComparison(row, scaled, delta, "cut");
    }
    // The embedded theater, whose solves the limit stops before optimality, so the interval is
    // open on neither side yet wider than a point: a column taking the other end would fail.
    String theaterCut = cut.replace(program, THEATER.programs().get(0).id());
    Row theaterRow =
        GridJob.whatIfs(
                spark,
                Map.of("theater", ScenarioJson.write(THEATER)),
                Map.of("cut", theaterCut),
                List.of(1.0),
                List.of(3L),
                limits)
            .first();
    assertIsTheLocalComparison(
        theaterRow, THEATER, ScenarioDeltaJson.read(theaterCut, "cut"), "cut");
    assertThat(theaterRow.<Double>getAs("difference_lower"))
        .isLessThan(theaterRow.<Double>getAs("difference_upper"));
    // Less money funds less: the two multipliers did give two different problems.
    assertThat(cells.get(0).<Double>getAs("base_risk_reduced"))
        .isLessThan(cells.get(1).<Double>getAs("base_risk_reduced"));
    for (Row bad : rows.subList(2, 4)) {
      assertThat(bad.<String>getAs("status")).isEqualTo(GridJob.INVALID_INPUT);
      assertThat(bad.<String>getAs("message")).contains("prog-none");
      assertThat(bad.<Double>getAs("base_risk_reduced")).isNull();
      assertThat(bad.<String>getAs("verdict")).isNull();
      assertThat(bad.<Integer>getAs("solves")).isNull();
    }
  }

  /**
   * A budget curve's rows are {@link BudgetSweep#run}'s points, and a benchmark grid's row is the
   * quality harness's own case; both carry the run metadata, and the CSV output is one line per
   * row.
   */
  @Test
  void curveAndBenchmarkGrid_giveTheLocalFigures(@TempDir Path directory) throws IOException {
    GridJob.Limits limits = new GridJob.Limits(30_000, 1, DETERMINISTIC_LIMIT);
    Dataset<Row> curves =
        GridJob.curves(
            spark, Map.of("base", ScenarioJson.write(BASE)), List.of(5L), 0.6, 1.0, 0.4, limits);
    BudgetCurve local = BudgetSweep.run(Allocator.create(limits.config(5)), BASE, 0.6, 1.0, 0.4);
    List<Row> points = curves.orderBy("multiplier").collectAsList();
    assertThat(points).hasSize(local.points().size()).hasSize(2);
    for (int i = 0; i < points.size(); i++) {
      Row row = points.get(i);
      BudgetCurve.Point point = local.points().get(i);
      assertThat(
              List.of(
                  row.<Double>getAs("multiplier"),
                  row.<Long>getAs("appropriated"),
                  row.<Double>getAs("riskReduced"),
                  row.<Double>getAs("riskReducedShare"),
                  row.<Long>getAs("obligated"),
                  row.<Long>getAs("lapsed"),
                  row.<Integer>getAs("fundedOptions"),
                  row.<String>getAs("status")))
          .isEqualTo(
              List.of(
                  point.multiplier(),
                  point.appropriated(),
                  point.riskReduced(),
                  point.riskReducedShare(),
                  point.obligated(),
                  point.lapsed(),
                  point.fundedOptions(),
                  point.status().name()));
      assertThat(row.<Double>getAs("relativeGap")).isEqualTo(point.relativeGap());
      assertThat(row.<Double>getAs("objective")).isEqualTo(point.objective()).isNotNull();
      assertThat(row.<Double>getAs("bestBound")).isEqualTo(point.bestBound()).isNotNull();
      assertThat(row.<Boolean>getAs("gapExceedsStep")).isEqualTo(point.gapExceedsStep());
      assertThat(row.<String>getAs("status")).isIn("OPTIMAL", "FEASIBLE");
    }

    Dataset<Row> cases =
        BenchmarkGridJob.run(spark, List.of("embedded"), List.of(1L), List.of(30.0), 1, 0, 0.1);
    Row row = cases.first();
    QualityHarness.Result harness = QualityHarness.runCase("embedded", 1, 30, 1, 0, 0.1);
    assertThat(row.<String>getAs("message")).isEmpty();
    assertThat(row.<String>getAs("status")).isEqualTo(harness.status());
    assertThat(row.<Double>getAs("risk_reduced"))
        .isCloseTo(harness.riskReduced(), org.assertj.core.api.Assertions.within(1e-4));
    assertThat(row.<Integer>getAs("options")).isEqualTo(harness.options());
    assertThat(row.<Double>getAs("deterministic_limit")).isEqualTo(0.1);

    JobOutput.table(curves, directory.toString(), "curves", JobOutput.Format.CSV);
    List<String> lines = csvLines(directory.resolve("curves"));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(String.join(",", GridJob.CURVE_SCHEMA.fieldNames()));
  }

  /**
   * {@code row} holds every solved column of {@link WhatIf#run} on {@code scaled} with seed 3 and
   * the test's limits, as {@code scplan whatif} prints it (whose plans the checker accepts).
   */
  private static void assertIsTheLocalComparison(
      Row row, Scenario scaled, ScenarioDelta delta, String deltaName) throws IOException {
    AllocatorConfig config =
        AllocatorConfig.builder()
            .workers(1)
            .seed(3)
            .timeLimit(Duration.ofSeconds(30))
            .deterministicTimeLimit(DETERMINISTIC_LIMIT)
            .build();
    WhatIf.Result local =
        WhatIf.run(Allocator.create(config), scaled, delta, deltaName, ProgressListener.NONE);
    PlanChecker.verify(scaled, local.basePlan());
    PlanChecker.verify(local.applied().scenario(), local.changedPlan());
    assertThat(row.<String>getAs("status")).isEqualTo(GridJob.OK);
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("base_status", local.basePlan().status().name());
    expected.put("changed_status", local.changedPlan().status().name());
    expected.put("base_risk_reduced", local.basePlan().riskReduced());
    expected.put("changed_risk_reduced", local.changedPlan().riskReduced());
    expected.put("risk_reduced_change", local.diff().riskReducedChange());
    expected.put("base_relative_gap", local.basePlan().solver().relativeGap());
    expected.put("changed_relative_gap", local.changedPlan().solver().relativeGap());
    expected.put("base_obligated", local.diff().obligatedBefore());
    expected.put("changed_obligated", local.diff().obligatedAfter());
    expected.put("base_lapsed", local.diff().lapsedBefore());
    expected.put("changed_lapsed", local.diff().lapsedAfter());
    expected.put("added", local.diff().changes(FundingChange.Kind.ADDED).size());
    expected.put("cut", local.diff().changes(FundingChange.Kind.CUT).size());
    expected.put("moved", local.diff().changes(FundingChange.Kind.MOVED).size());
    expected.put(
        "changed_program", local.diff().changes(FundingChange.Kind.CHANGED_PROGRAM).size());
    expected.put(
        "moved_and_changed_program",
        local.diff().changes(FundingChange.Kind.MOVED_AND_CHANGED_PROGRAM).size());
    expected.put("unchanged_funded", local.diff().unchangedFunded());
    // The comparison as scplan whatif --json-out writes it: an open end or no number is null.
    JsonNode json = new ObjectMapper().readTree(WhatIfJson.write(local));
    JsonNode difference = json.path("difference");
    expected.put("difference_base", number(difference.path("base")));
    expected.put("difference_changed", number(difference.path("changed")));
    expected.put("difference_lower", number(difference.path("lower")));
    expected.put("difference_upper", number(difference.path("upper")));
    expected.put("difference_change", number(difference.path("change")));
    expected.put("difference_uncertainty", number(difference.path("uncertainty")));
    expected.put("verdict", difference.path("verdict").asText());
    expected.put("verdict_words", difference.path("words").asText());
    expected.put("base_bound", number(json.path("baseBound")));
    expected.put("changed_bound", number(json.path("changedBound")));
    expected.put("moved_or_reprogrammed", json.path("movedOrReprogrammed").intValue());
    expected.put("moves_off_changed_money", json.path("movesOffChangedMoney").intValue());
    expected.put("solves", json.path("solves").intValue());
    assertThat(local.solves()).isBetween(2, WhatIf.MAXIMUM_SOLVES);
    Map<String, Object> actual = new java.util.LinkedHashMap<>();
    expected.keySet().forEach(column -> actual.put(column, row.getAs(column)));
    assertThat(actual).isEqualTo(expected);
  }

  /** A JSON number as a {@code Double}; JSON null (no number) as {@code null}. */
  private static Double number(JsonNode node) {
    return node.isNull() ? null : node.doubleValue();
  }

  private static List<String> csvLines(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      Path csv = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
      return Files.readAllLines(csv);
    }
  }

  /** The runs of a job's rows, in run order, as the local sweep reports them without timings. */
  private static List<RunResult> runs(List<Row> rows) {
    List<RunResult> runs = new ArrayList<>();
    for (Row row : rows) {
      List<String> funded = row.getList(row.fieldIndex("funded_option_ids"));
      runs.add(
          new RunResult(
              row.getAs("run"),
              row.getAs("status"),
              row.getAs("risk_reduced"),
              row.getAs("total_weight_at_stake"),
              row.getAs("relative_gap"),
              funded,
              0.0,
              row.getAs("message")));
    }
    runs.sort(java.util.Comparator.comparingInt(RunResult::runIndex));
    return runs;
  }
}
