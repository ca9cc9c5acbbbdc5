package org.scplan.benchmarks;

import java.time.Duration;
import java.util.Locale;
import org.scplan.examples.NotionalTheater;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;

/**
 * Measures how far allocation overshoots its wall-clock time limit on the notional theater (which
 * CP-SAT does not prove optimal within seconds, so every run stops at the limit): for each limit
 * and worker count, several runs, printing the largest and mean overshoot in seconds (wall time of
 * {@link Allocator#allocate} minus the limit). A watchdog stops a solve that runs past its limit
 * plus max(1 s, 10 % of it), so the overshoot stays bounded even if CP-SAT ignored its own limit.
 *
 * <p>Run: {@code java -cp scplan-benchmarks/target/scplan-benchmarks.jar
 * org.scplan.benchmarks.TimeLimitHarness [runs]} (default 3 runs per setting).
 */
public final class TimeLimitHarness {
  private static final double[] LIMITS_SECONDS = {0.5, 1, 2, 5};
  private static final int[] WORKERS = {1, 2, 4};

  private TimeLimitHarness() {}

  /** Runs the harness and prints one line per setting. */
  public static void main(String[] arguments) {
    int runs = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 3;
    Scenario theater = NotionalTheater.scenario();
    // Load the natives and warm the JIT once, outside the measurements.
    Allocator.create(AllocatorConfig.builder().timeLimit(Duration.ofSeconds(1)).build())
        .allocate(theater);
    System.out.printf(
        Locale.ROOT,
        "%-8s %-8s %-5s %-14s %-14s %-10s%n",
        "limit s",
        "workers",
        "runs",
        "max over s",
        "mean over s",
        "status");
    double largest = Double.NEGATIVE_INFINITY;
    for (double limit : LIMITS_SECONDS) {
      for (int workers : WORKERS) {
        Allocator allocator =
            Allocator.create(
                AllocatorConfig.builder()
                    .timeLimit(Duration.ofMillis((long) (limit * 1000)))
                    .workers(workers)
                    .build());
        double maximum = Double.NEGATIVE_INFINITY;
        double sum = 0;
        String status = "";
        for (int run = 0; run < runs; run++) {
          long started = System.nanoTime();
          Plan plan = allocator.allocate(theater);
          double overshoot = (System.nanoTime() - started) / 1e9 - limit;
          PlanChecker.verify(theater, plan);
          maximum = Math.max(maximum, overshoot);
          sum += overshoot;
          status = plan.status().name();
        }
        largest = Math.max(largest, maximum);
        System.out.printf(
            Locale.ROOT,
            "%-8.1f %-8d %-5d %-14.3f %-14.3f %-10s%n",
            limit,
            workers,
            runs,
            maximum,
            sum / runs,
            status);
      }
    }
    System.out.printf(Locale.ROOT, "Largest overshoot: %.3f s%n", largest);
  }
}
