package org.scplan.optimizer.progress;

/**
 * Receives progress events during a solve. Called from a solver thread: implementations must be
 * quick and thread-safe, and must not call back into the allocator.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores every event. */
  ProgressListener NONE = event -> {};

  void onProgress(ProgressEvent event);
}
