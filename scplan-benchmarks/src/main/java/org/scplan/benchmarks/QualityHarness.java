package org.scplan.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.Preparation;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.json.ScenarioJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.internal.CpSatModel;
import org.scplan.optimizer.internal.NativeLibraries;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.support.AtomicFiles;
import org.scplan.support.HeapGovernor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The plan-quality harness (not JMH): for each preset × seed × config (time limit, workers) it
 * generates the scenario, times the model build, allocates with a progress listener and records
 * status, objective, best bound, gap, time to the first solution and to a 1 % gap (from the
 * progress events), the greedy value, the optimizer/greedy ratio, the model size and the peak
 * resident memory (VmHWM of {@code /proc/self/status}). Each case runs in its own forked JVM, so
 * the peak memory is the case's own. Prints a ranked table and writes CSV. With {@code --best-known
 * FILE} it also keeps the best plan found per scenario across runs ({@link BestKnownPlans}) and
 * measures every case against it.
 *
 * <pre>{@code
 * java -cp scplan-benchmarks/target/scplan-benchmarks.jar org.scplan.benchmarks.QualityHarness \
 *     --preset theater --seeds 1,2,3,4,5 --time-limits 10 --workers 2 --out quality.csv
 * }</pre>
 */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description = "Plan quality and speed per preset x seed x time limit x workers.")
public final class QualityHarness implements Callable<Integer> {
  private static final String RESULT_PREFIX = "QUALITY-RESULT,";

  /** The preset name of the embedded notional theater, which is not generated. */
  static final String EMBEDDED = "embedded";

  @Option(
      names = "--preset",
      split = ",",
      defaultValue = "theater",
      description =
          "Presets: theater, global, xl, or embedded (the embedded notional theater, the same for"
              + " every seed; vary --solver-seed instead) (comma-separated or repeated).")
  List<String> presets;

  @Option(names = "--seeds", split = ",", defaultValue = "1,2,3,4,5", description = "Seeds.")
  List<Long> seeds;

  @Option(
      names = "--time-limits",
      split = ",",
      defaultValue = "10",
      description = "Solver time limits in seconds.")
  List<Double> timeLimits;

  @Option(names = "--workers", split = ",", defaultValue = "2", description = "Solver workers.")
  List<Integer> workers;

  @Option(names = "--solver-seed", defaultValue = "0", description = "CP-SAT random seed.")
  long solverSeed;

  @Option(
      names = "--deterministic-limit",
      description =
          "Also stop at this CP-SAT deterministic time (load-independent work units); with a large"
              + " --time-limits this measures quality independently of the machine's load.")
  Double deterministicLimit;

  @Option(names = "--no-fork", description = "Run every case in this JVM (peak RSS is shared).")
  boolean noFork;

  @Option(names = "--max-heap", defaultValue = "6g", description = "-Xmx of the forked JVMs.")
  String maxHeap;

  @Option(names = "--out", description = "CSV file for the results.")
  Path out;

  @Option(
      names = "--best-known",
      description =
          "CSV of the best plan known per preset and seed (created if missing): each case is also"
              + " measured against the better of it and this run's best, and it is updated with"
              + " this run's better plans.")
  Path bestKnown;

  @Option(
      names = "--no-heap-governor",
      description =
          "Let each forked JVM's heap grow to --max-heap as G1 likes, instead of governing it"
              + " toward 384 MiB as the scplan command does (HeapGovernor).")
  boolean noHeapGovernor;

  @Option(names = "--case", hidden = true, description = "Internal: run one case and print it.")
  String singleCase;

