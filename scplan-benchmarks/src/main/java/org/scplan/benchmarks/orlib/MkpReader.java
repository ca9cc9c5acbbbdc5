package org.scplan.benchmarks.orlib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the OR-Library multidimensional knapsack files. Errors name the file, the problem and the
 * line.
 *
 * <ul>
 *   <li>{@code mknap1.txt} and {@code mknapcb1.txt}…{@code mknapcb9.txt}: the number of problems;
 *       then per problem {@code n m optimum} (0 if unknown), the n profits, m rows of n weights,
 *       the m capacities.
 *   <li>{@code mknap2.txt}: free text, then per problem a line {@code problem NAME.DAT}, {@code m
 *       n}, the n profits, the m capacities, m rows of n weights, and the optimum.
 *   <li>{@code mkcbres_parsed.csv}: Chu and Beasley's best-known values by instance name.
 * </ul>
 */
public final class MkpReader {
  private MkpReader() {}

  /** A number token with the line it came from. */
  private record Token(String text, int line) {}

  /** The tokens of one problem, read in order with located errors. */
  private static final class Tokens {
    private final String source;
    private final List<Token> tokens;
    private int next;

    Tokens(String source, List<Token> tokens) {
      this.source = source;
      this.tokens = tokens;
    }

    boolean hasNext() {
      return next < tokens.size();
    }

    private Token take(String what) {
      if (next >= tokens.size()) {
        int line = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).line();
        throw new IllegalArgumentException(
            source + ": the data ends after line " + line + " where " + what + " was expected");
      }
      return tokens.get(next++);
    }

    double decimal(String what) {
      Token token = take(what);
      try {
        return new BigDecimal(token.text()).doubleValue();
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            source
                + " line "
                + token.line()
                + ": "
                + what
                + " '"
                + token.text()
                + "' is not a number",
            e);
      }
    }

    long integer(String what) {
      Token token = take(what);
      try {
        long value = new BigDecimal(token.text()).longValueExact();
        if (value < 0) {
          throw new IllegalArgumentException(
              source + " line " + token.line() + ": " + what + " is negative: " + value);
        }
        return value;
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalArgumentException(
            source
                + " line "
                + token.line()
                + ": "
                + what
                + " '"
                + token.text()
                + "' is not a whole number",
            e);
      }
    }

    int count(String what) {
      long value = integer(what);
      if (value < 1 || value > 100_000) {
        throw new IllegalArgumentException(source + ": " + what + " " + value + " is out of range");
      }
      return (int) value;
    }
  }

  private static List<Token> tokenize(List<String> lines, int from, int to) {
    List<Token> tokens = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String line = lines.get(i);
      int comment = line.indexOf("//");
      String data = comment >= 0 ? line.substring(0, comment) : line;
      if (data.trim().startsWith("+")) {
        continue;
      }
      for (String text : data.trim().split("\\s+")) {
        if (!text.isEmpty()) {
          tokens.add(new Token(text, i + 1));
        }
      }
    }
    return tokens;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads a file in the {@code mknap1.txt} / {@code mknapcb*.txt} format; problem k (from 1) is
   * named {@code namePrefix + k}. A stated optimum of 0 means unknown.
   */
  public static List<MkpInstance> readBeasley(Path file, String namePrefix) {
    List<String> lines = lines(file);
    Tokens tokens =
        new Tokens(String.valueOf(file.getFileName()), tokenize(lines, 0, lines.size()));
    int problems = tokens.count("the number of problems");
    List<MkpInstance> instances = new ArrayList<>(problems);
    for (int k = 1; k <= problems; k++) {
      String name = namePrefix + k;
      String where = "problem " + k + " (" + name + ")";
      int n = tokens.count(where + " item count n");
      int m = tokens.count(where + " dimension count m");
      double optimum = tokens.decimal(where + " optimum");
      double[] profits = new double[n];
      for (int j = 0; j < n; j++) {
        profits[j] = tokens.decimal(where + " profit of item " + (j + 1));
      }
      long[][] weights = new long[m][n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          weights[i][j] =
              tokens.integer(where + " weight of item " + (j + 1) + " in dimension " + (i + 1));
        }
      }
      long[] capacities = new long[m];
      for (int i = 0; i < m; i++) {
        capacities[i] = tokens.integer(where + " capacity of dimension " + (i + 1));
      }
      instances.add(
          new MkpInstance(
              name, profits, weights, capacities, optimum > 0 ? optimum : null, optimum > 0));
    }
    return instances;
  }

  /** Reads {@code mknap2.txt}: every {@code problem NAME.DAT} section, with its stated optimum. */
  public static List<MkpInstance> readMknap2(Path file) {
    List<String> lines = lines(file);
    List<Integer> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.startsWith("problem ")) {
        starts.add(i);
        names.add(line.substring("problem ".length()).trim().replaceFirst("(?i)\\.DAT$", ""));
      }
    }
    List<MkpInstance> instances = new ArrayList<>();
    for (int p = 0; p < starts.size(); p++) {
      int end = p + 1 < starts.size() ? starts.get(p + 1) : lines.size();
      String name = names.get(p);
      Tokens tokens =
          new Tokens(
              file.getFileName() + " problem " + name, tokenize(lines, starts.get(p) + 1, end));
      int m = tokens.count("dimension count m");
      int n = tokens.count("item count n");
      double[] profits = new double[n];
      for (int j = 0; j < n; j++) {
        profits[j] = tokens.decimal("profit of item " + (j + 1));
      }
      long[] capacities = new long[m];
      for (int i = 0; i < m; i++) {
        capacities[i] = tokens.integer("capacity of dimension " + (i + 1));
      }
      long[][] weights = new long[m][n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          weights[i][j] = tokens.integer("weight of item " + (j + 1) + " in dimension " + (i + 1));
        }
      }
      double optimum = tokens.decimal("the optimum");
      if (tokens.hasNext()) {
        throw new IllegalArgumentException(
            file.getFileName() + " problem " + name + ": unexpected data after the optimum");
      }
      instances.add(new MkpInstance(name, profits, weights, capacities, optimum, true));
    }
    return instances;
  }

  /**
   * Reads {@code mkcbres_parsed.csv}: instance name (e.g. "5.100-00") to Chu and Beasley's best
   * feasible value. Columns are found by header name.
   */
  public static Map<String, Double> readBestKnown(Path csv) {
    List<String> lines = lines(csv);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(csv + ": empty file, expected a header row");
    }
    List<String> header = List.of(lines.get(0).split(",", -1));
    int nameColumn = header.indexOf("instance");
    int valueColumn = header.indexOf("chu_beasley_best_feasible");
    if (nameColumn < 0 || valueColumn < 0) {
      throw new IllegalArgumentException(
          csv + " row 1: needs columns 'instance' and 'chu_beasley_best_feasible', has " + header);
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (int row = 1; row < lines.size(); row++) {
      if (lines.get(row).isBlank()) {
        continue;
      }
      String[] fields = lines.get(row).split(",", -1);
      if (fields.length != header.size()) {
        throw new IllegalArgumentException(
            csv
                + " row "
                + (row + 1)
                + ": "
                + fields.length
                + " fields, expected "
                + header.size());
      }
      try {
        values.put(fields[nameColumn], Double.parseDouble(fields[valueColumn]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            csv
                + " row "
                + (row + 1)
                + " column "
                + (valueColumn + 1)
                + ": '"
                + fields[valueColumn]
                + "' is not a number",
            e);
      }
    }
    return values;
  }
}
