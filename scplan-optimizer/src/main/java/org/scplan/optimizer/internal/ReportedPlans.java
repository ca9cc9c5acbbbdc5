package org.scplan.optimizer.internal;

import org.scplan.optimizer.progress.ProgressEvent;
import org.scplan.optimizer.progress.ProgressListener;

/**
 * The progress listener of one allocation as its caller sees it: the checked plans the allocator
 * has before any search (the greedy baseline's, the relaxation's guided start) are reported as soon
 * as they exist, and the searches' events follow with their objective never below the best plan
 * already reported, since the allocator returns at least that plan. Thread-safe.
 */
public final class ReportedPlans implements ProgressListener {
  private final ProgressListener listener;
  private final long startedNanos;
  private double best = Double.NEGATIVE_INFINITY;

  /**
   * Reports to {@code listener}; the plans of {@link #plan(double)} are timed from {@code
   * startedNanos} ({@link System#nanoTime()} at the call of the allocation).
   */
  public ReportedPlans(ProgressListener listener, long startedNanos) {
    this.listener = listener;
    this.startedNanos = startedNanos;
  }

  /**
   * Reports a checked plan of {@code objective} points (net, as CP-SAT's objective) as a new plan,
   * unless an equal or better one was reported before.
   */
  public synchronized void plan(double objective) {
    if (objective > best) {
      best = objective;
      CpSatSolve.report(
          listener,
          new ProgressEvent((System.nanoTime() - startedNanos) / 1e9, objective, null, null, true));
    }
  }

  /**
   * Passes a search's event on; an objective below the best plan reported is raised to it, and the
   * event then reports no new plan.
   */
  @Override
  public synchronized void onProgress(ProgressEvent event) {
    Double objective = event.objective().isPresent() ? event.objective().getAsDouble() : null;
    if (objective != null && objective > best) {
      best = objective;
      listener.onProgress(event);
      return;
    }
    if (!Double.isFinite(best)) {
      listener.onProgress(event);
      return;
    }
    Double bound = event.bestBound().isPresent() ? event.bestBound().getAsDouble() : null;
    listener.onProgress(
        new ProgressEvent(event.elapsedSeconds(), best, bound, CpSatSolve.gap(best, bound), false));
  }
}
