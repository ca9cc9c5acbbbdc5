package org.scplan.optimizer.internal;

import com.google.ortools.sat.CpSolver;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scplan.time.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops one CP-SAT solve from outside: after {@link #cancel()} from any thread, once the whole
 * allocation's {@link Deadline} expires, and as a watchdog when the solver runs past its own time
 * limit plus a grace period. While a solve runs, a shared daemon thread checks both every 50 ms and
 * calls {@link CpSolver#stopSearch()}, which is thread-safe; the solver then returns its best
 * solution so far. Only that thread calls into the solver, never a solver callback. It repeats the
 * call until the solve returns, because a stop requested just before the search starts would
 * otherwise be lost ({@code stopSearch} acts on a running search only). Thread-safe.
 */
public final class SolveControl {
  private static final Logger LOG = LoggerFactory.getLogger(SolveControl.class);

  /** How often a pending stop is repeated and the deadline checked, in milliseconds. */
  static final long POLL_MILLISECONDS = 50;

  /** Grace beyond the time limit before the watchdog steps in: this fraction of the limit... */
  static final double GRACE_FRACTION = 0.1;

  /** ...but at least this many seconds. */
  static final double MINIMUM_GRACE_SECONDS = 1.0;

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "scplan-solve-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  /** Guards {@link #RUNNING} and {@link #closed}: the solves of this JVM under way. */
  private static final Object NATIVE = new Object();

  private static final java.util.Set<SolveControl> RUNNING = new java.util.HashSet<>();
  private static boolean closed;

  private volatile boolean cancelled;
  private volatile CpSolver solver;
  private volatile long deadlineNanos;
  private volatile Deadline limit = Deadline.none();
  private final AtomicInteger watchdogStops = new AtomicInteger();
  private ScheduledFuture<?> polling;

  /**
   * Asks the solve to stop within about 50 ms and return its best plan so far; idempotent, and also
   * effective before the solve starts (it then stops at once).
   */
  public void cancel() {
    // Only the flag: the watchdog thread makes the call, so a progress listener may cancel without
    // calling into the solver from inside its own callback.
    cancelled = true;
  }

  /**
   * Bounds every solve under this control by {@code deadline} (the allocation's): CP-SAT gets no
   * more time than is left of it, and is stopped once it expires.
   */
  public void limitTo(Deadline deadline) {
    limit = java.util.Objects.requireNonNull(deadline, "deadline");
  }

  /** Seconds left of the deadline set by {@link #limitTo}; positive infinity without one. */
  double remainingSeconds() {
    return limit.remainingSeconds();
  }

  /** Whether {@link #cancel()} was called. */
  public boolean cancelled() {
    return cancelled;
  }

  /** How often the watchdog had to stop a solve that ran past its time limit and grace. */
  public int watchdogStops() {
    return watchdogStops.get();
  }

  /** The grace the watchdog allows beyond {@code timeLimitSeconds}, in seconds. */
  static double graceSeconds(double timeLimitSeconds) {
    return Math.max(MINIMUM_GRACE_SECONDS, GRACE_FRACTION * timeLimitSeconds);
  }

  /**
   * Registers a solve about to start under this control, or returns false once {@link
   * #stopAllAndAwait} has closed the JVM to new solves (the solve must then not start).
   */
  boolean enter() {
    synchronized (NATIVE) {
      if (closed) {
        return false;
      }
      RUNNING.add(this);
      return true;
    }
  }

  /** Ends what {@link #enter()} began, once the native solve has returned. */
  void leave() {
    synchronized (NATIVE) {
      RUNNING.remove(this);
      NATIVE.notifyAll();
    }
  }

  /**
   * For a process about to exit: refuses every new solve, cancels those under way (each stops
   * through {@link CpSolver#stopSearch()}) and waits up to {@code timeoutNanos} for them to return,
   * so that no native solver thread outlives the JVM. Returns whether none is running.
   */
  public static boolean stopAllAndAwait(long timeoutNanos) {
    long end = System.nanoTime() + timeoutNanos;
    synchronized (NATIVE) {
      closed = true;
      RUNNING.forEach(SolveControl::cancel);
      while (!RUNNING.isEmpty()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          NATIVE.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return RUNNING.isEmpty();
        }
      }
      return true;
    }
  }

  /** Called by {@link CpSatSolve} just before {@code solver.solve}. */
  synchronized void started(CpSolver running, double timeLimitSeconds) {
    deadlineNanos =
        System.nanoTime() + (long) ((timeLimitSeconds + graceSeconds(timeLimitSeconds)) * 1e9);
    solver = running;
    polling =
        WATCHDOG.scheduleWithFixedDelay(
            this::poll, POLL_MILLISECONDS, POLL_MILLISECONDS, TimeUnit.MILLISECONDS);
  }

  /** Called by {@link CpSatSolve} once {@code solver.solve} has returned. */
  synchronized void finished() {
    solver = null;
    if (polling != null) {
      polling.cancel(false);
      polling = null;
    }
  }

  private void poll() {
    CpSolver running = solver;
    if (running == null) {
      return;
    }
    if (cancelled || limit.expired()) {
      running.stopSearch();
    } else if (System.nanoTime() - deadlineNanos > 0) {
      if (watchdogStops.getAndIncrement() == 0) {
        LOG.warn("CP-SAT ran past its time limit and grace period; the watchdog stops it.");
      }
      running.stopSearch();
    }
  }
}
