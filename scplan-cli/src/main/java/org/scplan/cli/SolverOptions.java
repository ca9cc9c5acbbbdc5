package org.scplan.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.optimizer.whatif.ComparisonLimits;
import org.scplan.scenario.Scenario;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The solver options every solving command shares ({@code solve}, {@code whatif}, {@code curve},
 * {@code sweep}, {@code explain}), as a picocli mixin: they become the one {@link
 * org.scplan.optimizer.settings.SolverSettings} value of the command's solves. Also the progress
 * printer.
 */
final class SolverOptions {
  /** Wall-clock limit when none is given: 10 s, or a safety net when a deterministic one is. */
  private static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

  private static final Duration SAFETY_NET_TIME_LIMIT = ComparisonLimits.SAFETY_NET;

  /**
   * Deterministic limit per solve of a comparison ({@code whatif}, {@code curve}, {@code sweep},
   * the first solve of {@code explain}) when no limit is given, in CP-SAT deterministic time units
   * ({@link ComparisonLimits}, shared with the Spark grid jobs): the same work on a loaded laptop
   * and a quiet server, so both print the same comparison (docs/MODEL.md §8, comparisons).
   */
  static final double COMPARISON_DETERMINISTIC_LIMIT = ComparisonLimits.DEFAULT_DETERMINISTIC_LIMIT;

