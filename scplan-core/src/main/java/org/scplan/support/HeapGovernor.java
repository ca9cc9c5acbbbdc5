package org.scplan.support;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Keeps the process's committed Java heap near a soft size (bytes) without a {@code -Xmx} flag:
 * when a collection ends with the heap grown past the soft size while less than half of it is in
 * use, it runs a full collection with the JVM's heap free ratios lowered, which hands the unused
 * heap back to the operating system. For a process that owns its JVM (the {@code scplan} command, a
 * benchmark's forked case): it changes JVM-wide settings, so a library never installs it behind an
 * embedding application's back.
 *
 * <p>Why: G1 sizes the heap for its collection time, not for memory. Without a flag it may grow to
 * a quarter of the machine's memory, and it grows most while a large scenario is read (many
 * short-lived objects beside a growing live set), then keeps and touches that heap for the rest of
 * the solve: 2 GiB committed for 80-170 MiB live on a {@code global} solve. Its own shrinking
 * (after a full collection or a concurrent cycle's remark, to {@code MaxHeapFreeRatio}) rarely runs
 * in a solve, whose old generation stays small.
 *
 * <p>Forced collections are rationed: their total pause time stays under {@value
 * #PAUSE_SHARE_PERCENT} % of the time since installation; beyond that the heap is G1's again, so a
 * heap G1 keeps growing costs memory, not more of the solve's time. Thread-safe; {@link #close}
 * restores the JVM's settings.
 */
public final class HeapGovernor implements AutoCloseable {
  /**
   * The soft heap size scplan's own processes govern toward, bytes (384 MiB): about three times the
   * live heap of a {@code global} solve's search (90-140 MiB). Measured against 512 MiB with the
   * rule "less than half the soft size in use", which stopped acting on a whole-model search's 250
   * MiB live and left {@code theater} runs up to 572 MiB resident (docs/BENCHMARKS.md, memory).
   */
  public static final long PROCESS_SOFT_MAX_BYTES = 384L << 20;

  /**
   * The free share of the heap (percent) a full collection leaves at most: half, so the young
   * generation keeps room and G1 does not at once grow the heap again for its collection time (with
   * 30, 18-32 forced collections in a 60-s {@code global} solve, seeds 1 and 3; with 50, 6-7).
   */
  static final int MAX_FREE_PERCENT = 50;

  /** The free share of the heap (percent) a full collection leaves at least. */
  static final int MIN_FREE_PERCENT = 20;

  /** The largest share of wall time (percent) forced collections may take. */
  static final int PAUSE_SHARE_PERCENT = 5;

  private static final String FORCED_CAUSE = "System.gc()";

  private final long softMaxBytes;
  private final long installedNanos = System.nanoTime();
  private final AtomicLong forcedPauseMillis = new AtomicLong();
  private final AtomicLong forcedCount = new AtomicLong();
  private final AtomicBoolean pending = new AtomicBoolean();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::collected;
  private final HotSpotDiagnosticMXBean diagnostics;
  private final String previousMinFree;
  private final String previousMaxFree;

  private HeapGovernor(long softMaxBytes, HotSpotDiagnosticMXBean diagnostics) {
    this.softMaxBytes = softMaxBytes;
    this.diagnostics = diagnostics;
    this.previousMinFree = diagnostics.getVMOption("MinHeapFreeRatio").getValue();
    this.previousMaxFree = diagnostics.getVMOption("MaxHeapFreeRatio").getValue();
    setFreeRatios(Integer.toString(MIN_FREE_PERCENT), Integer.toString(MAX_FREE_PERCENT));
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
  }

  /**
   * Governs the heap toward {@code softMaxBytes}, or does nothing (an inert governor) when the
   * JVM's own maximum heap is already no larger, as after {@code -Xmx}.
   *
   * @param softMaxBytes the committed heap, bytes, past which unused heap is handed back; &gt; 0
   * @throws IllegalArgumentException if {@code softMaxBytes} is not positive
   */
  public static HeapGovernor install(long softMaxBytes) {
    if (softMaxBytes <= 0) {
      throw new IllegalArgumentException("softMaxBytes must be > 0 bytes, but was " + softMaxBytes);
    }
    if (Runtime.getRuntime().maxMemory() <= softMaxBytes) {
      return new HeapGovernor(softMaxBytes);
    }
    return new HeapGovernor(
        softMaxBytes, ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
  }

  private HeapGovernor(long softMaxBytes) {
    this.softMaxBytes = softMaxBytes;
    this.diagnostics = null;
    this.previousMinFree = null;
    this.previousMaxFree = null;
  }

  /** Whether this governor acts (false when the JVM's maximum heap was already within bounds). */
  public boolean active() {
    return diagnostics != null;
  }

  /** The soft size of the committed heap, bytes. */
  public long softMaxBytes() {
    return softMaxBytes;
  }

  /** How many full collections this governor has run so far. */
  public long forcedCollections() {
    return forcedCount.get();
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    if (FORCED_CAUSE.equals(info.getGcCause())) {
      forcedPauseMillis.addAndGet(info.getGcInfo().getDuration());
      return;
    }
    long committed = 0;
    long used = 0;
    for (MemoryUsage pool : info.getGcInfo().getMemoryUsageAfterGc().values()) {
      committed += pool.getCommitted();
      used += pool.getUsed();
    }
    long elapsedMillis = (System.nanoTime() - installedNanos) / 1_000_000L;
    if (collects(committed, used, softMaxBytes, forcedPauseMillis.get(), elapsedMillis)
        && pending.compareAndSet(false, true)) {
      // Not on the notification thread: a full collection there would hold up every other
      // listener; a short-lived daemon thread ends with its collection.
      Thread collector = new Thread(this::collect, "scplan-heap-governor");
      collector.setDaemon(true);
      collector.start();
    }
  }

  /**
   * Whether a collection that left {@code committedBytes} of heap with {@code usedBytes} in use
   * calls for a full one: the heap grew past the soft size, more than half of it is not in use (so
   * a full collection hands back at least that much), and the forced pauses so far ({@code
   * forcedPauseMillis}) are within their share of the {@code elapsedMillis} since installation.
   */
  static boolean collects(
      long committedBytes,
      long usedBytes,
      long softMaxBytes,
      long forcedPauseMillis,
      long elapsedMillis) {
    return committedBytes > softMaxBytes
        && usedBytes < committedBytes / 2
        && forcedPauseMillis * 100 <= elapsedMillis * PAUSE_SHARE_PERCENT;
  }

  private void collect() {
    try {
      forcedCount.incrementAndGet();
      // The one way a running JVM shrinks its heap: a full collection resizes it to the free
      // ratios.
      System.gc();
    } finally {
      pending.set(false);
    }
  }

  private void setFreeRatios(String minFree, String maxFree) {
    // The JVM refuses a minimum above the maximum, so the order depends on the direction.
    if (Integer.parseInt(minFree)
        <= Integer.parseInt(diagnostics.getVMOption("MaxHeapFreeRatio").getValue())) {
      diagnostics.setVMOption("MinHeapFreeRatio", minFree);
      diagnostics.setVMOption("MaxHeapFreeRatio", maxFree);
    } else {
      diagnostics.setVMOption("MaxHeapFreeRatio", maxFree);
      diagnostics.setVMOption("MinHeapFreeRatio", minFree);
    }
  }

  /** Stops governing and restores the JVM's heap free ratios. */
  @Override
  public void close() {
    if (diagnostics == null) {
      return;
    }
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException alreadyRemoved) {
        // Closed twice: nothing left to remove.
      }
    }
    emitters.clear();
    setFreeRatios(previousMinFree, previousMaxFree);
  }
}
