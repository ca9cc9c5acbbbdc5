package org.scplan.optimizer.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.scplan.engine.LagrangianBound;
import org.scplan.optimizer.progress.ProgressEvent;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.time.Deadline;

/**
 * The Lagrangian relaxation's subgradient search, carried on beside CP-SAT: it runs on its own
 * thread until it has made {@link #ITERATIONS} steps in all (the guided start makes at most 300
 * before the solve), the solve's deadline passes, or the solve ends, and the bound it reaches is
 * reported while CP-SAT runs and in the plan. Only wall-clock solves continue this way; a
 * deterministic-limit solve reports the bound of the guided start's 300 steps.
 */
public final class RelaxationContinuation {
  /**
   * Subgradient steps the search goes on to (the guided start takes 300): the bound keeps falling
   * well past 300 steps. From 300 to 1,200 steps it fell 0.19 % on {@code theater} seed 1 (0.6 s of
   * one core), 0.36 % on 12 partners seed 1 and 0.42 % on {@code global} seed 1 (6 s), and less
   * than 0.01 % more by 2,400 (docs/BENCHMARKS.md, seventh round).
   */
  public static final int ITERATIONS = 1_200;

  private final AtomicReference<Double> bound;
  private final AtomicBoolean done = new AtomicBoolean();
  private final Thread thread;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  private RelaxationContinuation(
      LagrangianBound.Search search, double initialBound, Deadline deadline) {
    bound = new AtomicReference<>(initialBound);
    thread =
        new Thread(
            () -> {
              try {
                search.run(ITERATIONS, deadline.orWhen(done::get), bound::set);
              } catch (RuntimeException e) {
                failure.set(e);
              }
            },
            "scplan-lagrangian-bound");
    thread.setDaemon(true);
  }

  /**
   * Carries {@code search} on until {@code deadline} expires (a step under way is then dropped), or
   * returns null if it has nothing left to do.
   */
  public static RelaxationContinuation startIfUnfinished(
      LagrangianBound.Search search, Deadline deadline) {
    if (search.converged() || search.iterations() >= ITERATIONS || deadline.expired()) {
      return null;
    }
    RelaxationContinuation continuation =
        new RelaxationContinuation(search, search.bound(), deadline);
    continuation.thread.start();
    return continuation;
  }

  /** The best bound so far (points). */
  public double bound() {
    return bound.get();
  }

  /** Stops the search and returns its best bound (points). */
  public double finish() {
    done.set(true);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("The Lagrangian bound failed", failure.get());
    }
    return bound.get();
  }

  /**
   * A listener that passes CP-SAT's events on to {@code listener} with the bound lowered to {@code
   * relaxationBound} (points, read at each event) whenever that is smaller.
   */
  public static ProgressListener tightened(
      ProgressListener listener, java.util.function.DoubleSupplier relaxationBound) {
    return event -> {
      double relaxation = relaxationBound.getAsDouble();
      if (event.bestBound().isPresent() && event.bestBound().getAsDouble() <= relaxation) {
        listener.onProgress(event);
        return;
      }
      Double objective = event.objective().isPresent() ? event.objective().getAsDouble() : null;
      listener.onProgress(
          new ProgressEvent(
              event.elapsedSeconds(),
              objective,
              relaxation,
              CpSatSolve.gap(objective, relaxation),
              event.newSolution()));
    };
  }
}
