package org.scplan.optimizer;

import java.time.Duration;
import java.util.Objects;
import org.scplan.optimizer.settings.SolverSettings;

/**
 * How the allocator searches: its {@link SolverSettings} (time limit, deterministic limit, solver
 * worker threads, random seed, relative gap at which to stop), the same value every other entry
 * point (explainer, what-if, budget curve, sweep) takes. Immutable; build with {@link #builder()}.
 *
 * <p>Determinism: see {@link SolverSettings}. The accessors {@link #timeLimit()}, {@link
 * #workers()}, {@link #seed()}, {@link #relativeGapLimit()} and {@link #deterministicTimeLimit()}
 * read the settings.
 *
 * @param solver how each CP-SAT solve searches (default {@link SolverSettings#defaults()})
 * @param maxMemory memory the solve may use beyond what holds the scenario, in bytes, at least
 *     {@link #MIN_MAX_MEMORY}, or {@code null} for no budget (default). The allocator keeps its
 *     estimate of the search's memory within it by running fewer workers or skipping the
 *     relaxation, and says so in the plan's notes (docs/MODEL.md §6). An estimate, not a hard
 *     limit: the JVM's heap is bounded by {@code -Xmx}, not by this.
 */
public record AllocatorConfig(SolverSettings solver, Long maxMemory) {

  /** Smallest memory budget accepted, in bytes (64 MiB): below it no solve of any size fits. */
  public static final long MIN_MAX_MEMORY = 64L * 1024 * 1024;

  public AllocatorConfig {
    Objects.requireNonNull(solver, "AllocatorConfig.solver is required but was null");
    if (maxMemory != null && maxMemory < MIN_MAX_MEMORY) {
      throw new IllegalArgumentException(
          "AllocatorConfig.maxMemory must be at least "
              + MIN_MAX_MEMORY
              + " bytes (64 MiB), or null, but was "
              + maxMemory
              + ". Maybe use 1024L * 1024 * 1024 for 1 GiB.");
    }
  }

  /** The settings with no memory budget. */
  public AllocatorConfig(SolverSettings solver) {
    this(solver, null);
  }

  /** The defaults: {@link SolverSettings#defaults()}. */
  public static AllocatorConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this config. */
  public Builder toBuilder() {
    return new Builder().solver(solver).maxMemory(maxMemory);
  }

  /** Wall-clock limit of the solve, from {@link #solver()}. */
  public Duration timeLimit() {
    return solver.timeLimit();
  }

  /** Solver worker threads, from {@link #solver()}. */
  public int workers() {
    return solver.workers();
  }

  /** Random seed of the solver, from {@link #solver()}. */
  public long seed() {
    return solver.seed();
  }

  /** Relative gap (0–1) at which to stop, from {@link #solver()}. */
  public double relativeGapLimit() {
    return solver.relativeGapLimit();
  }

  /** CP-SAT deterministic time limit or {@code null}, from {@link #solver()}. */
  public Double deterministicTimeLimit() {
    return solver.deterministicTimeLimit();
  }

  /**
   * Builds an {@link AllocatorConfig}; validated at {@link #build()}. The setters of single
   * settings edit the {@link SolverSettings} being built. Not thread-safe.
   */
  public static final class Builder {
    private SolverSettings.Builder solver = SolverSettings.builder();
    private Long maxMemory;

    private Builder() {}

    /** All solver settings at once, replacing any set before. */
    public Builder solver(SolverSettings solver) {
      this.solver = Objects.requireNonNull(solver, "AllocatorConfig.solver").toBuilder();
      return this;
    }

    /** See {@link SolverSettings#timeLimit()}. */
    public Builder timeLimit(Duration timeLimit) {
      solver.timeLimit(timeLimit);
      return this;
    }

    /** See {@link SolverSettings#workers()}. */
    public Builder workers(int workers) {
      solver.workers(workers);
      return this;
    }

    /** See {@link SolverSettings#seed()}. */
    public Builder seed(long seed) {
      solver.seed(seed);
      return this;
    }

    /** See {@link SolverSettings#relativeGapLimit()}. */
    public Builder relativeGapLimit(double relativeGapLimit) {
      solver.relativeGapLimit(relativeGapLimit);
      return this;
    }

    /** See {@link SolverSettings#deterministicTimeLimit()}; {@code null} for none. */
    public Builder deterministicTimeLimit(Double deterministicTimeLimit) {
      solver.deterministicTimeLimit(deterministicTimeLimit);
      return this;
    }

    /** Memory budget of the solve in bytes, or {@code null} for none. */
    public Builder maxMemory(Long maxMemory) {
      this.maxMemory = maxMemory;
      return this;
    }

    /**
     * The config.
     *
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public AllocatorConfig build() {
      return new AllocatorConfig(solver.build(), maxMemory);
    }
  }
}
