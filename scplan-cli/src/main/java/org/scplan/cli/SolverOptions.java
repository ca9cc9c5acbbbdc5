package org.scplan.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.ProgressListener;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The solver options every solving command shares ({@code solve}, {@code whatif}, {@code curve}),
 * as a picocli mixin, and the progress printer.
 */
final class SolverOptions {
  /** Wall-clock limit when none is given: 10 s, or a safety net when a deterministic one is. */
  private static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

  private static final Duration SAFETY_NET_TIME_LIMIT = Duration.ofHours(1);

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
      description = "Solver worker threads, 1–64 (default: processors, at most 8).")
  Integer workers;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description = "Solver random seed (default: ${DEFAULT-VALUE}).")
  long seed;

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
              + " with --workers 1 and a fixed --seed, runs are reproducible whatever the machine's load.")
  Double deterministicLimit;

  @Option(names = "--quiet", description = "Do not show solver progress on the terminal.")
  boolean quiet;

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
            .seed(seed)
            .relativeGapLimit(gapLimit)
            .deterministicTimeLimit(deterministicLimit);
    if (workers != null) {
      config.workers(workers);
    }
    try {
      return config.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
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
            event.objective(),
            event.bestBound() == null ? "?" : String.format(Locale.ROOT, "%.2f", event.bestBound()),
            event.relativeGap() == null
                ? "?"
                : String.format(Locale.ROOT, "%.2f%%", 100 * event.relativeGap()));
        err.flush();
      }
    };
  }
}
