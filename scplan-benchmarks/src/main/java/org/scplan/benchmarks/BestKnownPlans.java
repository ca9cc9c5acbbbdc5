package org.scplan.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.scplan.support.AtomicFiles;
import org.scplan.support.CsvText;

/**
 * The best plan known for each generated scenario (preset and seed), kept in a CSV file across
 * quality-harness runs as OR-Library keeps best-known values: the objective (net of the lapse
 * penalty, weighted risk points), the scenario's digest, and where the plan came from. A short
 * run's plan is then measured against the best any run found, which says how much the search leaves
 * on the table whatever the bound says (docs/BENCHMARKS.md).
 *
 * <p>File format: a header {@code preset,seed,scenario_digest,objective,source}, then one row per
 * scenario. An entry whose digest differs from the scenario generated now (the generator changed)
 * is stale: it is not used, and the next update replaces it.
 */
final class BestKnownPlans {
  static final String[] HEADER = {"preset", "seed", "scenario_digest", "objective", "source"};

  /**
   * One scenario's best plan.
   *
   * @param preset the generator preset
   * @param seed the generator seed
   * @param scenarioDigest the scenario's digest ({@link QualityHarness.Result#scenarioDigest()})
   * @param objective the plan's objective, net of the lapse penalty, weighted risk points
   * @param source how the plan was found (time limit, workers, solver seed, date), free text
   */
  record Entry(String preset, long seed, String scenarioDigest, double objective, String source) {}

  /** Entries by preset, then seed as a number. */
  private record Key(String preset, long seed) {}

  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::preset).thenComparingLong(Key::seed);

  private final Map<Key, Entry> entries;

  private BestKnownPlans(Map<Key, Entry> entries) {
    this.entries = entries;
  }

  /** No best-known plans. */
  static BestKnownPlans empty() {
    return new BestKnownPlans(new TreeMap<>(ORDER));
  }

  /**
   * Reads {@code file}; a file that does not exist yet holds no entries.
   *
   * @throws IllegalArgumentException naming the file, row and column of every malformed cell
   */
  static BestKnownPlans read(Path file) {
    if (!Files.exists(file)) {
      return empty();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read best-known plans " + file, e);
    }
    return parse(text, file.toString());
  }

  /** Parses the CSV {@code text} read from {@code source} (named in errors). */
  static BestKnownPlans parse(String text, String source) {
    List<CsvText.Record> records;
    try {
      records = CsvText.parse(text);
    } catch (CsvText.MalformedCsvException e) {
      throw new IllegalArgumentException(
          source + " line " + e.line() + ": not CSV: " + e.getMessage(), e);
    }
    if (records.isEmpty() || !Arrays.equals(records.get(0).cells(), HEADER)) {
      throw new IllegalArgumentException(
          source
              + " row 1: the header must be "
              + String.join(",", HEADER)
              + (records.isEmpty()
                  ? " (the file is empty)"
                  : ", is " + String.join(",", records.get(0).cells())));
    }
    Map<Key, Entry> entries = new TreeMap<>(ORDER);
    List<String> problems = new ArrayList<>();
    for (CsvText.Record record : records.subList(1, records.size())) {
      String[] cells = record.cells();
      String at = source + " row " + record.row();
      if (record.blank()) {
        continue;
      }
      if (cells.length != HEADER.length) {
        problems.add(at + ": " + cells.length + " cells, expected " + HEADER.length);
        continue;
      }
      Long seed = parseSeed(cells[1], at, problems);
      Double objective = parseObjective(cells[3], at, problems);
      if (cells[0].isBlank()) {
        problems.add(at + " column 1 (preset): empty");
      }
      if (cells[2].isBlank()) {
        problems.add(at + " column 3 (scenario_digest): empty");
      }
      if (seed == null || objective == null || cells[0].isBlank() || cells[2].isBlank()) {
        continue;
      }
      Entry entry = new Entry(cells[0], seed, cells[2], objective, cells[4]);
      if (entries.put(new Key(entry.preset(), seed), entry) != null) {
        problems.add(at + ": a second row for preset " + cells[0] + " seed " + seed);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return new BestKnownPlans(entries);
  }

  private static Long parseSeed(String cell, String at, List<String> problems) {
    try {
      return Long.parseLong(cell.trim());
    } catch (NumberFormatException e) {
      problems.add(at + " column 2 (seed): '" + cell + "' is not a whole number");
      return null;
    }
  }

  private static Double parseObjective(String cell, String at, List<String> problems) {
    try {
      double value = Double.parseDouble(cell.trim());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below, with the other malformed cells.
    }
    problems.add(at + " column 4 (objective): '" + cell + "' is not a finite number of points");
    return null;
  }

  /**
   * The best-known plan of the scenario generated from {@code preset} and {@code seed}, if there is
   * one for that very scenario (same digest).
   */
  Optional<Entry> best(String preset, long seed, String scenarioDigest) {
    Entry entry = entries.get(new Key(preset, seed));
    return entry != null && entry.scenarioDigest().equals(scenarioDigest)
        ? Optional.of(entry)
        : Optional.empty();
  }

  /**
   * These entries improved by {@code results}: a result with a plan replaces the entry of its
   * scenario when its objective is higher, or when the entry is stale (another digest). {@code
   * describe} says where a result's plan came from, for the source column.
   */
  BestKnownPlans updatedWith(
      Collection<QualityHarness.Result> results,
      java.util.function.Function<QualityHarness.Result, String> describe) {
    Map<Key, Entry> updated = new TreeMap<>(ORDER);
    updated.putAll(entries);
    for (QualityHarness.Result result : results) {
      if (Double.isNaN(result.objective())) {
        continue;
      }
      Key key = new Key(result.preset(), result.seed());
      Entry current = updated.get(key);
      if (current == null
          || !current.scenarioDigest().equals(result.scenarioDigest())
          || result.objective() > current.objective()) {
        updated.put(
            key,
            new Entry(
                result.preset(),
                result.seed(),
                result.scenarioDigest(),
                result.objective(),
                describe.apply(result)));
      }
    }
    return new BestKnownPlans(updated);
  }

  /** The entries, by preset then seed. */
  List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** Writes the entries to {@code file} (atomically), by preset then seed. */
  void write(Path file) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Entry entry : entries.values()) {
      rows.add(
          new String[] {
            entry.preset(),
            Long.toString(entry.seed()),
            entry.scenarioDigest(),
            String.format(Locale.ROOT, "%.4f", entry.objective()),
            entry.source()
          });
    }
    AtomicFiles.write(file, CsvText.print(rows));
  }

  /**
   * How far {@code objective} falls short of {@code best}, as a fraction of {@code best} (0 when it
   * is the best, negative when it is better), both in points.
   */
  static double shortfall(double objective, double best) {
    return (best - objective) / Math.max(1e-9, Math.abs(best));
  }
}
