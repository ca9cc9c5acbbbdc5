package org.scplan.benchmarks.orlib;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scplan.benchmarks.orlib.internal.DirectKnapsack;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanStatus;
import org.scplan.support.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Solves OR-Library multidimensional knapsack sets through the scplan allocator and reports, per
 * instance, our value, the optimum or best-known value, the gap, the time and whether optimality
 * was proven. Data files are read from {@code --data}; they are never part of the repository.
 *
 * <pre>{@code
 * java -cp scplan-benchmarks/target/scplan-benchmarks.jar \
 *     org.scplan.benchmarks.orlib.OrLibraryRunner --data ../shared/data/orlib-mkp \
 *     --set mknap1 --set mknap2 --set 5.100 --time-limit 10 --workers 2 --out orlib.csv
 * }</pre>
 */
@Command(
    name = "orlib",
    mixinStandardHelpOptions = true,
    description =
        "Solves OR-Library multidimensional knapsack instances and compares with known values.")
public final class OrLibraryRunner implements Callable<Integer> {

  @Option(
      names = "--data",
      defaultValue = "../shared/data/orlib-mkp",
      description = "Directory holding mknap1.txt, mknap2.txt, mknapcb*.txt, mkcbres_parsed.csv.")
  Path data;

  @Option(
      names = "--set",
      required = true,
      description =
          "mknap1, mknap2, or a Chu-Beasley size m.n such as 5.100, 10.100, 30.100, 5.250 (repeatable).")
  List<String> sets;

  @Option(names = "--time-limit", defaultValue = "10", description = "Seconds per instance.")
  double timeLimitSeconds;

  @Option(names = "--workers", defaultValue = "2", description = "Solver workers.")
  int workers;

  @Option(names = "--first", description = "Only the first K instances of each set.")
  Integer first;

  @Option(names = "--out", description = "CSV file for the results.")
  Path out;

  @Option(
      names = "--direct",
      description =
          "Also solve each instance with the plain CP-SAT knapsack model (same limit and workers), to"
              + " separate the cost of the scplan formulation from the solver's and the machine's.")
  boolean direct;

