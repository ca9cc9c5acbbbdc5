package org.scplan.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.scplan.optimizer.Allocator;
import org.scplan.time.Deadline;

/**
 * How a solving command ({@code solve}, {@code whatif}, {@code curve}, {@code sweep}, {@code
 * explain}) ends early, cleanly: on Ctrl-C (SIGINT), and ({@code solve}) when its time limit plus
 * the allowance has run out before a plan could be written.
 *
 * <p>Ctrl-C: a JVM shutdown hook ends the solve's {@link Deadline}, stops every CP-SAT solve
 * through CP-SAT's own {@code stopSearch()} and waits for the native solvers to return ({@link
 * Allocator#stopAllSolves}), so that none still calls into a JVM that is going away (which aborted
 * the process natively), then waits for any output being written to be complete. Outputs are
 * written only while no interruption has begun, so an interrupted solve leaves no file behind; the
 * JVM exits with 130 (128 + SIGINT), as it does for SIGINT by default.
 *
 * <p>Time: stages that cannot be cut short on the largest scenarios (reading a 100 MB file,
 * checking and assembling the plan) can outlast the limit. So that the process is gone by the limit
 * plus max(1 s, 10 %), a timer ends the command {@link #EXIT_SECONDS} before that, as the hook
 * does, with "not solved in time" and exit code {@link ScplanCommand#NOT_SOLVED_IN_TIME}, unless an
 * output is being written, which is then finished.
 */
final class Interruption implements AutoCloseable {
  /**
   * How long the hook waits for the native solvers to return, in seconds: far above the 50 ms the
   * watchdog takes to stop one, so it only ends a wait for a solver that no longer answers.
   */
  private static final Duration SOLVE_WAIT = Duration.ofSeconds(30);

  /** The allowance beyond the limit: this fraction of it... */
  static final double ALLOWANCE_FRACTION = 0.1;

  /** ...but at least this, in seconds. */
  static final double MINIMUM_ALLOWANCE_SECONDS = 1.0;

  /**
   * Kept from the allowance for the exit itself (stopping the solver, the JVM's exit), in seconds:
   * on the shared 2-core machine at load 20 the JVM took 0.5–2.7 s to stop (docs/BENCHMARKS.md,
   * deadline round), so with a 1-s allowance the command ends at the limit itself unless its plan
   * is being written by then.
   */
  private static final double EXIT_SECONDS = 1.0;

  private final AtomicBoolean interrupted = new AtomicBoolean();
  private volatile boolean solving;
  private volatile int exitCode = ScplanCommand.INTERRUPTED;

  /** Whether outputs are being written; guarded by {@code this}, with {@link #interrupted}. */
  private boolean writing;

  private final PrintWriter err;
  private final Thread hook;
  private final Thread timer;

  private Interruption(PrintWriter err, Deadline limit, boolean mayExit) {
    this.err = err;
    this.hook = new Thread(this::onSignal, "scplan-interruption");
    if (!mayExit || limit.unlimited()) {
      timer = null;
    } else {
      double allowance =
          Math.max(MINIMUM_ALLOWANCE_SECONDS, ALLOWANCE_FRACTION * limit.lengthSeconds());
      double end = limit.lengthSeconds() + allowance - EXIT_SECONDS;
      timer = new Thread(() -> onTime(limit, end), "scplan-time-allowance");
      timer.setDaemon(true);
    }
  }

  /**
   * Installs the shutdown hook and, if the command {@code mayExit} the process (it is the process's
   * own command line, not embedded), the timer for {@code limit} (the command's whole time limit);
   * {@link #close()} removes both.
   */
  static Interruption install(PrintWriter err, Deadline limit, boolean mayExit) {
    Interruption interruption = new Interruption(err, limit, mayExit);
    Runtime.getRuntime().addShutdownHook(interruption.hook);
    if (interruption.timer != null) {
      interruption.timer.start();
    }
    return interruption;
  }

  /**
   * {@code deadline}, also ended when the command is interrupted; from here on a native solve may
   * run, which an interruption must stop and wait for.
   */
  Deadline bound(Deadline deadline) {
    solving = true;
    return deadline.orWhen(interrupted::get);
  }

  /**
   * Runs a command's {@code solves}, which Ctrl-C stops (each solve stopped then ends without a
   * plan, and no new one starts): their result, or empty when the command was interrupted
   * meanwhile, so that nothing is written from solves cut short.
   */
  <T> Optional<T> solve(Supplier<T> solves) {
    solving = true;
    T result = solves.get();
    return interrupted.get() ? Optional.empty() : Optional.of(result);
  }

  /**
   * Writes and prints a command's outputs with {@code outputs}, returning its exit code, unless the
   * command is being interrupted: then nothing is written and the result is {@link #exitCode()}. An
   * interruption that comes while {@code outputs} runs waits for it to finish.
   */
  int write(IntSupplier outputs) {
    if (!startWriting()) {
      return exitCode;
    }
    try {
      return outputs.getAsInt();
    } finally {
      writingDone();
    }
  }

  /**
   * Installs the shutdown hook alone, for a command of many solves, each under its own limit:
   * Ctrl-C stops them, and nothing is written once it came.
   */
  static Interruption onCtrlC(PrintWriter err) {
    return install(err, Deadline.none(), false);
  }

  /** The exit code once interrupted: 130 after Ctrl-C, the "not solved in time" code else. */
  int exitCode() {
    return exitCode;
  }

  /**
   * Starts writing the outputs, or returns false if the command is being interrupted (then nothing
   * may be written). After true, {@link #writingDone()} must follow.
   */
  private synchronized boolean startWriting() {
    if (interrupted.get()) {
      return false;
    }
    writing = true;
    return true;
  }

  /** Ends what {@link #startWriting()} began. */
  private synchronized void writingDone() {
    writing = false;
    notifyAll();
  }

  /**
   * Ends the time for new outputs: returns whether none is being written (one that is gets
   * finished).
   */
  private synchronized boolean interruptUnlessWriting() {
    interrupted.set(true);
    return !writing;
  }

  /** Waits for an output being written to be complete (each is written atomically). */
  private synchronized void awaitWriting() {
    while (writing) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void onSignal() {
    boolean first = !interrupted.get();
    if (interruptUnlessWriting() && first) {
      err.println("Interrupted: the solver is stopped; no files are written.");
      err.flush();
    }
    if (solving) {
      Allocator.stopAllSolves(SOLVE_WAIT);
    }
    awaitWriting();
  }

  private void onTime(Deadline limit, double endSeconds) {
    try {
      long millis = (long) (1000 * (endSeconds - limit.elapsedSeconds()));
      if (millis > 0) {
        Thread.sleep(millis);
      }
    } catch (InterruptedException e) {
      // close() before the end: the command finished in time.
      return;
    }
    if (interrupted.get()) {
      return;
    }
    exitCode = ScplanCommand.NOT_SOLVED_IN_TIME;
    // No output may start from here; one already under way is finished instead of cut short.
    if (interruptUnlessWriting()) {
      err.printf(
          Locale.ROOT,
          "Not solved in time: the time limit of %.1f s (plus %.1f s allowance) ran out before a"
              + " checked plan could be written; nothing was written. Maybe give a longer"
              + " --time-limit.%n",
          limit.lengthSeconds(),
          endSeconds + EXIT_SECONDS - limit.lengthSeconds());
      err.flush();
      System.exit(ScplanCommand.NOT_SOLVED_IN_TIME);
    }
  }

  /** Removes the hook and stops the timer once the command is done. */
  @Override
  public void close() {
    if (timer != null) {
      timer.interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it stops the solves itself.
    }
  }
}