  @Option(
      names = "--time-limit",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Solver wall-clock time limit per solve, e.g. 10s, 500ms, 2m (default: 10s; with"
              + " --deterministic-limit, 1h, so that the deterministic limit decides where a solve"
              + " stops however loaded the machine is).")
  Duration timeLimit;

  @Option(
      names = "--workers",
      paramLabel = "N",
      converter = OptionValues.Workers.class,
      description =
          "Solver worker threads per solve, 1–64 (default: processors, at most 8; 1 for whatif"
              + " and curve with neither limit given, and for every run of sweep and solve of"
              + " explain).")
  Integer workers;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Solver random seed (default: 0; sweep: 1, where it also seeds the samples: run i's"
              + " sample depends on (seed, i) only).")
  Long seed;

  @Option(
      names = "--gap-limit",
      paramLabel = "FRACTION",
      converter = OptionValues.Fraction.class,
      defaultValue = "0",
      description =
          "Stop once the relative gap is at most this, e.g. 0.01 (default: ${DEFAULT-VALUE}, prove optimality).")
  double gapLimit;

  @Option(
      names = "--deterministic-limit",
      paramLabel = "UNITS",
      converter = OptionValues.PositiveUnits.class,
      description =
          "Stop after this much CP-SAT deterministic time (load-independent work units, roughly seconds);"
              + " with --workers 1 and a fixed --seed, runs are reproducible whatever the machine's load."
              + " whatif, curve, sweep and explain use 5 with one worker when neither limit is"
              + " given.")
  Double deterministicLimit;

  @Option(
      names = "--max-memory",
      paramLabel = "SIZE",
      converter = OptionValues.MemorySize.class,
      description =
          "Memory budget per solve, e.g. 1g or 768m: the solver runs fewer workers or a leaner"
              + " search where its estimate exceeds it, and says so in the plan's notes. The JVM's"
              + " heap is set apart: the command keeps it near 384 MiB; java -Xmx384m -jar"
              + " scplan.jar bounds it hard (docs/BENCHMARKS.md, memory).")
  Long maxMemory;

  @Option(names = "--quiet", description = "Do not show solver progress on the terminal.")
  boolean quiet;

  /**
   * Time per option kept back from the solve for what follows it within the limit (assembling and
   * checking the plan, writing it), in nanoseconds: see {@link #finishingReserve}.
   */
  private static final long FINISHING_NANOS_PER_OPTION = 100_000;

  /**
   * Time kept back whatever the size, in nanoseconds: the first plan written in a JVM loads the
   * classes of the check, the JSON writer and the summary.
   */
  private static final long FINISHING_BASE_NANOS = 250_000_000;

  /** The largest share of the limit kept back for finishing (0–1). */
  private static final double FINISHING_SHARE = 0.5;

  /**
   * How much of the time limit to keep back for the work after the solve (assembling and checking
   * the plan, writing it, printing the summary), so that the command as a whole returns within its
   * limit: 0.25 s and {@value #FINISHING_NANOS_PER_OPTION} ns per option, at most half the limit
   * (measured in docs/BENCHMARKS.md, deadline round).
   */
  static Duration finishingReserve(Scenario scenario, AllocatorConfig config) {
    long reserve = FINISHING_BASE_NANOS + FINISHING_NANOS_PER_OPTION * scenario.options().size();
    return Duration.ofNanos(
        Math.min(reserve, (long) (FINISHING_SHARE * config.timeLimit().toNanos())));
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /**
   * The allocator configuration these options describe.
   *
   * @throws ParameterException for a combination the allocator refuses
   */
  AllocatorConfig config() {
    AllocatorConfig.Builder config =
        AllocatorConfig.builder()
            .timeLimit(
                timeLimit != null
                    ? timeLimit
                    : deterministicLimit != null ? SAFETY_NET_TIME_LIMIT : DEFAULT_TIME_LIMIT)
            .seed(seed == null ? 0 : seed)
            .relativeGapLimit(gapLimit)
            .deterministicTimeLimit(deterministicLimit)
            .maxMemory(maxMemory);
    if (workers != null) {
      config.workers(workers);
    }
    try {
      return config.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
  }

  /**
   * The configuration of one solve of a comparison: as {@link #config()}, but with neither limit
   * given, {@link #COMPARISON_DETERMINISTIC_LIMIT} with the wall-clock safety net, and one worker
   * unless {@code --workers} says otherwise, so that the comparison does not depend on the load.
   */
  AllocatorConfig comparisonConfig() {
    if (timeLimit != null || deterministicLimit != null) {
      return config();
    }
    ComparisonLimits limits = ComparisonLimits.of(null, null);
    return AllocatorConfig.builder()
        .timeLimit(limits.timeLimit())
        .seed(seed == null ? 0 : seed)
        .relativeGapLimit(gapLimit)
        .deterministicTimeLimit(limits.deterministicTimeLimit())
        .maxMemory(maxMemory)
        .workers(workers == null ? 1 : workers)
        .build();
  }

  /**
   * The configuration of each of many solves side by side or in a row ({@code sweep}'s runs on a
   * pool of threads, {@code explain}'s solves): as {@link #comparisonConfig()}, but one worker
   * unless {@code --workers} says otherwise whatever limit is given, and {@code defaultSeed} when
   * {@code --seed} is not given.
   */
  AllocatorConfig oneWorkerConfig(long defaultSeed) {
    AllocatorConfig.Builder config =
        comparisonConfig().toBuilder()
            .workers(workers == null ? 1 : workers)
            .seed(seed == null ? defaultSeed : seed);
    try {
      return config.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
  }

  /**
   * Which limit {@code config} solves under, in words, e.g. "deterministic limit 5.0 units per
   * solve, 1 worker, seed 0: the same answer under any load".
   */
  static String describeLimit(AllocatorConfig config) {
    String workers = config.workers() == 1 ? "1 worker" : config.workers() + " workers";
    if (config.deterministicTimeLimit() == null) {
      return String.format(
          Locale.ROOT,
          "wall-clock limit %s per solve, %s, seed %d: depends on the machine's load;"
              + " --deterministic-limit makes it reproducible",
          seconds(config.timeLimit()),
          workers,
          config.seed());
    }
    return String.format(
        Locale.ROOT,
        "deterministic limit %s units per solve (wall-clock safety net %s), %s, seed %d%s",
        config.deterministicTimeLimit(),
        seconds(config.timeLimit()),
        workers,
        config.seed(),
        config.workers() == 1 ? ": the same answer under any load" : "");
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1_000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }

  /** Prints each new solution to {@code err}, or nothing with {@code --quiet}. */
  ProgressListener progress(PrintWriter err) {
    if (quiet) {
      return ProgressListener.NONE;
    }
    return event -> {
      if (event.newSolution()) {
        err.printf(
            Locale.ROOT,
            "  %6.2fs  plan %.2f points  bound %s  gap %s%n",
            event.elapsedSeconds(),
            event.objective().orElse(Double.NaN),
            event.bestBound().isEmpty()
                ? "?"
                : String.format(Locale.ROOT, "%.2f", event.bestBound().getAsDouble()),
            event.relativeGap().isEmpty()
                ? "?"
                : String.format(Locale.ROOT, "%.2f%%", 100 * event.relativeGap().getAsDouble()));
        err.flush();
      }
    };
  }
}
