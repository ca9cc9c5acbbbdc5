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
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.internal.AllocationInstance;
import org.scplan.internal.AtomicFiles;
import org.scplan.internal.Preparation;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.internal.CpSatModel;
import org.scplan.optimizer.internal.NativeLibraries;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The plan-quality harness (not JMH): for each preset × seed × config (time limit, workers) it
 * generates the scenario, times the model build, allocates with a progress listener and records
 * status, objective, best bound, gap, time to the first solution and to a 1 % gap (from the
 * progress events), the greedy value, the optimizer/greedy ratio, the model size and the peak
 * resident memory (VmHWM of {@code /proc/self/status}). Each case runs in its own forked JVM, so
 * the peak memory is the case's own. Prints a ranked table and writes CSV.
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

  @Option(
      names = "--preset",
      split = ",",
      defaultValue = "theater",
      description = "Presets: theater, global, xl (comma-separated or repeated).")
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
   */
  record Result(
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
      double peakRssMiB) {

    double ratio() {
      return greedy > 0 ? riskReduced / greedy : Double.NaN;
    }

    String config() {
      return String.format(Locale.ROOT, "%.0fs/%dw", timeLimit, workers);
    }

    static final String HEADER =
        "preset,seed,time_limit_s,workers,options,generate_s,prepare_s,build_s,status,risk_reduced,objective,"
            + "bound,gap,first_solution_s,to_1pct_gap_s,greedy,optimizer_over_greedy,wall_s,"
            + "boolean_variables,constraints,peak_rss_mib";

    String csv() {
      return String.format(
          Locale.ROOT,
          "%s,%d,%s,%d,%d,%.3f,%.3f,%.3f,%s,%.4f,%.4f,%.4f,%.6f,%.3f,%.3f,%.4f,%.5f,%.3f,%d,%d,%.1f",
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
          peakRssMiB);
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
          Double.parseDouble(f[20]));
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new QualityHarness()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (singleCase != null) {
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
    printRanked(results, out);
    if (this.out != null) {
      StringBuilder csv = new StringBuilder(Result.HEADER).append('\n');
      results.forEach(r -> csv.append(r.csv()).append('\n'));
      AtomicFiles.write(this.out, csv.toString());
    }
    return 0;
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

  /** Runs one case in this JVM. */
  static Result runCase(
      String preset, long seed, double limit, int w, long solverSeed, Double deterministicLimit) {
    NativeLibraries.ensureLoaded();
    long t0 = System.nanoTime();
    Scenario scenario = ScenarioGenerator.generate(GeneratorConfig.preset(preset, seed));
    long t1 = System.nanoTime();
    AllocationInstance instance = Preparation.prepare(scenario);
    long prepared = System.nanoTime();
    CpSatModel model = new CpSatModel(instance);
    long t2 = System.nanoTime();
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
                  if (event.relativeGap() != null && event.relativeGap() <= 0.01) {
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
        (prepared - t1) / 1e9,
        (t2 - t1) / 1e9,
        plan.status().name(),
        plan.riskReduced(),
        orNaN(statistics.objective()),
        orNaN(statistics.bestBound()),
        orNaN(statistics.relativeGap()),
        orNaN(statistics.firstSolutionSeconds()),
        orNaN(toOnePercent.get()),
        orNaN(statistics.greedyRiskReduced()),
        statistics.wallTimeSeconds(),
        model.booleanVariables(),
        model.constraints(),
        peakRssMiB());
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

  private static void printRanked(List<Result> results, PrintStream out) {
    out.println();
    out.println("Ranked by relative gap (best first) within each preset:");
    out.printf(
        Locale.ROOT,
        "%4s %-8s %4s %-10s %-9s %9s %12s %12s %8s %8s %8s %8s %7s %9s%n",
        "rank",
        "preset",
        "seed",
        "config",
        "status",
        "gap %",
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
            "%4d %-8s %4d %-10s %-9s %9.3f %12.2f %12.2f %8.4f %8.2f %8s %8.3f %6.2f%% %9.0f%n",
            rank++,
            r.preset(),
            r.seed(),
            r.config(),
            r.status(),
            100 * r.gap(),
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
