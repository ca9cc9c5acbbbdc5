package org.scplan.optimizer.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.scplan.engine.AllocationInstance;
import org.scplan.time.Deadline;

/**
 * A CP-SAT model under construction on a thread of its own. On large models the Lagrangian
 * relaxation runs before CP-SAT, on one core; building the model (and loading OR-Tools' natives, on
 * the first solve of a JVM) on the other core meanwhile takes that work off the solve's time limit;
 * on any model, the wait for it answers to the solve's deadline. The model is the same whichever
 * thread builds it.
 */
public final class ModelBuild {
  /** How long one wait for the build lasts before the deadline is asked again, in ms. */
  private static final long WAIT_MILLISECONDS = 20;

  private final FutureTask<CpSatModel> task;

  private ModelBuild(FutureTask<CpSatModel> task) {
    this.task = task;
  }

  /**
   * Starts building the model for {@code instance} on a new daemon thread, within {@code deadline}
   * ({@link #model(Deadline)} is then null).
   */
  public static ModelBuild inBackground(AllocationInstance instance, Deadline deadline) {
    return started(
        new FutureTask<>(
            () -> {
              NativeLibraries.ensureLoaded();
              try {
                return new CpSatModel(instance, deadline);
              } catch (Deadline.Exceeded e) {
                return null;
              }
            }));
  }

  /**
   * Starts loading OR-Tools' natives alone, for a solve that needs no whole model (its searches
   * build models of their own): {@link #model(Deadline)} waits for the load and is null, and {@link
   * #finished()} then says whether the natives are loaded.
   */
  public static ModelBuild nativesInBackground() {
    return started(
        new FutureTask<>(
            () -> {
              NativeLibraries.ensureLoaded();
              return null;
            }));
  }

  private static ModelBuild started(FutureTask<CpSatModel> task) {
    Thread thread = new Thread(task, "scplan-model-build");
    thread.setDaemon(true);
    thread.start();
    return new ModelBuild(task);
  }

  /**
   * Whether the build has ended (natives loaded, and the model built or its deadline passed); after
   * {@link #model(Deadline)} returned, false means that wait's deadline expired first.
   */
  public boolean finished() {
    return task.isDone();
  }

  /**
   * The model, once built, or null if the build's deadline expired first, or {@code deadline}
   * expires while waiting (loading OR-Tools' natives, which the build starts with, takes seconds on
   * a loaded machine and cannot be cut short: the build then goes on unused); throws what the build
   * threw (a {@link org.scplan.optimizer.progress.NativeLibraryException} when OR-Tools cannot
   * load). An interrupt while waiting is kept for the caller and the wait goes on, as the solve
   * needs the model.
   */
  public CpSatModel model(Deadline deadline) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          // Short waits, so that a cancellation of the deadline is seen too.
          return task.get(WAIT_MILLISECONDS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          if (deadline.expired()) {
            return null;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("The CP-SAT model build failed.", cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
