package org.scplan.optimizer.explain;

import java.time.Duration;
import java.util.Objects;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.settings.SolverSettings;

/**
 * How {@link Explainer} works: the money step of marginal values, how many counterfactuals, the
 * work limit of each re-solve, and the {@link SolverSettings} of every solve (seed, workers,
 * wall-clock safety limit, set once in {@link #allocator()}). With one worker and a deterministic
 * limit, an explanation is reproducible byte for byte whatever the machine's load (as long as the
 * wall-clock safety limit is not what stops a solve). Immutable; build with {@link #builder()}.
 *
 * @param stepDollars dollars added to one program-FY appropriation to measure its marginal value,
 *     &gt; 0 (default $1,000,000)
 * @param counterfactuals how many unfunded options (most valuable first) to force in, ≥ 0 (default
 *     20)
 * @param marginalValues whether to measure marginal values of money (default true)
 * @param deterministicTimeLimit CP-SAT deterministic time per re-solve, &gt; 0 (default 1.0,
 *     roughly a second of one fast core)
 * @param allocator how to find the plan when {@link
 *     Explainer#explain(org.scplan.scenario.Scenario)} is given no plan, and the seed, workers and
 *     wall-clock safety limit of every re-solve (default: 1 worker, seed 0, deterministic limit
 *     5.0, 120 s safety limit)
 */
public record ExplainerConfig(
    long stepDollars,
    int counterfactuals,
    boolean marginalValues,
    double deterministicTimeLimit,
    AllocatorConfig allocator) {

  public ExplainerConfig {
    if (stepDollars <= 0) {
      throw new IllegalArgumentException(
          "ExplainerConfig.stepDollars must be > 0, but was "
              + stepDollars
              + ". Maybe use 1_000_000 ($1M).");
    }
    if (counterfactuals < 0) {
      throw new IllegalArgumentException(
          "ExplainerConfig.counterfactuals must be >= 0, but was " + counterfactuals + ".");
    }
    if (!(deterministicTimeLimit > 0 && Double.isFinite(deterministicTimeLimit))) {
      throw new IllegalArgumentException(
          "ExplainerConfig.deterministicTimeLimit must be > 0 and finite, but was "
              + deterministicTimeLimit
              + ".");
    }
    Objects.requireNonNull(allocator, "ExplainerConfig.allocator is required but was null");
  }

  /** The defaults. */
  public static ExplainerConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this config. */
  public Builder toBuilder() {
    return new Builder()
        .stepDollars(stepDollars)
        .counterfactuals(counterfactuals)
        .marginalValues(marginalValues)
        .deterministicTimeLimit(deterministicTimeLimit)
        .allocator(allocator);
  }

  /**
   * The settings of each re-solve: the {@link #allocator()}'s, with {@link
   * #deterministicTimeLimit()} as the work limit.
   */
  public SolverSettings resolveSettings() {
    return allocator.solver().toBuilder().deterministicTimeLimit(deterministicTimeLimit).build();
  }

  /** Builds an {@link ExplainerConfig}; validated at {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private long stepDollars = 1_000_000L;
    private int counterfactuals = 20;
    private boolean marginalValues = true;
    private double deterministicTimeLimit = 1.0;
    private AllocatorConfig allocator =
        AllocatorConfig.builder()
            .workers(1)
            .timeLimit(Duration.ofSeconds(120))
            .deterministicTimeLimit(5.0)
            .build();

    private Builder() {}

    /** Dollars of the marginal-value step. */
    public Builder stepDollars(long stepDollars) {
      this.stepDollars = stepDollars;
      return this;
    }

    /** How many counterfactuals. */
    public Builder counterfactuals(int counterfactuals) {
      this.counterfactuals = counterfactuals;
      return this;
    }

    /** Whether to measure marginal values. */
    public Builder marginalValues(boolean marginalValues) {
      this.marginalValues = marginalValues;
      return this;
    }

    /** Deterministic time per re-solve. */
    public Builder deterministicTimeLimit(double deterministicTimeLimit) {
      this.deterministicTimeLimit = deterministicTimeLimit;
      return this;
    }

    /** How to find the plan when none is given, and the settings every re-solve shares. */
    public Builder allocator(AllocatorConfig allocator) {
      this.allocator = allocator;
      return this;
    }

    /** The solver settings of every solve at once (the allocator's; see {@link #allocator}). */
    public Builder solver(SolverSettings solver) {
      this.allocator = allocator.toBuilder().solver(solver).build();
      return this;
    }

    public ExplainerConfig build() {
      return new ExplainerConfig(
          stepDollars, counterfactuals, marginalValues, deterministicTimeLimit, allocator);
    }
  }
}
