package org.scplan.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.scplan.time.Deadline;

/**
 * Ctrl-C (SIGINT) during a solve, handled as a clean stop: a JVM shutdown hook ends the solve's
 * {@link Deadline} (the allocator's watchdog then calls CP-SAT's own {@code stopSearch()}), waits
 * for the solve to return, so that no native solver thread still calls into a JVM that is going
 * away, and then for any output being written to be complete. Outputs are written only while no
 * interruption has begun, so an interrupted solve leaves no file behind; the JVM then exits with
 * 130 (128 + SIGINT), as it does for SIGINT by default.
 */
final class Interruption implements AutoCloseable {
  /**
   * How long the hook waits for the solve to return, in seconds: far above the watchdog's 50 ms and
   * CP-SAT's reaction to a stop, so it only ends a wait for a solve that no longer answers.
   */
  private static final long SOLVE_WAIT_SECONDS = 30;

  private final AtomicBoolean interrupted = new AtomicBoolean();
  private final CountDownLatch solveReturned = new CountDownLatch(1);
  private final ReentrantLock writing = new ReentrantLock();
  private final PrintWriter err;
  private final Thread hook;

  private Interruption(PrintWriter err) {
    this.err = err;
    this.hook = new Thread(this::stop, "scplan-interruption");
  }

  /** Installs the shutdown hook; {@link #close()} removes it. */
  static Interruption install(PrintWriter err) {
    Interruption interruption = new Interruption(err);
    Runtime.getRuntime().addShutdownHook(interruption.hook);
    return interruption;
  }

  /** {@code deadline}, also ended when the process is interrupted. */
  Deadline bound(Deadline deadline) {
    return deadline.orWhen(interrupted::get);
  }

  /** Called once the solve has returned (or thrown): the hook need wait no longer. */
  void solveReturned() {
    solveReturned.countDown();
  }

  /**
   * Starts writing the outputs, or returns false if the process is being interrupted (then nothing
   * may be written). After true, {@link #writingDone()} must follow.
   */
  boolean startWriting() {
    writing.lock();
    if (interrupted.get()) {
      writing.unlock();
      return false;
    }
    return true;
  }

  /** Ends what {@link #startWriting()} began. */
  void writingDone() {
    writing.unlock();
  }

  private void stop() {
    interrupted.set(true);
    if (solveReturned.getCount() > 0) {
      err.println("Interrupted: stopping the solver; no files will be written.");
      err.flush();
    }
    try {
      solveReturned.await(SOLVE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Outputs already being written are finished whole (each is written atomically).
    writing.lock();
    writing.unlock();
  }

  /** Removes the hook once the command is done (unless the JVM is already shutting down). */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it stops the solve itself.
    }
  }
}
