package org.scplan.optimizer;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.scplan.optimizer.internal.SolveControl;
import org.scplan.optimizer.progress.NativeLibraryException;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.plan.Plan;

/**
 * A running allocation started by {@link Allocator#allocateAsync(org.scplan.scenario.Scenario,
 * ProgressListener)}: wait for its plan, or cancel it from any thread and get the best plan found
 * so far. Thread-safe.
 */
public final class AllocationHandle {
  private final CompletableFuture<Plan> plan;
  private final SolveControl control;

  AllocationHandle(CompletableFuture<Plan> plan, SolveControl control) {
    this.plan = plan;
    this.control = control;
  }

  /**
   * Stops the search as soon as possible (within about 0.05 s plus the solver's reaction); {@link
   * #join()} then returns the best plan found so far, with status FEASIBLE, or OPTIMAL if the
   * solver had already proven it. Idempotent; safe from any thread, including a progress listener.
   */
  public void cancel() {
    control.cancel();
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return control.cancelled();
  }

  /** Whether the plan is ready (or the allocation failed). */
  public boolean isDone() {
    return plan.isDone();
  }

  /**
   * Waits for the plan.
   *
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   * @throws NativeLibraryException if OR-Tools cannot be loaded on this platform
   */
  public Plan join() {
    try {
      return plan.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    } catch (CancellationException e) {
      throw new IllegalStateException("The allocation's future was cancelled directly.", e);
    }
  }

  /** The plan as a future, for composition; completes exceptionally as {@link #join()} throws. */
  public CompletableFuture<Plan> plan() {
    return plan.copy();
  }
}
