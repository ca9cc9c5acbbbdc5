package org.scplan.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapGovernorTest {
  private static final long MIB = 1L << 20;

  private static final HotSpotDiagnosticMXBean DIAGNOSTICS =
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

  private static String option(String name) {
    return DIAGNOSTICS.getVMOption(name).getValue();
  }

  @Test
  void collects_heapGrownPastSoftSizeWithLittleInUse_collects() {
    assertThat(HeapGovernor.collects(1956 * MIB, 74 * MIB, 512 * MIB, 0, 2_700)).isTrue();
  }

  @Test
  void collects_heapWithinSoftSize_doesNot() {
    assertThat(HeapGovernor.collects(512 * MIB, 10 * MIB, 512 * MIB, 0, 10_000)).isFalse();
  }

  @Test
  void collects_halfTheHeapInUse_doesNot() {
    assertThat(HeapGovernor.collects(976 * MIB, 243 * MIB, 384 * MIB, 0, 30_000)).isTrue();
    assertThat(HeapGovernor.collects(2048 * MIB, 1024 * MIB - 1, 512 * MIB, 0, 10_000)).isTrue();
    assertThat(HeapGovernor.collects(2048 * MIB, 1024 * MIB, 512 * MIB, 0, 10_000)).isFalse();
  }

  @Test
  void collects_forcedPausesBeyondTheirShare_doesNot() {
    assertThat(HeapGovernor.collects(2048 * MIB, 10 * MIB, 512 * MIB, 50, 1_000)).isTrue();
    assertThat(HeapGovernor.collects(2048 * MIB, 10 * MIB, 512 * MIB, 51, 1_000)).isFalse();
  }

  @Test
  void install_heapAlreadyWithinSoftSize_isInertAndLeavesTheJvmAlone() {
    String minFree = option("MinHeapFreeRatio");
    String maxFree = option("MaxHeapFreeRatio");
    try (HeapGovernor governor = HeapGovernor.install(Long.MAX_VALUE)) {
      assertThat(governor.active()).isFalse();
      assertThat(option("MinHeapFreeRatio")).isEqualTo(minFree);
      assertThat(option("MaxHeapFreeRatio")).isEqualTo(maxFree);
    }
  }

  @Test
  void install_lowersTheHeapFreeRatios_closeRestoresThem() {
    String minFree = option("MinHeapFreeRatio");
    String maxFree = option("MaxHeapFreeRatio");
    HeapGovernor governor = HeapGovernor.install(MIB);
    assertThat(governor.active()).isTrue();
    assertThat(governor.softMaxBytes()).isEqualTo(MIB);
    assertThat(option("MinHeapFreeRatio"))
        .isEqualTo(Integer.toString(HeapGovernor.MIN_FREE_PERCENT));
    assertThat(option("MaxHeapFreeRatio"))
        .isEqualTo(Integer.toString(HeapGovernor.MAX_FREE_PERCENT));
    governor.close();
    governor.close();
    assertThat(option("MinHeapFreeRatio")).isEqualTo(minFree);
    assertThat(option("MaxHeapFreeRatio")).isEqualTo(maxFree);
  }

  @Test
  void install_softSizeNotPositive_failsNamingIt() {
    assertThatThrownBy(() -> HeapGovernor.install(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("softMaxBytes must be > 0 bytes, but was 0");
  }
}
