package org.scplan.optimizer.explain;

import org.scplan.optimizer.progress.ProgressEvent;

/**
 * Receives an explanation's progress: each stage as it starts, each re-solve as it ends, and the
 * first solve's own progress when the explainer solves first. Called on the explaining thread (the
 * solver's events on a solver thread): implementations must be quick and thread-safe.
 */
@FunctionalInterface
public interface ExplainListener {
  /** A listener that ignores every event. */
  ExplainListener NONE = progress -> {};

  /** A stage started or a re-solve ended. */
  void onProgress(ExplainProgress progress);

  /**
   * Progress of the first solve (stage {@link ExplainProgress.Stage#SOLVING}); ignored by default.
   */
  default void onSolverProgress(ProgressEvent event) {}
}
