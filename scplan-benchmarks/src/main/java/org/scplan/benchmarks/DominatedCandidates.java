package org.scplan.benchmarks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.LimitRows;
import org.scplan.engine.Preparation;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;

/**
 * Counts the funding candidates no optimal plan needs because another candidate of the same option
 * dominates them (issue 24: worth removing before the model is built?): at least the value, no
 * later a start (prerequisite lags favour early starts), and in every limit row and program-money
 * row no more use, the same use where the row has a minimum (a balance floor rewards use).
 * Deterministic; no solve.
 *
 * <p>Run: {@code java -cp scplan-benchmarks/target/scplan-benchmarks.jar
 * org.scplan.benchmarks.DominatedCandidates [PRESET SEED]...} (default: {@code theater 1 global
 * 1}). Prints per scenario the candidates and how many are dominated.
 */
public final class DominatedCandidates {
  private DominatedCandidates() {}

  /** Prints the counts for each preset and seed pair given (default theater 1, global 1). */
  public static void main(String[] args) {
    List<String> pairs = args.length == 0 ? List.of("theater", "1", "global", "1") : List.of(args);
    for (int i = 0; i + 1 < pairs.size(); i += 2) {
      String preset = pairs.get(i);
      long seed = Long.parseLong(pairs.get(i + 1));
      AllocationInstance instance =
          Preparation.prepare(ScenarioGenerator.generate(GeneratorConfig.preset(preset, seed)));
      long[] counts = count(instance);
      System.out.printf(
          "%s seed %d: %d candidates, %d dominated%n", preset, seed, counts[0], counts[1]);
    }
  }

  /** The candidates of {@code instance} and how many of them are dominated, in that order. */
  static long[] count(AllocationInstance instance) {
    LimitRows rows = new LimitRows(instance);
    long candidates = 0;
    long dominated = 0;
    for (int o = 0; o < instance.candidates.length; o++) {
      int n = instance.candidates[o].length;
      candidates += n;
      Map<Integer, Long>[] terms = termsOf(instance, rows, o);
      for (int b = 0; b < n; b++) {
        for (int a = 0; a < n; a++) {
          if (a != b && dominates(instance, rows, o, a, b, terms)) {
            dominated++;
            break;
          }
        }
      }
    }
    return new long[] {candidates, dominated};
  }

  @SuppressWarnings("unchecked")
  private static Map<Integer, Long>[] termsOf(AllocationInstance instance, LimitRows rows, int o) {
    Map<Integer, Long>[] terms = new Map[instance.candidates[o].length];
    for (int c = 0; c < terms.length; c++) {
      Map<Integer, Long> use = new HashMap<>();
      rows.forEachTerm(
          o, c, LimitRows.ALL, (row, coefficient) -> use.merge(row, coefficient, Long::sum));
      terms[c] = use;
    }
    return terms;
  }

  /**
   * Whether candidate {@code a} of option {@code o} dominates {@code b} (ties: the lower index).
   */
  private static boolean dominates(
      AllocationInstance instance,
      LimitRows rows,
      int o,
      int a,
      int b,
      Map<Integer, Long>[] terms) {
    double valueA = instance.candidates[o][a].value();
    double valueB = instance.candidates[o][b].value();
    if (valueA < valueB || instance.candidateStart[o][a] > instance.candidateStart[o][b]) {
      return false;
    }
    Set<Integer> used = new HashSet<>(terms[a].keySet());
    used.addAll(terms[b].keySet());
    boolean strictly =
        valueA > valueB || instance.candidateStart[o][a] < instance.candidateStart[o][b];
    for (int row : used) {
      long useA = terms[a].getOrDefault(row, 0L);
      long useB = terms[b].getOrDefault(row, 0L);
      if (rows.lower(row) != Long.MIN_VALUE ? useA != useB : useA > useB) {
        return false;
      }
      strictly |= useA < useB;
    }
    return strictly || a < b;
  }
}
