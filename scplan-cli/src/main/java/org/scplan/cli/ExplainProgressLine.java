package org.scplan.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.scplan.optimizer.explain.ExplainListener;
import org.scplan.optimizer.explain.ExplainProgress;
import org.scplan.optimizer.progress.ProgressEvent;
import org.scplan.support.Messages;

/**
 * {@code scplan explain}'s progress on standard error, in whole lines: each stage as it starts,
 * then the re-solves done of all planned and the time left at the pace so far, at most one line a
 * second within a stage (and always the stage's last). The first solve, when there is one, shows
 * the solver's progress as {@code solve} does. Events arrive on the explaining thread and, during
 * the first solve, on solver threads, so every method is synchronized.
 */
final class ExplainProgressLine implements ExplainListener, AutoCloseable {
  private static final long LINE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final PrintWriter err;
  private final boolean live;
  private ProgressLine solving;
  private ExplainProgress.Stage stage;
  private ExplainProgress unprinted;
  private long lastLine = Long.MIN_VALUE;

  /** Progress to {@code err}; {@code live} makes the first solve's line redraw in place. */
  ExplainProgressLine(PrintWriter err, boolean live) {
    this.err = err;
    this.live = live;
  }

  @Override
  public synchronized void onProgress(ExplainProgress progress) {
    if (progress.stage() != stage) {
      flushUnprinted();
      endSolving();
      stage = progress.stage();
      if (stage == ExplainProgress.Stage.SOLVING) {
        print(progress, "solving the scenario first");
        solving = new ProgressLine(err, live);
        return;
      }
      print(progress, stageWords(progress));
      return;
    }
    long now = System.nanoTime();
    if (lastLine == Long.MIN_VALUE || now - lastLine >= LINE_INTERVAL_NANOS) {
      print(progress, stageWords(progress));
    } else {
      unprinted = progress;
    }
  }

  @Override
  public synchronized void onSolverProgress(ProgressEvent event) {
    if (solving != null) {
      solving.onProgress(event);
    }
  }

  /** Prints what is still unprinted. */
  @Override
  public synchronized void close() {
    flushUnprinted();
    endSolving();
    err.flush();
  }

  private void flushUnprinted() {
    if (unprinted != null) {
      print(unprinted, stageWords(unprinted));
    }
  }

  private void endSolving() {
    if (solving != null) {
      solving.close();
      solving = null;
    }
  }

  private void print(ExplainProgress progress, String words) {
    unprinted = null;
    lastLine = System.nanoTime();
    err.printf(Locale.ROOT, "  %6.1fs  %s%n", progress.elapsedSeconds(), words);
    err.flush();
  }

  /** E.g. "marginal values: 12 of 58 re-solves done, about 25 s left". */
  static String stageWords(ExplainProgress progress) {
    String name =
        switch (progress.stage()) {
          case SOLVING -> "solving the scenario first";
          case REASONS ->
              "reasons found for "
                  + Messages.count(progress.reasons().size(), "unfunded option")
                  + "; "
                  + Messages.count(progress.solvesPlanned(), "re-solve")
                  + " to run";
          case REFERENCE -> "reference re-solve";
          case MARGINAL_VALUES -> "marginal values of money";
          case COUNTERFACTUALS -> "counterfactuals";
          case DIAGNOSIS -> "diagnosing why the scenario has no plan";
          case DONE -> "done";
        };
    if (progress.solvesPlanned() == 0 || progress.stage() == ExplainProgress.Stage.REASONS) {
      return name;
    }
    StringBuilder text =
        new StringBuilder(name)
            .append(": ")
            .append(progress.solvesDone())
            .append(" of ")
            .append(Messages.count(progress.solvesPlanned(), "re-solve"))
            .append(" done");
    progress
        .secondsLeft()
        .ifPresent(
            left -> {
              if (progress.solvesDone() < progress.solvesPlanned()) {
                text.append(String.format(Locale.ROOT, ", about %.0f s left", Math.ceil(left)));
              }
            });
    return text.toString();
  }
}
