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
 * @param maxMemory memory the solve may use beyond what holds the scenario, in bytes, at least
 *     {@link #MIN_MAX_MEMORY}, or {@code null} for no budget (default). The allocator keeps its
 *     estimate of the search's memory within it by running fewer workers or skipping the
 *     relaxation, and says so in the plan's notes (docs/MODEL.md §6). An estimate, not a hard
 *     limit: the JVM's heap is bounded by {@code -Xmx}, not by this.
 */
public record AllocatorConfig(
    Duration timeLimit,
    int workers,
    long seed,
    double relativeGapLimit,
    Double deterministicTimeLimit,
    Long maxMemory) {

  /** Most solver worker threads accepted. */
  public static final int MAX_WORKERS = 64;

  /** Smallest memory budget accepted, in bytes (64 MiB): below it no solve of any size fits. */
  public static final long MIN_MAX_MEMORY = 64L * 1024 * 1024;

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
    if (maxMemory != null && maxMemory < MIN_MAX_MEMORY) {
      throw new IllegalArgumentException(
          "AllocatorConfig.maxMemory must be at least "
              + MIN_MAX_MEMORY
              + " bytes (64 MiB), or null, but was "
              + maxMemory
              + ". Maybe use 1024L * 1024 * 1024 for 1 GiB.");
    }
  }

  /**
   * The defaults: 10 s, all processors up to 8, seed 0, no gap limit, no deterministic limit, no
   * memory budget.
   */
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
        .deterministicTimeLimit(deterministicTimeLimit)
        .maxMemory(maxMemory);
  }

  /** Builds an {@link AllocatorConfig}; validated at {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private Duration timeLimit = Duration.ofSeconds(10);
    private int workers = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private long seed;
    private double relativeGapLimit;
    private Double deterministicTimeLimit;
    private Long maxMemory;

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

    /** Memory budget of the solve in bytes, or {@code null} for none. */
    public Builder maxMemory(Long maxMemory) {
      this.maxMemory = maxMemory;
      return this;
    }

    public AllocatorConfig build() {
      return new AllocatorConfig(
          timeLimit, workers, seed, relativeGapLimit, deterministicTimeLimit, maxMemory);
    }
  }
}
