package org.scplan.time;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The time budget of one solve: a point on a nanosecond clock by which every stage (preparation,
 * valuation, greedy, relaxation, model build, CP-SAT, partner rounds) hands back what it has, and a
 * cancellation that ends the budget early. Created once, where the limit is given (the command
 * line's {@code --time-limit}, or the allocator's configured limit), and passed down; a stage asks
 * {@link #expired()} at its checkpoints, or calls {@link #check()} to unwind from deep inside a
 * computation. Immutable and thread-safe; the clock is injectable, so that tests can expire a
 * budget at a chosen checkpoint without waiting.
 *
 * <pre>{@code
 * Deadline deadline = Deadline.after(Duration.ofSeconds(10));
 * Plan plan = allocator.allocate(scenario, ProgressListener.NONE, deadline);
 * }</pre>
 */
public final class Deadline {
  private static final LongSupplier SYSTEM_CLOCK = System::nanoTime;
  private static final BooleanSupplier NEVER = () -> false;

  /** Budgets from about 146 years on are unlimited: no clock difference overflows below that. */
  private static final long UNLIMITED_NANOS = Long.MAX_VALUE / 2;

  private static final Deadline NONE = new Deadline(SYSTEM_CLOCK, 0, UNLIMITED_NANOS, NEVER);

  private final LongSupplier clock;
  private final long startNanos;
  private final long endNanos;
  private final BooleanSupplier cancelled;

  private Deadline(LongSupplier clock, long startNanos, long endNanos, BooleanSupplier cancelled) {
    this.clock = clock;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.cancelled = cancelled;
  }

  /** A budget of {@code limit} from now, on {@link System#nanoTime()}. */
  public static Deadline after(Duration limit) {
    return after(limit, SYSTEM_CLOCK);
  }

  /**
   * A budget of {@code limit} (≥ 0) from now on {@code clock} (nanoseconds, as {@link
   * System#nanoTime()} counts them: only differences matter). Limits from about 146 years on never
   * expire.
   */
  public static Deadline after(Duration limit, LongSupplier clock) {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(clock, "clock");
    if (limit.isNegative()) {
      throw new IllegalArgumentException("A time budget must be ≥ 0, but was " + limit + ".");
    }
    long now = clock.getAsLong();
    if (limit.compareTo(Duration.ofNanos(UNLIMITED_NANOS)) >= 0) {
      return new Deadline(clock, now, now + UNLIMITED_NANOS, NEVER);
    }
    return new Deadline(clock, now, now + limit.toNanos(), NEVER);
  }

  /**
   * A budget of {@code limit} (≥ 0) counted from {@code startNanos}, a past {@link
   * System#nanoTime()} reading (such as the start of the process): what is left of it from now.
   */
  public static Deadline since(long startNanos, Duration limit) {
    Objects.requireNonNull(limit, "limit");
    if (limit.isNegative()) {
      throw new IllegalArgumentException("A time budget must be ≥ 0, but was " + limit + ".");
    }
    if (limit.compareTo(Duration.ofNanos(UNLIMITED_NANOS)) >= 0) {
      return new Deadline(SYSTEM_CLOCK, startNanos, startNanos + UNLIMITED_NANOS, NEVER);
    }
    return new Deadline(SYSTEM_CLOCK, startNanos, startNanos + limit.toNanos(), NEVER);
  }

  /** No budget: never expires (for runs limited by work alone, such as tests and benchmarks). */
  public static Deadline none() {
    return NONE;
  }

  /** A budget that is already spent: every stage stops at its first checkpoint. */
  public static Deadline alreadyExpired() {
    return after(Duration.ZERO);
  }

  /**
   * This budget, also ended as soon as {@code cancel} answers true (asked at every checkpoint; it
   * must be cheap and thread-safe).
   */
  public Deadline orWhen(BooleanSupplier cancel) {
    Objects.requireNonNull(cancel, "cancel");
    BooleanSupplier before = cancelled;
    return new Deadline(
        clock,
        startNanos,
        endNanos,
        before == NEVER ? cancel : () -> before.getAsBoolean() || cancel.getAsBoolean());
  }

  /**
   * This budget, ended no later than {@code limit} (≥ 0) from now: the earlier of the two, on this
   * budget's clock, cancelled with this one.
   */
  public Deadline within(Duration limit) {
    Deadline other = after(limit, clock);
    return other.endNanos - endNanos < 0
        ? new Deadline(clock, other.startNanos, other.endNanos, cancelled)
        : this;
  }

  /**
   * The budget of one stage that may take at most {@code fraction} (0–1) of the whole budget,
   * counted from its start, and never more than is left of it; cancelled with this one.
   */
  public Deadline share(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("A share must lie in [0, 1], but was " + fraction + ".");
    }
    if (unlimited()) {
      return this;
    }
    long end = startNanos + (long) (fraction * (endNanos - startNanos));
    return new Deadline(clock, startNanos, end, cancelled);
  }

  /**
   * This budget ended {@code reserve} (≥ 0) early, for the work that must follow a stage (checking
   * and writing its plan); never before its start.
   */
  public Deadline before(Duration reserve) {
    if (reserve.isNegative()) {
      throw new IllegalArgumentException("A reserve must be ≥ 0, but was " + reserve + ".");
    }
    if (unlimited()) {
      return this;
    }
    long length = endNanos - startNanos;
    long end =
        reserve.compareTo(Duration.ofNanos(length)) >= 0
            ? startNanos
            : endNanos - reserve.toNanos();
    return new Deadline(clock, startNanos, end, cancelled);
  }

  /** Whether the budget is spent or cancelled. */
  public boolean expired() {
    return cancelled.getAsBoolean() || !unlimited() && clock.getAsLong() - endNanos >= 0;
  }

  /** Whether the budget has no time limit (it may still be cancelled). */
  public boolean unlimited() {
    return endNanos - startNanos >= UNLIMITED_NANOS;
  }

  /** Whether the budget was cancelled (rather than spent). */
  public boolean cancelled() {
    return cancelled.getAsBoolean();
  }

  /**
   * Throws {@link Exceeded} if the budget is spent or cancelled: for stages that unwind from deep
   * inside a computation and then return what they had before it.
   */
  public void check() {
    if (expired()) {
      throw new Exceeded();
    }
  }

  /** Seconds left: 0 once spent or cancelled, positive infinity when {@link #unlimited()}. */
  public double remainingSeconds() {
    if (cancelled.getAsBoolean()) {
      return 0;
    }
    if (unlimited()) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.max(0, endNanos - clock.getAsLong()) / 1e9;
  }

  /** Seconds since the budget started, on its clock. */
  public double elapsedSeconds() {
    return (clock.getAsLong() - startNanos) / 1e9;
  }

  /** The whole budget in seconds, from its start; positive infinity when {@link #unlimited()}. */
  public double lengthSeconds() {
    return unlimited() ? Double.POSITIVE_INFINITY : (endNanos - startNanos) / 1e9;
  }

  /**
   * Thrown by {@link #check()} when the budget is spent or cancelled; the stage that called it
   * catches it and returns what it had. Carries no stack trace: it is control flow, not an error.
   */
  public static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded() {
      super("The time limit was reached or the solve was cancelled.", null, false, false);
    }
  }
}
