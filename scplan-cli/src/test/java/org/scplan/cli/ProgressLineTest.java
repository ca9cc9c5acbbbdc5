package org.scplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.scplan.optimizer.progress.ProgressEvent;

/** Solver progress: a live line on a terminal, whole throttled lines in logs. */
class ProgressLineTest {
  @Test
  void notLive_burstOfEvents_printsOneLineThenTheLatestStateAtClose() {
    StringWriter text = new StringWriter();
    try (ProgressLine progress = new ProgressLine(new PrintWriter(text), false)) {
      progress.onProgress(new ProgressEvent(0.5, 100.0, 150.0, 1 / 3.0, true));
      progress.onProgress(new ProgressEvent(0.6, 120.0, 150.0, 0.2, true));
      progress.onProgress(new ProgressEvent(0.7, 120.0, 140.0, 20 / 140.0, false));
    }

    String[] lines = text.toString().split("\n", -1);
    assertThat(text.toString()).doesNotContain("\r");
    assertThat(lines).hasSize(3);
    assertThat(lines[0])
        .contains("plan 100.00 points")
        .contains("bound 150.00")
        .contains("gap 33.33%")
        .contains("(1 plan)");
    assertThat(lines[1])
        .contains("plan 120.00 points")
        .contains("bound 140.00")
        .contains("gap 14.29%")
        .contains("(2 plans)");
    assertThat(lines[2]).isEmpty();
  }

  @Test
  void notLive_lastEventAlreadyPrinted_closeAddsNothing() {
    StringWriter text = new StringWriter();
    try (ProgressLine progress = new ProgressLine(new PrintWriter(text), false)) {
      progress.onProgress(new ProgressEvent(0.5, 100.0, 150.0, 1 / 3.0, true));
    }

    assertThat(text.toString().lines()).hasSize(1);
  }

  @Test
  void live_redrawsInPlaceAndEndsWithNewline() {
    StringWriter text = new StringWriter();
    try (ProgressLine progress = new ProgressLine(new PrintWriter(text), true)) {
      progress.onProgress(new ProgressEvent(0.5, null, 150.0, null, false));
      progress.onProgress(new ProgressEvent(0.6, 120.0, 150.0, 0.2, true));
    }

    String output = text.toString();
    assertThat(output).startsWith("\r").endsWith("\n").doesNotContain("\n\r");
    assertThat(output.substring(0, output.length() - 1)).doesNotContain("\n");
    assertThat(output.substring(output.lastIndexOf('\r')))
        .contains("plan 120.00 points")
        .contains("gap 20.00%");
    assertThat(output).contains("plan ? points  bound 150.00  gap ?  (0 plans)");
  }

  @Test
  void live_beforeAnyEvent_saysSoInsteadOfEmptyFigures() {
    StringWriter text = new StringWriter();
    try (ProgressLine progress = new ProgressLine(new PrintWriter(text), true)) {
      assertThat(progress).isNotNull();
    }

    assertThat(text.toString()).startsWith("\r").endsWith("no solver plan or bound yet\n");
  }

  @Test
  void notLive_noEvent_printsNothing() {
    StringWriter text = new StringWriter();
    try (ProgressLine progress = new ProgressLine(new PrintWriter(text), false)) {
      assertThat(progress).isNotNull();
    }

    assertThat(text.toString()).isEmpty();
  }
}
