package org.scplan.optimizer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scplan.optimizer.progress.ProgressEvent;

class ReportedPlansTest {
  private final List<ProgressEvent> events = new ArrayList<>();
  private final ReportedPlans reported = new ReportedPlans(events::add, System.nanoTime());

  @Test
  void plan_reportsANewPlanWithoutBound() {
    reported.plan(10.0);

    assertThat(events).hasSize(1);
    assertThat(events.get(0).newSolution()).isTrue();
    assertThat(events.get(0).objective()).hasValue(10.0);
    assertThat(events.get(0).bestBound()).isEmpty();
  }

  @Test
  void plan_noBetterThanOneReported_isNotReported() {
    reported.plan(10.0);
    reported.plan(10.0);
    reported.plan(9.0);

    assertThat(events).hasSize(1);
  }

  @Test
  void onProgress_worsePlanThanReported_isRaisedToItAndNotNew() {
    reported.plan(10.0);

    reported.onProgress(new ProgressEvent(1.0, 8.0, 20.0, 0.6, true));

    assertThat(events).hasSize(2);
    ProgressEvent passed = events.get(1);
    assertThat(passed.newSolution()).isFalse();
    assertThat(passed.objective()).hasValue(10.0);
    assertThat(passed.bestBound()).hasValue(20.0);
    assertThat(passed.relativeGap()).hasValue(0.5);
  }

  @Test
  void onProgress_boundBeforeAnyPlanAndBetterPlans_passUnchanged() {
    ProgressEvent bound = new ProgressEvent(0.5, null, 20.0, null, false);
    ProgressEvent better = new ProgressEvent(1.0, 12.0, 20.0, 0.4, true);

    reported.onProgress(bound);
    reported.plan(10.0);
    reported.onProgress(better);
    reported.plan(11.0);

    assertThat(events).hasSize(3);
    assertThat(events.get(0)).isEqualTo(bound);
    assertThat(events.get(2)).isEqualTo(better);
  }
}