  /** One instance's result. */
  record Row(
      String set,
      String name,
      int items,
      int dimensions,
      double value,
      Double known,
      boolean knownOptimal,
      String status,
      Double bound,
      double seconds,
      Double directValue,
      Boolean directOptimal) {

    Double gap() {
      return known == null ? null : (known - value) / known;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new OrLibraryRunner()).execute(args));
  }

  @Override
  public Integer call() {
    List<Row> rows = new ArrayList<>();
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "%-8s %-12s %5s %4s %12s %12s %9s %-9s %8s%n",
        "set",
        "instance",
        "n",
        "m",
        "ours",
        "known",
        "gap %",
        "status",
        "time s");
    for (String set : sets) {
      List<MkpInstance> instances = load(set);
      if (first != null) {
        instances = instances.subList(0, Math.min(first, instances.size()));
      }
      for (MkpInstance instance : instances) {
        Row row = solve(set, instance);
        rows.add(row);
        out.printf(
            Locale.ROOT,
            "%-8s %-12s %5d %4d %12.1f %12s %9s %-9s %8.2f%s%n",
            set,
            row.name(),
            row.items(),
            row.dimensions(),
            row.value(),
            row.known() == null ? "?" : String.format(Locale.ROOT, "%.1f", row.known()),
            row.gap() == null ? "?" : String.format(Locale.ROOT, "%.4f", 100 * row.gap()),
            row.status(),
            row.seconds(),
            row.directValue() == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    "   plain CP-SAT %.1f%s",
                    row.directValue(),
                    row.directOptimal() ? " optimal" : ""));
        out.flush();
      }
    }
    summarise(rows, out);
    if (this.out != null) {
      writeCsv(rows, this.out);
    }
    return 0;
  }

  private List<MkpInstance> load(String set) {
    if (set.equals("mknap1")) {
      return MkpReader.readBeasley(data.resolve("mknap1.txt"), "mknap1-");
    }
    if (set.equals("mknap2")) {
      return MkpReader.readMknap2(data.resolve("mknap2.txt"));
    }
    Map<String, Double> best = MkpReader.readBestKnown(data.resolve("mkcbres_parsed.csv"));
    String file = chuBeasleyFile(set);
    List<MkpInstance> raw = MkpReader.readBeasley(data.resolve(file), set + "-");
    List<MkpInstance> named = new ArrayList<>(raw.size());
    for (int k = 0; k < raw.size(); k++) {
      String name = String.format(Locale.ROOT, "%s-%02d", set, k);
      named.add(raw.get(k).withNameAndKnownValue(name, best.get(name), false));
    }
    return named;
  }

  /** mknapcb1…9 hold m ∈ {5, 10, 30} × n ∈ {100, 250, 500}, in that order. */
  static String chuBeasleyFile(String set) {
    List<String> sizes =
        List.of(
            "5.100", "5.250", "5.500", "10.100", "10.250", "10.500", "30.100", "30.250", "30.500");
    int index = sizes.indexOf(set);
    if (index < 0) {
      throw new IllegalArgumentException(
          "unknown set '" + set + "': use mknap1, mknap2 or one of " + sizes);
    }
    return "mknapcb" + (index + 1) + ".txt";
  }

  private Row solve(String set, MkpInstance instance) {
    AllocatorConfig config =
        AllocatorConfig.builder()
            .timeLimit(Duration.ofMillis(Math.round(timeLimitSeconds * 1000)))
            .workers(workers)
            .build();
    Plan plan = Allocator.create(config).allocate(MkpScenario.of(instance));
    DirectKnapsack.Result plain =
        direct ? DirectKnapsack.solve(instance, timeLimitSeconds, workers) : null;
    return new Row(
        set,
        instance.name(),
        instance.items(),
        instance.dimensions(),
        plan.riskReduced(),
        instance.knownValue(),
        instance.knownOptimal(),
        plan.status().name(),
        plan.solver().bestBound(),
        plan.solver().wallTimeSeconds(),
        plain == null ? null : plain.value(),
        plain == null ? null : plain.optimal());
  }

  private static void summarise(List<Row> rows, PrintStream out) {
    Map<String, List<Row>> bySet = new java.util.LinkedHashMap<>();
    rows.forEach(r -> bySet.computeIfAbsent(r.set(), k -> new ArrayList<>()).add(r));
    out.println();
    out.printf(
        Locale.ROOT,
        "%-8s %5s %8s %10s %10s %10s %10s %9s%n",
        "set",
        "count",
        "proven",
        "at known",
        "<=0.1 %",
        "mean gap %",
        "max gap %",
        "mean s");
    for (Map.Entry<String, List<Row>> entry : bySet.entrySet()) {
      List<Row> set = entry.getValue();
      long proven = set.stream().filter(r -> r.status().equals(PlanStatus.OPTIMAL.name())).count();
      long atKnown = set.stream().filter(r -> r.gap() != null && Math.abs(r.gap()) < 1e-9).count();
      long within = set.stream().filter(r -> r.gap() != null && r.gap() <= 0.001 + 1e-12).count();
      double meanGap =
          set.stream()
              .filter(r -> r.gap() != null)
              .mapToDouble(Row::gap)
              .average()
              .orElse(Double.NaN);
      double maxGap =
          set.stream().filter(r -> r.gap() != null).mapToDouble(Row::gap).max().orElse(Double.NaN);
      double meanSeconds = set.stream().mapToDouble(Row::seconds).average().orElse(0);
      out.printf(
          Locale.ROOT,
          "%-8s %5d %8d %10d %10d %10.4f %10.4f %9.2f%n",
          entry.getKey(),
          set.size(),
          proven,
          atKnown,
          within,
          100 * meanGap,
          100 * maxGap,
          meanSeconds);
    }
  }

  private static void writeCsv(List<Row> rows, Path file) {
    StringBuilder csv =
        new StringBuilder(
            "set,instance,items,dimensions,value,known,known_is_optimum,gap,status,bound,seconds,plain_cpsat_value,plain_cpsat_optimal\n");
    for (Row r : rows) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%d,%d,%.4f,%s,%s,%s,%s,%s,%.3f,%s,%s%n",
              r.set(),
              r.name(),
              r.items(),
              r.dimensions(),
              r.value(),
              r.known() == null ? "" : String.format(Locale.ROOT, "%.4f", r.known()),
              r.knownOptimal(),
              r.gap() == null ? "" : String.format(Locale.ROOT, "%.6f", r.gap()),
              r.status(),
              r.bound() == null ? "" : String.format(Locale.ROOT, "%.4f", r.bound()),
              r.seconds(),
              r.directValue() == null ? "" : String.format(Locale.ROOT, "%.4f", r.directValue()),
              r.directOptimal() == null ? "" : r.directOptimal()));
    }
    AtomicFiles.write(file, csv.toString());
  }
}
