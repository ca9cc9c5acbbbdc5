package org.scplan.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scplan.time.Deadline;

/**
 * A proven upper bound on the allocation model's objective (points), by Lagrangian relaxation: the
 * rules that tie gaps together (money per program and FY, partner and SCO limits, program caps,
 * balance rules, prerequisites across gaps) are priced out, and what is left splits into one small
 * problem per capability gap (its options, their candidates, exclusion groups and prerequisites
 * inside the gap, locked decisions, the gap's value cap), each solved exactly by enumeration. For
 * any non-negative prices the result is an upper bound on every plan the model admits; a
 * subgradient search over the prices brings it down. See docs/MODEL.md §6.
 *
 * <p>Why it exists: on large scenarios CP-SAT's own bound comes from an LP it may not even finish
 * within the time limit, so the reported gap says little; this bound costs milliseconds per price
 * update and is at least as strong as the LP of the gap-local rules. Deterministic: a fixed number
 * of iterations, unless a {@link Deadline} cuts the search short.
 */
public final class LagrangianBound {
  /** Relative safety margin added to the bound, far above floating-point error in the sums. */
  private static final double SAFETY = 1e-9;

  private final AllocationInstance instance;
  private final int[] offset;
  private final int total;
  private final double[] value;

  /**
   * Per candidate {@code k}: the rows it appears in and its normalized coefficients, at {@code
   * candidateStart[k]..candidateStart[k+1]−1}, rows in increasing order.
   */
  private final int[] candidateStart;

  private final int[] candidateRow;
  private final double[] candidateCoefficient;

  /**
   * The same terms by row (row {@code r} holds {@code rowStart[r]..rowStart[r+1]−1}), so that a
   * step visits only the rows with a positive price.
   */
  private final int[] rowStart;

  private final int[] termCandidate;
  private final double[] termCoefficient;

  /** Per row: its normalized right-hand side (ordinary rows) and whether it prices money. */
  private final double[] rhs;

  private final boolean[] moneyRow;

  /** Per money row: the scale that turns normalized multipliers into points per money unit. */
  private final double[] scale;

  /** Per appropriation: budget (units), lapse penalty (points per unit), its money rows. */
  private final long[] budget;

  private final double[] penalty;
  private final int[][] appropriationRows;
  private final double constant;

  /** Per gap: its options, ordered so that prerequisites inside the gap come first. */
  private final int[][] gapOrder;

  /** Per option: its prerequisites inside its gap, as {prerequisite option, lag}. */
  private final int[][][] localPrerequisites;

  private final boolean[] linked;
  private final int[] groupOf;

  private final double[] weight;
  private final int[][] open;
  private final int[] openCount;
  private final int[] chosen;
  private final int[] bestChoice;

  /**
   * Each option's candidates (at {@code offset[o]..offset[o+1]−1}) by start (for options with
   * prerequisites inside their gap only), then value descending, then index; the flags mark where a
   * new start block and a new value group begin.
   */
  private final int[] byValue;

  private final byte[] orderFlags;
  private static final byte NEW_BLOCK = 1;
  private static final byte NEW_GROUP = 2;
  private final boolean[] undominated;
  private final int[] choice;

  /**
   * The budget of the evaluation under way: the enumeration of a gap's options is exponential in
   * the options of the gap (a gap of many near-equal options, e.g. duplicates, takes minutes for
   * one step), so it checks this every {@link #NODES_PER_CHECK} nodes and abandons the step.
   */
  private Deadline evaluationDeadline = Deadline.none();

  private long nodes;

  /** Enumeration nodes between two looks at the deadline (a power of two, for the mask). */
  private static final int NODES_PER_CHECK = 1 << 12;

