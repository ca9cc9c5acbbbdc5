package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;

/**
 * A thousand sequential solves in one JVM (more with {@code -Dscplan.soak.solves=N}), with the
 * resident memory (Linux {@code VmRSS}) and the JVM's own committed memory (heap and non-heap)
 * measured after a warm-up and along the way: native memory that CP-SAT leaks per solve would show
 * as steady growth of the first but not of the second. Only in the soak profile: {@code ./mvnw -B
 * -ntp test -Psoak -pl scplan-optimizer -am}.
 */
@Tag("soak")
class SoakTest {
  private static final int WARM_UP = 100;
  private static final int SOLVES = Integer.getInteger("scplan.soak.solves", 1_000);

  /**
   * Growth allowed, in MB: native memory settling, not a per-solve leak. Measured with the soak
   * profile's fixed heap (docs/BENCHMARKS.md): VmRSS grows by about 30 MB over the first 1,000
   * solves and 85 MB by 3,000, then stays flat (+2 MB from 3,000 to 5,000), while the JVM's own
   * committed memory stays flat.
   */
  private static final long MOST_GROWTH_MB = 150;

  @Test
  void allocate_thousandSequentialSolves_residentMemoryStaysFlat() throws IOException {
    Allocator allocator =
        Allocator.create(
            AllocatorConfig.builder().timeLimit(Duration.ofSeconds(20)).workers(2).seed(1).build());
    for (int i = 0; i < WARM_UP; i++) {
      allocator.allocate(RandomScenarios.tiny(50_000 + i));
    }
    System.gc();
    long before = residentKilobytes();
    long checked = 0;
    for (int i = 0; i < SOLVES; i++) {
      Scenario scenario = RandomScenarios.tiny(60_000 + i);
      Plan plan = allocator.allocate(scenario);
      assertThat(PlanChecker.check(scenario, plan)).isEmpty();
      checked++;
      if ((i + 1) % 250 == 0) {
        System.out.printf(
            "Soak: %d solves, VmRSS %d MB, JVM committed %d MB%n",
            i + 1, residentKilobytes() / 1024, jvmCommittedMegabytes());
      }
    }
    System.gc();
    long after = residentKilobytes();
    System.out.printf(
        "Soak: %d sequential solves (2 workers each) after %d warm-up solves; VmRSS %d MB before,"
            + " %d MB after (%+d MB)%n",
        checked, WARM_UP, before / 1024, after / 1024, (after - before) / 1024);
    assertThat((after - before) / 1024).isLessThan(MOST_GROWTH_MB);
  }

  /** Heap and non-heap memory the JVM has committed, in MB (what it knows of its own use). */
  private static long jvmCommittedMegabytes() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    return (memory.getHeapMemoryUsage().getCommitted()
            + memory.getNonHeapMemoryUsage().getCommitted())
        / (1024 * 1024);
  }

  private static long residentKilobytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status: the soak test needs Linux");
  }
}
