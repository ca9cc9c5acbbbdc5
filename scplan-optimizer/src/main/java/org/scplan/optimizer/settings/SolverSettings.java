package org.scplan.optimizer.settings;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.scplan.time.Deadline;

/**
 * How every CP-SAT solve of scplan searches: the wall-clock time budget, the deterministic work
 * limit, solver worker threads, the random seed and the relative gap at which to stop. The one
 * value that {@link org.scplan.optimizer.AllocatorConfig}, {@link
 * org.scplan.optimizer.explain.ExplainerConfig}, what-if, budget curve and sweep configurations
 * share, so a user sets seed and limits in one place. Immutable and serializable (a sweep ships it
 * to Spark executors); build with {@link #builder()}.
 *
 * <p>Determinism: with {@code workers == 1} and a fixed seed the search is deterministic, so a
 * solve that stops for a deterministic reason (optimality, the gap limit, the {@code
 * deterministicTimeLimit}) gives the same plan byte for byte (wall times aside). A wall-clock limit
 * depends on the machine's speed and load; set a deterministic limit, with the time limit as a
 * safety net above it, when runs must be reproducible.
 *
 * @param timeLimit wall-clock budget of one solve, &gt; 0 (default 10 s); {@link #deadline()} turns
 *     it into a {@link Deadline}
 * @param workers solver worker threads, 1–64 (default: the machine's processors, at most 8)
 * @param seed random seed of the solver (default 0)
 * @param relativeGapLimit stop once (bound − objective)/bound ≤ this, a 0–1 fraction (default 0:
 *     prove optimality)
 * @param deterministicTimeLimit limit on CP-SAT's deterministic time (work units that do not depend
 *     on machine load, roughly seconds of one fast core), &gt; 0, or {@code null} for none
 */
public record SolverSettings(
    Duration timeLimit,
    int workers,
    long seed,
    double relativeGapLimit,
    Double deterministicTimeLimit)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Most solver worker threads accepted. */
  public static final int MAX_WORKERS = 64;

  public SolverSettings {
    Objects.requireNonNull(timeLimit, "SolverSettings.timeLimit is required but was null");
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException(
          "SolverSettings.timeLimit must be > 0, but was "
              + timeLimit
              + ". Maybe use Duration.ofSeconds(10).");
    }
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException(
          "SolverSettings.workers must be in 1.." + MAX_WORKERS + ", but was " + workers + ".");
    }
    if (!(relativeGapLimit >= 0.0 && relativeGapLimit <= 1.0)) {
      throw new IllegalArgumentException(
          "SolverSettings.relativeGapLimit must be in 0..1, but was " + relativeGapLimit + ".");
    }
    if (deterministicTimeLimit != null
        && !(deterministicTimeLimit > 0 && Double.isFinite(deterministicTimeLimit))) {
      throw new IllegalArgumentException(
          "SolverSettings.deterministicTimeLimit must be > 0 and finite, or null, but was "
              + deterministicTimeLimit
              + ".");
    }
  }

  /** The defaults: 10 s, all processors up to 8, seed 0, no gap limit, no deterministic limit. */
  public static SolverSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with these settings. */
  public Builder toBuilder() {
    return new Builder()
        .timeLimit(timeLimit)
        .workers(workers)
        .seed(seed)
        .relativeGapLimit(relativeGapLimit)
        .deterministicTimeLimit(deterministicTimeLimit);
  }

  /** A deadline {@link #timeLimit()} from now. */
  public Deadline deadline() {
    return Deadline.after(timeLimit);
  }

  /** Builds {@link SolverSettings}; validated at {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private Duration timeLimit = Duration.ofSeconds(10);
    private int workers = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private long seed;
    private double relativeGapLimit;
    private Double deterministicTimeLimit;

    private Builder() {}

    /** Wall-clock budget of one solve. */
    public Builder timeLimit(Duration timeLimit) {
      this.timeLimit = timeLimit;
      return this;
    }

    /** Solver worker threads. */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /** Random seed of the solver. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Relative gap (0–1) at which to stop. */
    public Builder relativeGapLimit(double relativeGapLimit) {
      this.relativeGapLimit = relativeGapLimit;
      return this;
    }

    /** CP-SAT deterministic time limit, or {@code null} for none. */
    public Builder deterministicTimeLimit(Double deterministicTimeLimit) {
      this.deterministicTimeLimit = deterministicTimeLimit;
      return this;
    }

    public SolverSettings build() {
      return new SolverSettings(timeLimit, workers, seed, relativeGapLimit, deterministicTimeLimit);
    }
  }
}