  private LagrangianBound(AllocationInstance instance, Deadline deadline) {
    this.instance = instance;
    int n = instance.options.length;
    offset = new int[n + 1];
    for (int o = 0; o < n; o++) {
      offset[o + 1] = offset[o] + instance.candidates[o].length;
    }
    total = offset[n];
    value = new double[total];
    for (int o = 0; o < n; o++) {
      for (int c = 0; c < instance.candidates[o].length; c++) {
        value[offset[o] + c] = instance.candidates[o][c].value();
      }
    }
    LimitRows limits = new LimitRows(instance);
    Rows rows = new Rows(limits.count());
    boolean[] atLeast = new boolean[limits.count()];
    for (int row = 0; row < limits.count(); row++) {
      if (limits.family(row) == LimitRows.Family.PROGRAM_MONEY) {
        rows.set(row, 0, true);
      } else if (limits.upper(row) != Long.MAX_VALUE) {
        rows.set(row, limits.upper(row), false);
      } else {
        // A lower bound, priced as the row negated: −terms ≤ −lower.
        atLeast[row] = true;
        rows.set(row, -limits.lower(row), false);
      }
    }
    for (int o = 0; o < n; o++) {
      deadline.check();
      for (int c = 0; c < instance.candidates[o].length; c++) {
        int k = offset[o] + c;
        limits.forEachTerm(
            o,
            c,
            LimitRows.ALL,
            (row, coefficient) ->
                rows.term(row, k, atLeast[row] ? -(double) coefficient : coefficient));
      }
    }
    int programs = instance.programs.length;
    int count = rows.count();
    rhs = new double[count];
    moneyRow = new boolean[count];
    scale = new double[count];
    for (int r = 0; r < count; r++) {
      double largest = rows.largest(r);
      scale[r] = largest > 0 ? largest : 1;
      rhs[r] = rows.rhs[r] / scale[r];
      moneyRow[r] = rows.money[r];
    }
    // By candidate, each candidate's terms in the order they were added (a stable counting sort);
    // then by row, visiting the candidates in order, so each row's terms are in candidate order.
    candidateStart = new int[total + 1];
    for (int t = 0; t < rows.termCount; t++) {
      candidateStart[rows.termCandidate[t] + 1]++;
    }
    for (int k = 0; k < total; k++) {
      candidateStart[k + 1] += candidateStart[k];
    }
    candidateRow = new int[rows.termCount];
    candidateCoefficient = new double[rows.termCount];
    int[] next = Arrays.copyOf(candidateStart, total);
    for (int t = 0; t < rows.termCount; t++) {
      int at = next[rows.termCandidate[t]]++;
      int r = rows.termRow[t];
      candidateRow[at] = r;
      candidateCoefficient[at] = rows.termCoefficient[t] / scale[r];
    }
    rowStart = new int[count + 1];
    for (int t = 0; t < candidateRow.length; t++) {
      rowStart[candidateRow[t] + 1]++;
    }
    for (int r = 0; r < count; r++) {
      rowStart[r + 1] += rowStart[r];
    }
    termCandidate = new int[candidateRow.length];
    termCoefficient = new double[candidateRow.length];
    int[] filled = Arrays.copyOf(rowStart, count);
    for (int k = 0; k < total; k++) {
      for (int t = candidateStart[k]; t < candidateStart[k + 1]; t++) {
        int at = filled[candidateRow[t]]++;
        termCandidate[at] = k;
        termCoefficient[at] = candidateCoefficient[t];
      }
    }
    List<long[]> lines = new ArrayList<>();
    List<int[]> lineRows = new ArrayList<>();
    double penaltyPerUnit =
        instance.scenario.policy().lapsePenaltyPointsPerMillion()
            * instance.resolution
            / 1_000_000.0;
    double fixed = 0;
    for (int p = 0; p < programs; p++) {
      for (AllocationInstance.AppropriationLine line : instance.appropriations[p]) {
        List<Integer> available = new ArrayList<>();
        for (int y = 0; y < instance.years; y++) {
          int fiscalYear = instance.firstFiscalYear + y;
          if (line.firstFiscalYear() <= fiscalYear
              && fiscalYear <= line.lastFiscalYear()
              && rows.hasTerms(limits.moneyRow(p, y))) {
            available.add(limits.moneyRow(p, y));
          }
        }
        double linePenalty = line.expiresInHorizon() ? penaltyPerUnit : 0;
        fixed -= linePenalty * line.budgetUnits();
        lines.add(new long[] {line.budgetUnits(), Double.doubleToLongBits(linePenalty)});
        lineRows.add(available.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    constant = fixed;
    budget = new long[lines.size()];
    penalty = new double[lines.size()];
    appropriationRows = lineRows.toArray(new int[0][]);
    for (int a = 0; a < lines.size(); a++) {
      budget[a] = lines.get(a)[0];
      penalty[a] = Double.longBitsToDouble(lines.get(a)[1]);
    }
    groupOf = new int[n];
    Arrays.fill(groupOf, -1);
    for (int g = 0; g < instance.exclusionGroups.length; g++) {
      for (int o : instance.exclusionGroups[g]) {
        groupOf[o] = g;
      }
    }
    localPrerequisites = new int[n][][];
    linked = new boolean[n];
    for (int o = 0; o < n; o++) {
      List<int[]> local = new ArrayList<>();
      for (int[] prerequisite : instance.prerequisites[o]) {
        if (instance.optionGap[prerequisite[0]] == instance.optionGap[o]) {
          local.add(prerequisite);
          linked[o] = true;
          linked[prerequisite[0]] = true;
        }
      }
      localPrerequisites[o] = local.toArray(new int[0][]);
    }
    gapOrder = new int[instance.gapOptions.length][];
    for (int g = 0; g < gapOrder.length; g++) {
      gapOrder[g] = prerequisitesFirst(instance.gapOptions[g]);
    }
    weight = new double[total];
    open = new int[n][];
    for (int o = 0; o < n; o++) {
      open[o] = new int[instance.candidates[o].length];
    }
    openCount = new int[n];
    chosen = new int[n];
    bestChoice = new int[n];
    int most = 0;
    for (int o = 0; o < n; o++) {
      most = Math.max(most, instance.candidates[o].length);
    }
    undominated = new boolean[most];
    byValue = new int[total];
    orderFlags = new byte[total];
    for (int o = 0; o < n; o++) {
      deadline.check();
      int base = offset[o];
      int[] starts = instance.candidateStart[o];
      boolean byStart = linked[o];
      int[] order =
          java.util.stream.IntStream.range(0, instance.candidates[o].length)
              .boxed()
              .sorted(
                  java.util.Comparator.<Integer>comparingInt(c -> byStart ? starts[c] : 0)
                      .thenComparing(c -> value[base + c], java.util.Comparator.reverseOrder())
                      .thenComparingInt(c -> c))
              .mapToInt(Integer::intValue)
              .toArray();
      for (int i = 0; i < order.length; i++) {
        boolean block = i == 0 || (byStart && starts[order[i]] != starts[order[i - 1]]);
        boolean group = block || value[base + order[i]] != value[base + order[i - 1]];
        byValue[base + i] = order[i];
        orderFlags[base + i] = (byte) ((block ? NEW_BLOCK : 0) | (group ? NEW_GROUP : 0));
      }
    }
    choice = new int[n];
  }

  /**
   * The bound after {@code iterations} subgradient steps, in points of the model's net objective
   * (risk reduced minus lapse penalty). {@code lowerBound} is the objective of a known plan (a
   * target for the step size; any value not above the optimum is safe, and a better one converges
   * faster). Returns positive infinity if {@code iterations} is 0.
   */
  public static double compute(AllocationInstance instance, double lowerBound, int iterations) {
    Search search = start(instance, lowerBound);
    search.run(iterations, Deadline.none(), bound -> {});
    return search.bound();
  }

  /**
   * A subgradient search that can be run in several stretches (the allocator runs it before CP-SAT,
   * then lets it go on beside the solve). Confined to one thread at a time.
   */
  public static Search start(AllocationInstance instance, double lowerBound) {
    return start(instance, lowerBound, Deadline.none());
  }

  /**
   * {@link #start(AllocationInstance, double)} within {@code deadline}: the setup of the rows takes
   * seconds on the largest scenarios.
   *
   * @throws Deadline.Exceeded if {@code deadline} expires during the setup
   */
  public static Search start(AllocationInstance instance, double lowerBound, Deadline deadline) {
    return new LagrangianBound(instance, deadline).new Search(lowerBound);
  }

  /**
   * What the relaxation suggests at some prices: the relaxation's bound so far (points), the
   * candidate each option takes in the relaxed optimum (−1: none), and per candidate its value
   * minus its priced use of every relaxed rule (points), indexed by option and candidate.
   */
  public record Guidance(double bound, int[] choice, double[][] reducedProfit) {}

  /** Number of funding candidates (program × start FY over all options). */
  public static int candidateCount(AllocationInstance instance) {
    int count = 0;
    for (var candidates : instance.candidates) {
      count += candidates.length;
    }
    return count;
  }

  /** The state of one subgradient search: prices, step, the best bound and its prices. */
  public final class Search {
    private final double lowerBound;
    private final double[] price = new double[rhs.length];
    private final double[] gradient = new double[rhs.length];
    private double best = Double.POSITIVE_INFINITY;
    private double[] bestPrice;
    private double step = 2.0;
    private int sinceImprovement;
    private int iteration;
    private boolean converged;

    private Search(double lowerBound) {
      this.lowerBound = lowerBound;
      initialPrices(price);
    }

    /**
     * Steps until {@code iterations} steps in all have been made, the search has converged, or
     * {@code stop} answers true (asked before every step but the very first); {@code improved}
     * hears every better bound (points).
     */
    public void run(
        int iterations,
        java.util.function.BooleanSupplier stop,
        java.util.function.DoubleConsumer improved) {
      run(iterations, Deadline.none().orWhen(() -> iteration > 0 && stop.getAsBoolean()), improved);
    }

    /**
     * Steps until {@code iterations} steps in all have been made, the search has converged, or
     * {@code deadline} expires: it is asked before every step and inside it, and a step it cuts
     * short is dropped (the bound so far stays valid, the prices stay those before the step);
     * {@code improved} hears every better bound (points).
     */
    public void run(int iterations, Deadline deadline, java.util.function.DoubleConsumer improved) {
      while (iteration < iterations && !converged) {
        if (deadline.expired()) {
          return;
        }
        double bound;
        try {
          bound = evaluate(price, gradient, deadline);
        } catch (Deadline.Exceeded e) {
          return;
        }
        iteration++;
        if (bound < best - 1e-9 * Math.abs(bound)) {
          best = bound;
          bestPrice = price.clone();
          sinceImprovement = 0;
          improved.accept(bound());
        } else if (++sinceImprovement >= 20) {
          step /= 2;
          sinceImprovement = 0;
        }
        double norm = 0;
        for (int r = 0; r < gradient.length; r++) {
          if (price[r] > 0 || gradient[r] < 0) {
            norm += gradient[r] * gradient[r];
          }
        }
        if (norm == 0 || bound - lowerBound <= 1e-9 * Math.abs(bound)) {
          converged = true;
          return;
        }
        double move = step * (bound - lowerBound) / norm;
        for (int r = 0; r < price.length; r++) {
          price[r] = Math.max(0, price[r] - move * gradient[r]);
        }
      }
    }

    /** The best bound so far (points), with its safety margin; positive infinity before a step. */
    public double bound() {
      return best + SAFETY * Math.abs(best) + SAFETY;
    }

    /** Steps made so far. */
    public int iterations() {
      return iteration;
    }

    /** Whether the search stopped for good (no gradient left, or the target reached). */
    public boolean converged() {
      return converged;
    }

    /** What the relaxation suggests at its best prices so far, or null before the first step. */
    public Guidance guidance() {
      return guidance(Deadline.none());
    }

    /**
     * What the relaxation suggests at its best prices so far (one more evaluation, which {@code
     * deadline} can cut short), or null before the first step or when cut short.
     */
    public Guidance guidance(Deadline deadline) {
      if (bestPrice == null) {
        return null;
      }
      try {
        return guidanceAt(bestPrice, bound(), deadline);
      } catch (Deadline.Exceeded e) {
        return null;
      }
    }
  }

  private Guidance guidanceAt(double[] price, double bound, Deadline deadline) {
    evaluate(price, new double[rhs.length], deadline);
    double[][] reduced = new double[instance.options.length][];
    for (int o = 0; o < reduced.length; o++) {
      reduced[o] = new double[instance.candidates[o].length];
      for (int c = 0; c < reduced[o].length; c++) {
        int k = offset[o] + c;
        reduced[o][c] = value[k] - weight[k];
      }
    }
    return new Guidance(bound, bestChoice.clone(), reduced);
  }

  /** Money priced at the value per money unit of the best-valued options, other rows at 0. */
  private void initialPrices(double[] price) {
    double valueSum = 0;
    double moneySum = 0;
    for (int o = 0; o < instance.options.length; o++) {
      if (instance.candidates[o].length > 0) {
        double best = 0;
        for (int c = 0; c < instance.candidates[o].length; c++) {
          best = Math.max(best, value[offset[o] + c]);
        }
        valueSum += best;
        moneySum += instance.totalCostUnits[o];
      }
    }
    double perUnit = moneySum > 0 ? valueSum / moneySum : 0;
    for (int r = 0; r < price.length; r++) {
      price[r] = moneyRow[r] ? perUnit * scale[r] : 0;
    }
  }

  /**
   * The Lagrangian function at {@code price} and its subgradient (written into {@code gradient}).
   *
   * @throws Deadline.Exceeded when {@code deadline} expires first (the results are then partial)
   */
  private double evaluate(double[] price, double[] gradient, Deadline deadline) {
    evaluationDeadline = deadline;
    nodes = 0;
    double bound = constant;
    Arrays.fill(gradient, 0);
    for (int r = 0; r < rhs.length; r++) {
      if (!moneyRow[r]) {
        bound += price[r] * rhs[r];
        gradient[r] = rhs[r];
      }
    }
    for (int a = 0; a < budget.length; a++) {
      double best = 0;
      int bestRow = -1;
      for (int r : appropriationRows[a]) {
        double worth = penalty[a] + price[r] / scale[r];
        if (worth > best) {
          best = worth;
          bestRow = r;
        }
      }
      bound += budget[a] * best;
      if (bestRow >= 0) {
        gradient[bestRow] += budget[a] / scale[bestRow];
      }
    }
    // Row by row, skipping unpriced rows: each candidate's rows are in increasing order, so every
    // weight is the same sum, in the same order, as over the candidate's own rows.
    Arrays.fill(weight, 0);
    for (int r = 0; r < price.length; r++) {
      double p = price[r];
      if (p == 0) {
        continue;
      }
      for (int t = rowStart[r]; t < rowStart[r + 1]; t++) {
        weight[termCandidate[t]] += p * termCoefficient[t];
      }
    }
    for (int g = 0; g < gapOrder.length; g++) {
      bound += solveGap(g);
      for (int o : gapOrder[g]) {
        int c = bestChoice[o];
        if (c >= 0) {
          int k = offset[o] + c;
          for (int t = candidateStart[k]; t < candidateStart[k + 1]; t++) {
            gradient[candidateRow[t]] -= candidateCoefficient[t];
          }
        }
      }
    }
    return bound;
  }

  private double gapBest;
  private double gapCap;

  /** The best priced value of gap {@code g}; leaves the choice per option in bestChoice. */
  private double solveGap(int g) {
    int[] order = gapOrder[g];
    gapCap = instance.gapMaximumValue[g];
    gapBest = Double.NEGATIVE_INFINITY;
    for (int o : order) {
      chosen[o] = -1;
      openCandidates(o);
    }
    enumerate(order, 0, 0, 0);
    return gapBest;
  }

  private void enumerate(int[] order, int depth, double valueSoFar, double weightSoFar) {
    if ((++nodes & (NODES_PER_CHECK - 1)) == 0) {
      evaluationDeadline.check();
    }
    if (depth == order.length) {
      double objective = Math.min(gapCap, valueSoFar) - weightSoFar;
      if (objective > gapBest) {
        gapBest = objective;
        for (int o : order) {
          bestChoice[o] = choice[o];
        }
      }
      return;
    }
    int o = order[depth];
    int locked = instance.lockedCandidate[o];
    if (locked < 0) {
      choice[o] = -1;
      chosen[o] = -1;
      enumerate(order, depth + 1, valueSoFar, weightSoFar);
    }
    if (groupOf[o] >= 0 && groupTaken(order, depth, groupOf[o])) {
      return;
    }
    int[] list = open[o];
    for (int i = 0; i < openCount[o]; i++) {
      int c = list[i];
      int k = offset[o] + c;
      if (!prerequisitesHold(o, c)) {
        continue;
      }
      choice[o] = c;
      chosen[o] = c;
      enumerate(order, depth + 1, valueSoFar + value[k], weightSoFar + weight[k]);
    }
    chosen[o] = -1;
    choice[o] = -1;
  }

  /**
   * The candidates of option {@code o} the enumeration tries at the current prices: the locked one,
   * or those no other candidate dominates; for an option with prerequisites inside its gap only a
   * candidate with the same start FY can dominate (an earlier or later start can matter to a
   * prerequisite).
   */
  private void openCandidates(int o) {
    int count = 0;
    int locked = instance.lockedCandidate[o];
    if (locked >= 0) {
      open[o][count++] = locked;
      openCount[o] = count;
      return;
    }
    markUndominated(o);
    for (int c = 0; c < instance.candidates[o].length; c++) {
      if (undominated[c]) {
        open[o][count++] = c;
      }
    }
    openCount[o] = count;
  }

  /**
   * Marks in {@code undominated} the candidates of option {@code o} that no other candidate
   * dominates, so that skipping the others cannot lose the gap's best: {@code d} dominates {@code
   * c} when it gives at least as much value for at most the price, strictly better in one of the
   * two or else of lower index (and, for an option with prerequisites inside its gap, only with the
   * same start FY, as an earlier or later start can matter to a prerequisite). One pass over the
   * option's candidates in their fixed order of value descending ({@link #byValue}): a candidate is
   * dominated by one of strictly higher value exactly when that one weighs no more, and within
   * equal values only the lightest (then the lowest index) survives. For an option with
   * prerequisites inside its gap, domination is only among candidates of the same start, and the
   * order starts a new block at each start. This replaces comparing every pair at every step, which
   * was most of a step on large scenarios.
   */
  private void markUndominated(int o) {
    int base = offset[o];
    int last = offset[o + 1];
    double lightestBefore = Double.POSITIVE_INFINITY;
    for (int i = base; i < last; ) {
      if ((orderFlags[i] & NEW_BLOCK) != 0) {
        lightestBefore = Double.POSITIVE_INFINITY;
      }
      int best = -1;
      double bestWeight = Double.POSITIVE_INFINITY;
      int end = i;
      do {
        int c = byValue[end];
        undominated[c] = false;
        double w = weight[base + c];
        if (best < 0 || w < bestWeight || (w == bestWeight && c < best)) {
          best = c;
          bestWeight = w;
        }
        end++;
      } while (end < last && (orderFlags[end] & NEW_GROUP) == 0);
      if (bestWeight < lightestBefore) {
        undominated[best] = true;
      }
      lightestBefore = Math.min(lightestBefore, bestWeight);
      i = end;
    }
  }

  private boolean groupTaken(int[] order, int depth, int group) {
    for (int i = 0; i < depth; i++) {
      if (groupOf[order[i]] == group && chosen[order[i]] >= 0) {
        return true;
      }
    }
    return false;
  }

  private boolean prerequisitesHold(int o, int c) {
    int start = instance.candidateStart[o][c];
    for (int[] prerequisite : localPrerequisites[o]) {
      int before = chosen[prerequisite[0]];
      if (before < 0
          || instance.candidateStart[prerequisite[0]][before] + prerequisite[1] > start) {
        return false;
      }
    }
    return true;
  }

  /** The gap's options with every in-gap prerequisite before its dependents. */
  private int[] prerequisitesFirst(int[] options) {
    List<Integer> ordered = new ArrayList<>();
    boolean[] placed = new boolean[instance.options.length];
    for (int o : options) {
      place(o, placed, ordered, 0);
    }
    return ordered.stream().mapToInt(Integer::intValue).toArray();
  }

  private void place(int o, boolean[] placed, List<Integer> ordered, int depth) {
    if (placed[o] || depth > instance.options.length) {
      return;
    }
    for (int[] prerequisite : localPrerequisites[o]) {
      place(prerequisite[0], placed, ordered, depth + 1);
    }
    if (!placed[o]) {
      placed[o] = true;
      ordered.add(o);
    }
  }

  /**
   * Rows under construction: right-hand sides, and every (row, candidate, coefficient) term in the
   * order added, in primitive arrays (a list of boxed pairs per candidate made the setup on {@code
   * global}, 3.7 million terms, take longer than 60 subgradient steps).
   */
  private static final class Rows {
    private final double[] rhs;
    private final boolean[] money;
    private final double[] largest;
    private int[] termRow = new int[1024];
    private int[] termCandidate = new int[1024];
    private double[] termCoefficient = new double[1024];
    private int termCount;

    /** Rows {@code 0..count−1}, each with right-hand side 0 and not money until {@link #set}. */
    Rows(int count) {
      rhs = new double[count];
      money = new boolean[count];
      largest = new double[count];
    }

    void set(int row, double rightHandSide, boolean isMoney) {
      rhs[row] = rightHandSide;
      money[row] = isMoney;
    }

    void term(int row, int candidate, double coefficient) {
      if (coefficient == 0) {
        return;
      }
      if (termCount == termRow.length) {
        termRow = Arrays.copyOf(termRow, 2 * termCount);
        termCandidate = Arrays.copyOf(termCandidate, 2 * termCount);
        termCoefficient = Arrays.copyOf(termCoefficient, 2 * termCount);
      }
      termRow[termCount] = row;
      termCandidate[termCount] = candidate;
      termCoefficient[termCount] = coefficient;
      termCount++;
      largest[row] = Math.max(largest[row], Math.abs(coefficient));
    }

    boolean hasTerms(int row) {
      return largest[row] > 0;
    }

    double largest(int row) {
      return largest[row];
    }

    int count() {
      return rhs.length;
    }
  }
}
