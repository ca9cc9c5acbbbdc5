package org.scplan.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.GreedySearch;
import org.scplan.engine.Preparation;
import org.scplan.engine.RelaxationGuidedSearch;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.internal.CpSatModel;
import org.scplan.optimizer.internal.NativeLibraries;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.support.HeapGovernor;
import org.scplan.time.Deadline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Where the memory of one solve goes (issue 24): runs the allocator's stages one after another on a
 * generated scenario (natives, scenario, preparation, greedy, relaxation and guided start, the
 * whole CP-SAT model), and after each prints the resident set (VmRSS, MiB), the Java heap committed
 * and live after a full GC (MiB), and, when the JVM runs with {@code
 * -XX:NativeMemoryTracking=summary}, what the JVM itself has committed (MiB; the rest of the
 * resident set is native memory outside the JVM's accounting: OR-Tools' CP-SAT and the C library's
 * arenas). Then it drops every stage's data and runs a whole {@link Allocator#allocate} as a user
 * would, sampling the resident set every 100 ms, and prints its curve, its peak and the time of
 * each plan the progress listener reported, in seconds after the call, with the CPU time (seconds,
 * every thread: the JIT compilers', the collector's and the sampler's too) the process had used by
 * the first one, a figure the machine's load inflates far less than the wall clock's.
 *
 * <pre>{@code
 * bash scripts/memory-profile.sh global 1 60 2
 * }</pre>
 */
@Command(
    name = "memory-profile",
    mixinStandardHelpOptions = true,
    description = "Memory by stage and resident set over time of one solve.")
public final class MemoryProfile implements Callable<Integer> {
  private static final double MIB = 1024.0 * 1024.0;

  private static final Pattern NMT_CATEGORY =
      Pattern.compile("-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
  private static final Pattern NMT_TOTAL =
      Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

  @Option(
      names = "--preset",
      defaultValue = "global",
      description = "Generator preset, or \"embedded\": the embedded notional theater.")
  private String preset;

  @Option(names = "--seed", defaultValue = "1", description = "Generator seed.")
  private long seed;

  @Option(names = "--time-limit", defaultValue = "60", description = "Wall-clock limit, seconds.")
  private double limit;

  @Option(names = "--workers", defaultValue = "2", description = "Solver workers.")
  private int workers;

  @Option(
      names = "--deterministic-limit",
      description = "CP-SAT deterministic time limit of the whole allocation (none if unset).")
  private Double deterministicLimit;

  @Option(
      names = "--max-memory",
      description =
          "The allocator's memory budget, MiB (AllocatorConfig.maxMemory); none if unset.")
  private Long maxMemoryMiB;

  @Option(
      names = "--stages",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Profile the stages one by one before the whole solve (default: yes).")
  private boolean stages;

  @Option(
      names = "--heap-governor",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Govern the heap toward 384 MiB as the scplan command does (HeapGovernor; default: yes).")
  private boolean heapGovernor;

  public static void main(String[] args) {
    System.exit(new CommandLine(new MemoryProfile()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    if (heapGovernor) {
      HeapGovernor.install(HeapGovernor.PROCESS_SOFT_MAX_BYTES);
    }
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "%s seed %d, %.0f s, %d workers, max heap %.0f MiB, NMT %s%n",
        preset,
        seed,
        limit,
        workers,
        Runtime.getRuntime().maxMemory() / MIB,
        nativeMemory().isEmpty() ? "off" : "on");
    out.printf(
        Locale.ROOT,
        "%-34s %8s %8s %10s %9s %8s %10s%n",
        "stage",
        "seconds",
        "RSS",
        "heap comm",
        "heap live",
        "JVM NMT",
        "outside JVM");
    long start = System.nanoTime();
    Duration timeLimit = Duration.ofMillis(Math.round(limit * 1000));
    row(out, "JVM started", start);
    NativeLibraries.ensureLoaded();
    row(out, "OR-Tools natives loaded", start);
    Scenario scenario =
        preset.equals("embedded")
            ? NotionalTheater.scenario()
            : ScenarioGenerator.generate(GeneratorConfig.preset(preset, seed));
    row(out, "scenario generated", start);
    if (stages) {
      AllocationInstance instance = Preparation.prepare(scenario);
      row(out, "prepared (AllocationInstance)", start);
      GreedySearch.Result greedy = GreedySearch.run(instance, Deadline.none());
      row(out, "greedy plan", start);
      Deadline deadline = Deadline.after(timeLimit);
      RelaxationGuidedSearch.Outcome relaxation =
          RelaxationGuidedSearch.run(instance, greedy, deadline.share(0.5), deadline);
      row(out, "relaxation and guided start", start);
      CpSatModel model = new CpSatModel(instance);
      row(
          out,
          String.format(Locale.ROOT, "whole model (%,d Booleans)", model.booleanVariables()),
          start);
      // Kept reachable until here, so that each row above counts every stage before it.
      out.printf(
          Locale.ROOT,
          "  (guided start %.2f points, %d constraints)%n",
          relaxation.objective(),
          model.constraints());
    }
    row(out, "stages' data released", start);
    AllocatorConfig.Builder config =
        AllocatorConfig.builder()
            .timeLimit(timeLimit)
            .workers(workers)
            .deterministicTimeLimit(deterministicLimit);
    if (maxMemoryMiB != null) {
      config.maxMemory(maxMemoryMiB * 1024 * 1024);
    }
    ResidentSampler sampler = new ResidentSampler();
    List<double[]> plans = new ArrayList<>();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuAtCall = os.getProcessCpuTime();
    long called = System.nanoTime();
    sampler.start();
    Plan plan =
        Allocator.create(config.build())
            .allocate(
                scenario,
                event -> {
                  if (event.newSolution() && event.objective().isPresent()) {
                    synchronized (plans) {
                      plans.add(
                          new double[] {
                            (System.nanoTime() - called) / 1e9,
                            event.objective().getAsDouble(),
                            (os.getProcessCpuTime() - cpuAtCall) / 1e9
                          });
                    }
                  }
                });
    double solveSeconds = (System.nanoTime() - called) / 1e9;
    sampler.stop();
    row(out, "whole allocation returned", start);
    out.printf(
        Locale.ROOT,
        "%nallocation: %.2f s, plan %.2f points (%s), peak RSS during it %.0f MiB at %.1f s,"
            + " process peak (VmHWM) %.0f MiB, peak outside the JVM's accounting %s MiB%n",
        solveSeconds,
        plan.riskReduced(),
        plan.status(),
        sampler.peakMiB(),
        sampler.peakSeconds(),
        status("VmHWM:") / 1024.0,
        Double.isNaN(sampler.peakOutsideMiB())
            ? "-"
            : String.format(Locale.ROOT, "%.0f", sampler.peakOutsideMiB()));
    out.println("note: " + plan.solver().note());
    synchronized (plans) {
      if (!plans.isEmpty()) {
        out.printf(
            Locale.ROOT,
            "first plan reported %.2f s after the call (%.2f points), the process's CPU time by"
                + " then %.2f s; %d plans reported%n",
            plans.get(0)[0],
            plans.get(0)[1],
            plans.get(0)[2],
            plans.size());
      }
    }
    out.println("RSS over the allocation (seconds after the call, MiB), every second:");
    sampler.printCurve(out);
    return 0;
  }

  /** Prints one stage's row; a full GC first, so that "heap live" is what the stage keeps. */
  private static void row(PrintStream out, String stage, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    double rss = status("VmRSS:") / 1024.0;
    var heap = ManagementFactory.getMemoryMXBean();
    double committed = heap.getHeapMemoryUsage().getCommitted() / MIB;
    System.gc();
    double live = heap.getHeapMemoryUsage().getUsed() / MIB;
    Map<String, Long> nmt = nativeMemory();
    Long total = nmt.get("Total");
    out.printf(
        Locale.ROOT,
        "%-34s %8.2f %8.0f %10.0f %9.0f %8s %10s%n",
        stage,
        seconds,
        rss,
        committed,
        live,
        total == null ? "-" : String.format(Locale.ROOT, "%.0f", total / 1024.0),
        total == null ? "-" : String.format(Locale.ROOT, "%.0f", rss - total / 1024.0));
  }

  /**
   * The JVM's Native Memory Tracking summary, committed KiB per category and "Total"; empty when
   * the JVM runs without {@code -XX:NativeMemoryTracking}.
   */
  static Map<String, Long> nativeMemory() {
    String summary;
    try {
      summary =
          (String)
              ManagementFactory.getPlatformMBeanServer()
                  .invoke(
                      new ObjectName("com.sun.management:type=DiagnosticCommand"),
                      "vmNativeMemory",
                      new Object[] {new String[] {"summary"}},
                      new String[] {String[].class.getName()});
    } catch (JMException e) {
      return Map.of();
    }
    Map<String, Long> committed = new LinkedHashMap<>();
    Matcher total = NMT_TOTAL.matcher(summary);
    if (!total.find()) {
      return Map.of();
    }
    committed.put("Total", Long.parseLong(total.group(2)));
    Matcher category = NMT_CATEGORY.matcher(summary);
    while (category.find()) {
      committed.put(category.group(1).trim(), Long.parseLong(category.group(3)));
    }
    return committed;
  }

  /** A field of /proc/self/status in KiB (VmRSS:, VmHWM:), or −1 where there is no /proc. */
  static long status(String field) {
    Path path = Path.of("/proc/self/status");
    if (!Files.isReadable(path)) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(path, StandardCharsets.US_ASCII)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return -1;
  }

  /** Samples this process's resident set every 100 ms on a daemon thread. */
  private static final class ResidentSampler {
    private final List<double[]> samples = new ArrayList<>();
    private final Thread thread = new Thread(this::sample, "rss-sampler");
    private volatile boolean running = true;
    private final long started = System.nanoTime();

    void start() {
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    private double peakOutside = Double.NaN;

    private void sample() {
      for (int i = 0; running; i++) {
        double rss = status("VmRSS:") / 1024.0;
        synchronized (samples) {
          samples.add(new double[] {(System.nanoTime() - started) / 1e9, rss});
        }
        // The NMT summary takes milliseconds: twice a second is enough for the native side.
        Long jvm = i % 5 == 0 ? nativeMemory().get("Total") : null;
        if (jvm != null) {
          double outside = status("VmRSS:") / 1024.0 - jvm / 1024.0;
          synchronized (samples) {
            peakOutside = Double.isNaN(peakOutside) ? outside : Math.max(peakOutside, outside);
          }
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /** Peak of the resident set minus what NMT says the JVM committed, MiB; NaN without NMT. */
    double peakOutsideMiB() {
      synchronized (samples) {
        return peakOutside;
      }
    }

    double peakMiB() {
      return peak()[1];
    }

    double peakSeconds() {
      return peak()[0];
    }

    private double[] peak() {
      synchronized (samples) {
        double[] best = {Double.NaN, Double.NaN};
        for (double[] s : samples) {
          if (!(s[1] <= best[1])) {
            best = s;
          }
        }
        return best;
      }
    }

    void printCurve(PrintStream out) {
      synchronized (samples) {
        StringBuilder line = new StringBuilder();
        double next = 0;
        for (double[] s : samples) {
          if (s[0] >= next) {
            line.append(String.format(Locale.ROOT, " %.0f:%.0f", s[0], s[1]));
            next = Math.floor(s[0]) + 1;
          }
        }
        out.println(line.toString().strip());
      }
    }
  }
}