  /**
   * One case's figures. Times in seconds, values in weighted risk points, memory in MiB.
   *
   * @param preset the preset
   * @param seed generator seed
   * @param timeLimit solver time limit, s
   * @param workers solver workers
   * @param options options in the scenario
   * @param generateSeconds seconds to generate the scenario
   * @param prepareSeconds seconds for preparation alone (validation, valuation, flattening)
   * @param buildSeconds seconds for preparation and the CP-SAT model build
   * @param status plan status
   * @param riskReduced the plan's risk reduced
   * @param objective the model objective (net of the lapse penalty), or NaN
   * @param bound best proven bound, or NaN
   * @param gap relative gap, or NaN
   * @param firstSolution seconds to the first solution, or NaN
   * @param toOnePercent seconds until the gap first reached 1 %, or NaN if never
   * @param greedy the greedy baseline's risk reduced
   * @param wallSeconds wall seconds of the whole allocation
   * @param booleanVariables model decision variables
   * @param constraints model constraints
   * @param peakRssMiB peak resident memory of the JVM, MiB
   * @param scenarioDigest the first 16 hex digits of the SHA-256 of the scenario's JSON, which
   *     tells whether a best-known plan is for this very scenario
   */
  public record Result(
      String preset,
      long seed,
      double timeLimit,
      int workers,
      int options,
      double generateSeconds,
      double prepareSeconds,
      double buildSeconds,
      String status,
      double riskReduced,
      double objective,
      double bound,
      double gap,
      double firstSolution,
      double toOnePercent,
      double greedy,
      double wallSeconds,
      int booleanVariables,
      int constraints,
      double peakRssMiB,
      String scenarioDigest) {

    double ratio() {
      return greedy > 0 ? riskReduced / greedy : Double.NaN;
    }

    String config() {
      return String.format(Locale.ROOT, "%.0fs/%dw", timeLimit, workers);
    }

    /** The CSV header of the results file, one column per figure. */
    public static final String HEADER =
        "preset,seed,time_limit_s,workers,options,generate_s,prepare_s,build_s,status,risk_reduced,objective,"
            + "bound,gap,first_solution_s,to_1pct_gap_s,greedy,optimizer_over_greedy,wall_s,"
            + "boolean_variables,constraints,peak_rss_mib,scenario_digest";

    /** The figures as one CSV row under {@link #HEADER}. */
    public String csv() {
      return String.format(
          Locale.ROOT,
          "%s,%d,%s,%d,%d,%.3f,%.3f,%.3f,%s,%.4f,%.4f,%.4f,%.6f,%.3f,%.3f,%.4f,%.5f,%.3f,%d,%d,%.1f,%s",
          preset,
          seed,
          timeLimit,
          workers,
          options,
          generateSeconds,
          prepareSeconds,
          buildSeconds,
          status,
          riskReduced,
          objective,
          bound,
          gap,
          firstSolution,
          toOnePercent,
          greedy,
          ratio(),
          wallSeconds,
          booleanVariables,
          constraints,
          peakRssMiB,
          scenarioDigest);
    }

    static Result parse(String line) {
      String[] f = line.split(",", -1);
      return new Result(
          f[0],
          Long.parseLong(f[1]),
          Double.parseDouble(f[2]),
          Integer.parseInt(f[3]),
          Integer.parseInt(f[4]),
          Double.parseDouble(f[5]),
          Double.parseDouble(f[6]),
          Double.parseDouble(f[7]),
          f[8],
          Double.parseDouble(f[9]),
          Double.parseDouble(f[10]),
          Double.parseDouble(f[11]),
          Double.parseDouble(f[12]),
          Double.parseDouble(f[13]),
          Double.parseDouble(f[14]),
          Double.parseDouble(f[15]),
          Double.parseDouble(f[17]),
          Integer.parseInt(f[18]),
          Integer.parseInt(f[19]),
          Double.parseDouble(f[20]),
          f[21]);
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new QualityHarness()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (singleCase != null) {
      if (!noHeapGovernor) {
        // As the scplan command runs: the heap governed, not grown to -Xmx for garbage.
        HeapGovernor.install(HeapGovernor.PROCESS_SOFT_MAX_BYTES);
      }
      String[] parts = singleCase.split(":");
      Result result =
          runCase(
              parts[0],
              Long.parseLong(parts[1]),
              Double.parseDouble(parts[2]),
              Integer.parseInt(parts[3]),
              solverSeed,
              deterministicLimit);
      System.out.println(RESULT_PREFIX + result.csv());
      return 0;
    }
    PrintStream out = System.out;
    // Bad presets and a malformed best-known file are reported before any case runs, not after
    // the cases before them have taken their time.
    BestKnownPlans known;
    try {
      presets.forEach(QualityHarness::checkPreset);
      known = bestKnown == null ? BestKnownPlans.empty() : BestKnownPlans.read(bestKnown);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    List<Result> results = new ArrayList<>();
    for (String preset : presets) {
      for (double limit : timeLimits) {
        for (int w : workers) {
          for (long seed : seeds) {
            Result result =
                noFork
                    ? runCase(preset, seed, limit, w, solverSeed, deterministicLimit)
                    : fork(preset, seed, limit, w);
            results.add(result);
            out.printf(
                Locale.ROOT,
                "%-8s seed %-3d %-9s %-9s gap %7.3f%%  plan %10.2f  greedy %10.2f  ratio %.4f"
                    + "  first %.2fs  1%% %s  build %.3fs (preparation %.3fs)  RSS %.0f MiB%n",
                preset,
                seed,
                result.config(),
                result.status(),
                100 * result.gap(),
                result.riskReduced(),
                result.greedy(),
                result.ratio(),
                result.firstSolution(),
                Double.isNaN(result.toOnePercent())
                    ? "never"
                    : String.format(Locale.ROOT, "%.2fs", result.toOnePercent()),
                result.buildSeconds(),
                result.prepareSeconds(),
                result.peakRssMiB());
            out.flush();
          }
        }
      }
    }
    // Each case against the best plan known for its scenario, this run's included.
    BestKnownPlans best = known.updatedWith(results, this::describe);
    Map<Result, Double> bestObjective = new java.util.IdentityHashMap<>();
    for (Result r : results) {
      bestObjective.put(
          r,
          best.best(r.preset(), r.seed(), r.scenarioDigest())
              .map(BestKnownPlans.Entry::objective)
              .orElse(Double.NaN));
    }
    printRanked(results, bestObjective, out);
    if (this.out != null) {
      StringBuilder csv =
          new StringBuilder(Result.HEADER).append(",best_known_objective,short_of_best_known\n");
      for (Result r : results) {
        double bestKnownObjective = bestObjective.get(r);
        csv.append(r.csv())
            .append(
                String.format(
                    Locale.ROOT,
                    ",%.4f,%.6f",
                    bestKnownObjective,
                    BestKnownPlans.shortfall(r.objective(), bestKnownObjective)))
            .append('\n');
      }
      AtomicFiles.write(this.out, csv.toString());
    }
    if (bestKnown != null) {
      best.write(bestKnown);
      out.println("Best-known plans written to " + bestKnown);
    }
    return 0;
  }

  /** Where a case's plan came from, for the best-known file's source column. */
  private String describe(Result result) {
    return String.format(
        Locale.ROOT,
        "quality harness %s, solver seed %d%s, %s",
        result.config(),
        solverSeed,
        deterministicLimit == null
            ? ""
            : String.format(Locale.ROOT, ", deterministic limit %s", deterministicLimit),
        java.time.LocalDate.now(java.time.ZoneOffset.UTC));
  }

  private Result fork(String preset, long seed, double limit, int w)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            java,
            "-Xmx" + maxHeap,
            "-cp",
            System.getProperty("java.class.path"),
            QualityHarness.class.getName(),
            "--solver-seed",
            Long.toString(solverSeed),
            "--case",
            preset + ":" + seed + ":" + limit + ":" + w));
    if (deterministicLimit != null) {
      command.add("--deterministic-limit");
      command.add(deterministicLimit.toString());
    }
    if (noHeapGovernor) {
      command.add("--no-heap-governor");
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String resultLine = null;
    List<String> output = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith(RESULT_PREFIX)) {
          resultLine = line.substring(RESULT_PREFIX.length());
        } else {
          output.add(line);
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || resultLine == null) {
      throw new IllegalStateException(
          "case " + preset + " seed " + seed + " failed (exit " + exit + "): " + output);
    }
    return Result.parse(resultLine);
  }

  /**
   * Runs one case in this JVM (the Spark benchmark grid's per-cell function too): generates the
   * scenario, builds the model and allocates it.
   *
   * @param preset a generator preset or {@value #EMBEDDED}
   * @param seed generator seed
   * @param limit wall-clock limit, seconds
   * @param w solver workers
   * @param solverSeed CP-SAT random seed
   * @param deterministicLimit CP-SAT deterministic time limit, or {@code null}
   */
  public static Result runCase(
      String preset, long seed, double limit, int w, long solverSeed, Double deterministicLimit) {
    NativeLibraries.ensureLoaded();
    long t0 = System.nanoTime();
    Scenario scenario = scenario(preset, seed);
    long t1 = System.nanoTime();
    ModelSize size = ModelSize.of(scenario);
    AtomicReference<Double> toOnePercent = new AtomicReference<>();
    Plan plan =
        Allocator.create(
                AllocatorConfig.builder()
                    .timeLimit(Duration.ofMillis(Math.round(limit * 1000)))
                    .workers(w)
                    .seed(solverSeed)
                    .deterministicTimeLimit(deterministicLimit)
                    .build())
            .allocate(
                scenario,
                event -> {
                  if (event.relativeGap().isPresent()
                      && event.relativeGap().getAsDouble() <= 0.01) {
                    toOnePercent.compareAndSet(null, event.elapsedSeconds());
                  }
                });
    var statistics = plan.solver();
    return new Result(
        preset,
        seed,
        limit,
        w,
        scenario.options().size(),
        (t1 - t0) / 1e9,
        size.prepareSeconds(),
        size.buildSeconds(),
        plan.status().name(),
        plan.riskReduced(),
        orNaN(statistics.objective()),
        orNaN(statistics.bestBound()),
        orNaN(statistics.relativeGap()),
        orNaN(statistics.firstSolutionSeconds()),
        orNaN(toOnePercent.get()),
        orNaN(statistics.greedyRiskReduced()),
        statistics.wallTimeSeconds(),
        size.booleans(),
        size.constraints(),
        peakRssMiB(),
        digest(scenario));
  }

  /**
   * The preparation's time and that of the preparation and the model build together (seconds), and
   * the model's size, measured apart from the allocation: the model is not kept through it, so that
   * the case's peak RSS is the solve's.
   */
  private record ModelSize(
      double prepareSeconds, double buildSeconds, int booleans, int constraints) {
    static ModelSize of(Scenario scenario) {
      long start = System.nanoTime();
      AllocationInstance instance = Preparation.prepare(scenario);
      long prepared = System.nanoTime();
      CpSatModel model = new CpSatModel(instance);
      long built = System.nanoTime();
      return new ModelSize(
          (prepared - start) / 1e9,
          (built - start) / 1e9,
          model.booleanVariables(),
          model.constraints());
    }
  }

  /**
   * The scenario of a case: the embedded notional theater for {@value #EMBEDDED} (the same whatever
   * the seed), else the generator's preset with that seed.
   */
  static Scenario scenario(String preset, long seed) {
    return EMBEDDED.equals(preset)
        ? NotionalTheater.scenario()
        : ScenarioGenerator.generate(GeneratorConfig.preset(preset, seed));
  }

  /** Throws, naming the presets there are, unless {@code preset} is one. */
  public static void checkPreset(String preset) {
    if (!EMBEDDED.equals(preset)) {
      try {
        GeneratorConfig.preset(preset, 1);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--preset: unknown preset '" + preset + "': use theater, global, xl or " + EMBEDDED, e);
      }
    }
  }

  /**
   * The first 16 hex digits of the SHA-256 of {@code scenario}'s JSON: equal for the same generated
   * scenario, different once the generator makes another from the same preset and seed.
   */
  static String digest(Scenario scenario) {
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(ScenarioJson.write(scenario).getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  /** VmHWM from /proc/self/status in MiB, or NaN where there is no /proc. */
  static double peakRssMiB() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return Double.NaN;
    }
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) / 1024.0;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Double.NaN;
  }

  private static void printRanked(
      List<Result> results, Map<Result, Double> bestObjective, PrintStream out) {
    out.println();
    out.println(
        "Ranked by relative gap (best first) within each preset; vs best: how far the plan falls"
            + " short of the best plan known for its scenario (this run's included):");
    out.printf(
        Locale.ROOT,
        "%4s %-8s %4s %-10s %-9s %9s %9s %12s %12s %8s %8s %8s %8s %7s %9s%n",
        "rank",
        "preset",
        "seed",
        "config",
        "status",
        "gap %",
        "vs best %",
        "plan",
        "greedy",
        "ratio",
        "first s",
        "1% s",
        "build s",
        "build %",
        "RSS MiB");
    Map<String, List<Result>> byPreset = new LinkedHashMap<>();
    results.forEach(r -> byPreset.computeIfAbsent(r.preset(), k -> new ArrayList<>()).add(r));
    for (List<Result> group : byPreset.values()) {
      List<Result> ranked = new ArrayList<>(group);
      ranked.sort(
          Comparator.comparingDouble(r -> Double.isNaN(r.gap()) ? Double.MAX_VALUE : r.gap()));
      int rank = 1;
      for (Result r : ranked) {
        out.printf(
            Locale.ROOT,
            "%4d %-8s %4d %-10s %-9s %9.3f %9.3f %12.2f %12.2f %8.4f %8.2f %8s %8.3f %6.2f%% %9.0f%n",
            rank++,
            r.preset(),
            r.seed(),
            r.config(),
            r.status(),
            100 * r.gap(),
            100 * BestKnownPlans.shortfall(r.objective(), bestObjective.get(r)),
            r.riskReduced(),
            r.greedy(),
            r.ratio(),
            r.firstSolution(),
            Double.isNaN(r.toOnePercent())
                ? "never"
                : String.format(Locale.ROOT, "%.2f", r.toOnePercent()),
            r.buildSeconds(),
            100 * r.buildSeconds() / r.timeLimit(),
            r.peakRssMiB());
      }
    }
  }
}
