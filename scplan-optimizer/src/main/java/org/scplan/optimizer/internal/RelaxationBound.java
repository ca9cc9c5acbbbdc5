package org.scplan.optimizer.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.scplan.internal.AllocationInstance;
import org.scplan.internal.LagrangianBound;
import org.scplan.optimizer.ProgressEvent;
import org.scplan.optimizer.ProgressListener;

/**
 * The Lagrangian bound of {@link LagrangianBound}, computed on its own thread while CP-SAT solves,
 * for models large enough that CP-SAT's own bound is weak within the time limit. Deterministic: it
 * runs its fixed number of iterations unless the solve's wall-clock deadline passes first (a
 * deterministic-limit solve always waits for all of them) or CP-SAT proves optimality, which makes
 * it moot.
 */
public final class RelaxationBound {
  /** Below this many candidates CP-SAT's bound is already the stronger one (docs/MODEL.md §6). */
  public static final int MINIMUM_CANDIDATES = 5_000;

  /** Subgradient iterations: about 0.7 s on 17,000 candidates (docs/BENCHMARKS.md). */
  public static final int ITERATIONS = 300;

  private final CompletableFuture<Double> result;
  private final AtomicBoolean moot = new AtomicBoolean();
  private final AtomicReference<Double> known = new AtomicReference<>();

  private RelaxationBound(
      AllocationInstance instance, double lowerBound, long deadlineNanos, boolean deterministic) {
    result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                double bound =
                    LagrangianBound.compute(
                        instance,
                        lowerBound,
                        ITERATIONS,
                        () ->
                            moot.get()
                                || (!deterministic && System.nanoTime() - deadlineNanos > 0));
                known.set(bound);
                result.complete(bound);
              } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
              }
            },
            "scplan-lagrangian-bound");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Starts the bound for {@code instance} if it is large enough (else returns null). {@code
   * lowerBound} is the objective of a known plan (points).
   */
  public static RelaxationBound startIfLarge(
      AllocationInstance instance, double lowerBound, long deadlineNanos, boolean deterministic) {
    if (LagrangianBound.candidateCount(instance) < MINIMUM_CANDIDATES) {
      return null;
    }
    return new RelaxationBound(instance, lowerBound, deadlineNanos, deterministic);
  }

  /** Tells the computation that its result is not needed (CP-SAT proved its own plan optimal). */
  public void markMoot() {
    moot.set(true);
  }

  /** The bound (points), waiting for the computation to stop. */
  public double await() {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Lagrangian bound", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The Lagrangian bound failed", e.getCause());
    }
  }

  /**
   * A listener that passes CP-SAT's events on to {@code listener} with the bound lowered to this
   * one once it is known.
   */
  public ProgressListener tighten(ProgressListener listener) {
    return event -> {
      Double relaxation = known.get();
      if (relaxation == null || (event.bestBound() != null && event.bestBound() <= relaxation)) {
        listener.onProgress(event);
        return;
      }
      listener.onProgress(
          new ProgressEvent(
              event.elapsedSeconds(),
              event.objective(),
              relaxation,
              CpSatSolve.gap(event.objective(), relaxation),
              event.newSolution()));
    };
  }
}
