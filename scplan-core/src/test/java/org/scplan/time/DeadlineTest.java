package org.scplan.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The time budget on an injected clock: no test here waits for, or reads, the real one. */
class DeadlineTest {
  private final AtomicLong now = new AtomicLong(1_000);

  private Deadline after(long nanos) {
    return Deadline.after(Duration.ofNanos(nanos), now::get);
  }

  @Test
  void after_expiresExactlyAtItsEnd() {
    Deadline deadline = after(100);

    now.addAndGet(99);
    assertThat(deadline.expired()).isFalse();
    assertThat(deadline.remainingSeconds()).isEqualTo(1e-9);
    now.addAndGet(1);
    assertThat(deadline.expired()).isTrue();
    assertThat(deadline.remainingSeconds()).isZero();
    assertThatThrownBy(deadline::check).isInstanceOf(Deadline.Exceeded.class);
  }

  @Test
  void alreadyExpired_andNone() {
    assertThat(Deadline.alreadyExpired().expired()).isTrue();
    assertThat(Deadline.none().expired()).isFalse();
    assertThat(Deadline.none().unlimited()).isTrue();
    assertThat(Deadline.none().remainingSeconds()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Deadline.after(Duration.ofDays(365 * 200L)).unlimited()).isTrue();
  }

  @Test
  void clockNearOverflow_stillComparesByDifference() {
    now.set(Long.MAX_VALUE - 10);
    Deadline deadline = after(100);

    now.addAndGet(50);
    assertThat(deadline.expired()).isFalse();
    now.addAndGet(50);
    assertThat(deadline.expired()).isTrue();
  }

  @Test
  void orWhen_endsTheBudgetOnCancellation() {
    AtomicBoolean cancelled = new AtomicBoolean();
    Deadline deadline = after(1_000).orWhen(cancelled::get);

    assertThat(deadline.expired()).isFalse();
    cancelled.set(true);
    assertThat(deadline.expired()).isTrue();
    assertThat(deadline.cancelled()).isTrue();
    assertThat(deadline.remainingSeconds()).isZero();
    assertThat(deadline.share(0.5).expired()).as("a share is cancelled with its budget").isTrue();
  }

  @Test
  void share_countsFromTheStartOfTheWholeBudget() {
    Deadline deadline = after(1_000);
    now.addAndGet(400);
    Deadline half = deadline.share(0.5);

    assertThat(half.remainingSeconds()).isEqualTo(100e-9);
    now.addAndGet(100);
    assertThat(half.expired()).isTrue();
    assertThat(deadline.expired()).isFalse();
    assertThatThrownBy(() -> deadline.share(1.5)).hasMessageContaining("[0, 1]");
  }

  @Test
  void within_takesTheEarlierEnd_andBefore_keepsAReserve() {
    Deadline deadline = after(1_000);

    assertThat(deadline.within(Duration.ofNanos(300)).remainingSeconds()).isEqualTo(300e-9);
    assertThat(deadline.within(Duration.ofNanos(5_000)).remainingSeconds()).isEqualTo(1_000e-9);
    assertThat(deadline.before(Duration.ofNanos(250)).remainingSeconds()).isEqualTo(750e-9);
    assertThat(deadline.before(Duration.ofNanos(5_000)).expired())
        .as("a reserve larger than the budget leaves nothing")
        .isTrue();
    assertThat(Deadline.none().within(Duration.ofSeconds(3)).unlimited()).isFalse();
  }

  @Test
  void since_countsFromAPastReading() {
    long started = System.nanoTime() - Duration.ofSeconds(10).toNanos();

    assertThat(Deadline.since(started, Duration.ofSeconds(5)).expired()).isTrue();
    assertThat(Deadline.since(started, Duration.ofHours(1)).expired()).isFalse();
    assertThat(Deadline.since(started, Duration.ofSeconds(30)).elapsedSeconds())
        .isGreaterThanOrEqualTo(10);
  }

  @Test
  void negativeLimits_areRefusedWithTheValue() {
    assertThatThrownBy(() -> Deadline.after(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-1S");
  }
}
