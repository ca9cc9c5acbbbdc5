package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scplan.optimizer.progress.ProgressEvent;

/** A progress event's public face has no nulls: "no plan yet" is an empty value. */
class ProgressEventTest {
  @Test
  void beforeTheFirstPlan_objectiveAndGapEmpty_boundKnown() {
    ProgressEvent event = new ProgressEvent(0.5, null, 830.0, null, false);

    assertThat(event.objective()).isEmpty();
    assertThat(event.relativeGap()).isEmpty();
    assertThat(event.bestBound()).hasValue(830.0);
    assertThat(event.toString()).contains("objective=none yet").doesNotContain("null");
  }

  @Test
  void withAPlan_everyFigurePresent_andEqualEventsAreEqual() {
    ProgressEvent event = new ProgressEvent(1.5, 812.0, 830.0, 0.02, true);

    assertThat(event.objective()).hasValue(812.0);
    assertThat(event.relativeGap()).hasValue(0.02);
    assertThat(event).isEqualTo(new ProgressEvent(1.5, 812.0, 830.0, 0.02, true));
    assertThat(event.hashCode())
        .isEqualTo(new ProgressEvent(1.5, 812.0, 830.0, 0.02, true).hashCode());
  }
}
