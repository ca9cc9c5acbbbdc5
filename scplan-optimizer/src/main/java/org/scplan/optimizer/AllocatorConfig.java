package org.scplan.optimizer;

import java.time.Duration;
import java.util.Objects;

/**
 * How the allocator searches: time limit, solver worker threads, random seed and an optional
 * relative gap at which to stop. Immutable; build with {@link #builder()}.
 *
 * <p>Determinism: with {@code workers == 1} and a fixed seed the search is deterministic, so the
 * plan is the same byte for byte (wall times aside) whenever the solve stops for a deterministic
 * reason: optimality, the gap limit, or the {@code deterministicTimeLimit}. A wall-clock time limit
 * depends on the machine's speed and load; set a deterministic limit below it when runs must be
 * reproducible.
 *
 * @param timeLimit wall-clock limit of the solve, &gt; 0 (default 10 s)
 * @param workers solver worker threads, 1–64 (default: the machine's processors, at most 8)
 * @param seed random seed of the solver (default 0)
 * @param relativeGapLimit stop once (bound − objective)/bound ≤ this, 0–1 (default 0: prove
 *     optimality)
 * @param deterministicTimeLimit limit on CP-SAT's deterministic time (work units that do not depend
 *     on machine load, roughly seconds of one fast core), &gt; 0, or {@code null} for none
 */
public record AllocatorConfig(
    Duration timeLimit,
    int workers,
    long seed,
    double relativeGapLimit,
    Double deterministicTimeLimit) {

  /** Most solver worker threads accepted. */
  public static final int MAX_WORKERS = 64;

  public AllocatorConfig {
    Objects.requireNonNull(timeLimit, "AllocatorConfig.timeLimit is required but was null");
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException(
          "AllocatorConfig.timeLimit must be > 0, but was "
              + timeLimit
              + ". Maybe use Duration.ofSeconds(10).");
    }
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException(
          "AllocatorConfig.workers must be in 1.." + MAX_WORKERS + ", but was " + workers + ".");
    }
    if (!(relativeGapLimit >= 0.0 && relativeGapLimit <= 1.0)) {
      throw new IllegalArgumentException(
          "AllocatorConfig.relativeGapLimit must be in 0..1, but was " + relativeGapLimit + ".");
    }
    if (deterministicTimeLimit != null
        && !(deterministicTimeLimit > 0 && Double.isFinite(deterministicTimeLimit))) {
      throw new IllegalArgumentException(
          "AllocatorConfig.deterministicTimeLimit must be > 0 and finite, or null, but was "
              + deterministicTimeLimit
              + ".");
    }
  }

  /** The defaults: 10 s, all processors up to 8, seed 0, no gap limit, no deterministic limit. */
  public static AllocatorConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this config. */
  public Builder toBuilder() {
    return new Builder()
        .timeLimit(timeLimit)
        .workers(workers)
        .seed(seed)
        .relativeGapLimit(relativeGapLimit)
        .deterministicTimeLimit(deterministicTimeLimit);
  }

  /** Builds an {@link AllocatorConfig}; validated at {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private Duration timeLimit = Duration.ofSeconds(10);
    private int workers = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private long seed;
    private double relativeGapLimit;
    private Double deterministicTimeLimit;

    private Builder() {}

    public Builder timeLimit(Duration timeLimit) {
      this.timeLimit = timeLimit;
      return this;
    }

    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder relativeGapLimit(double relativeGapLimit) {
      this.relativeGapLimit = relativeGapLimit;
      return this;
    }

    /** CP-SAT deterministic time limit, or {@code null} for none. */
    public Builder deterministicTimeLimit(Double deterministicTimeLimit) {
      this.deterministicTimeLimit = deterministicTimeLimit;
      return this;
    }

    public AllocatorConfig build() {
      return new AllocatorConfig(
          timeLimit, workers, seed, relativeGapLimit, deterministicTimeLimit);
    }
  }
}
