package org.scplan.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.scplan.optimizer.progress.ProgressEvent;
import org.scplan.optimizer.progress.ProgressListener;

/**
 * Solver progress on standard error: incumbent (risk points of the best plan so far), proven bound,
 * relative gap and elapsed seconds.
 *
 * <p>On a terminal it is one live line, redrawn in place (carriage return and erase-line) on every
 * event and four times a second for the clock, and ended with a newline when the solve ends. When
 * standard error is a file or a pipe (CI logs), a carriage return would garble the log, so it
 * prints whole lines instead: at most one a second, and a final line with the end state. Events
 * arrive on solver threads, so every method is synchronized.
 */
final class ProgressLine implements ProgressListener, AutoCloseable {
  private static final long LINE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long TICK_MILLIS = 250;

  private final PrintWriter err;
  private final boolean live;
  private final long started = System.nanoTime();
  private final ScheduledExecutorService clock;
  private Double objective;
  private Double bound;
  private Double gap;
  private int plans;
  private long lastLine = Long.MIN_VALUE;
  private boolean pending;
  private int drawnWidth;

  /**
   * Progress to {@code err}: a live line if {@code live} (standard error is a terminal), else whole
   * lines.
   */
  ProgressLine(PrintWriter err, boolean live) {
    this.err = err;
    this.live = live;
    if (live) {
      clock =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "scplan-progress");
                thread.setDaemon(true);
                return thread;
              });
      clock.scheduleAtFixedRate(this::redraw, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      clock = null;
    }
  }

  @Override
  public synchronized void onProgress(ProgressEvent event) {
    event.objective().ifPresent(value -> objective = value);
    event.bestBound().ifPresent(value -> bound = value);
    event.relativeGap().ifPresent(value -> gap = value);
    if (event.newSolution()) {
      plans++;
    }
    if (live) {
      redraw();
      return;
    }
    pending = true;
    long now = System.nanoTime();
    if (lastLine == Long.MIN_VALUE || now - lastLine >= LINE_INTERVAL_NANOS) {
      lastLine = now;
      pending = false;
      err.println(describe(seconds()));
      err.flush();
    }
  }

  /** Ends the progress display: the final state on its own line. */
  @Override
  public synchronized void close() {
    if (clock != null) {
      clock.shutdownNow();
    }
    if (live) {
      redraw();
      err.println();
    } else if (pending) {
      err.println(describe(seconds()));
    }
    err.flush();
  }

  private synchronized void redraw() {
    String text = describe(seconds());
    // Pad over the previous text rather than rely on the terminal's erase-line alone.
    String padding = " ".repeat(Math.max(0, drawnWidth - text.length()));
    drawnWidth = text.length();
    err.print("\r" + text + padding);
    err.flush();
  }

  private double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  /** The progress as text, e.g. " 3.2s plan 812.40 points bound 830.11 gap 2.13% (5 plans)". */
  private String describe(double elapsedSeconds) {
    if (objective == null && bound == null) {
      // Validation, the greedy start and the model build come before the solver's first report.
      return String.format(Locale.ROOT, "  %6.1fs  no solver plan or bound yet", elapsedSeconds);
    }
    return String.format(
        Locale.ROOT,
        "  %6.1fs  plan %s points  bound %s  gap %s  (%d %s)",
        elapsedSeconds,
        objective == null ? "?" : String.format(Locale.ROOT, "%.2f", objective),
        bound == null ? "?" : String.format(Locale.ROOT, "%.2f", bound),
        gap == null ? "?" : String.format(Locale.ROOT, "%.2f%%", 100 * gap),
        plans,
        plans == 1 ? "plan" : "plans");
  }
}
