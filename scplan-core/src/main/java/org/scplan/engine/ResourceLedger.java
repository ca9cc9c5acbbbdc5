package org.scplan.engine;

/**
 * Running use of every limited resource by a set of funded candidates: the use of each of the
 * {@link LimitRows} (program money, checked as a flow over appropriations soonest expiring first,
 * partner absorptive capacity and sustainment budget, per-partner program caps, SCO staff and
 * balance rules), in the model units of {@link AllocationInstance}, and the dollars obligated per
 * FY (the base of every share rule). Lets a heuristic add and remove candidates and ask which
 * limit, if any, is broken. Not thread-safe.
 */
public final class ResourceLedger {
  private final AllocationInstance instance;
  private final LimitRows rows;
  private final long[] use;
  private final long[] obligatedDollars;
  private final int[] minimumRows;
  private final Adder adder = new Adder();
  private final Probe probe = new Probe();

  /** An empty ledger: nothing funded. */
  public ResourceLedger(AllocationInstance instance) {
    this.instance = instance;
    this.rows = new LimitRows(instance);
    use = new long[rows.count()];
    obligatedDollars = new long[instance.years];
    minimumRows =
        java.util.stream.IntStream.range(0, rows.count())
            .filter(row -> rows.lower(row) != Long.MIN_VALUE)
            .toArray();
  }

  /** The rows this ledger counts. */
  public LimitRows rows() {
    return rows;
  }

  /**
   * Adds {@code sign ×} each term it is handed to the rows' use, and keeps the rows of the last
   * candidate added: a heuristic asks about a candidate right after adding it, and these rows
   * answer without computing its terms again.
   */
  private final class Adder implements LimitRows.TermSink {
    private long sign;
    private int option = -1;
    private int candidate;
    private int[] rowsAdded = new int[64];
    private int added;

    @Override
    public void term(int row, long coefficient) {
      use[row] += sign * coefficient;
      if (sign > 0) {
        if (added == rowsAdded.length) {
          rowsAdded = java.util.Arrays.copyOf(rowsAdded, 2 * added);
        }
        rowsAdded[added++] = row;
      }
    }
  }

  /** Adds ({@code sign = 1}) or removes ({@code sign = −1}) a funded candidate. */
  public void apply(int option, int candidate, int sign) {
    adder.sign = sign;
    adder.added = 0;
    adder.option = sign > 0 ? option : -1;
    adder.candidate = candidate;
    rows.forEachTerm(option, candidate, LimitRows.ALL, adder);
    for (int y = 0; y < instance.years; y++) {
      obligatedDollars[y] += sign * instance.obligationDollars(option, candidate, y);
    }
  }

  /** The use of {@code row}, in its units. */
  public long use(int row) {
    return use[row];
  }

  /** Dollars obligated in horizon year index {@code year}, or over the horizon for −1. */
  public long obligatedDollars(int year) {
    if (year >= 0) {
      return obligatedDollars[year];
    }
    long total = 0;
    for (long dollars : obligatedDollars) {
      total += dollars;
    }
    return total;
  }

  /**
   * The first row broken around a candidate, or −1 when all hold: its program's money (a
   * program-money row: the year that cannot be paid), then the limits it uses, then, when {@code
   * checkMinimums} is set, every minimum (a plan under construction may not have reached them yet).
   * The limits the candidate does not use are not looked at: a ledger only ever grows from a plan
   * that keeps them.
   */
  public int brokenRowAround(int option, int candidate, boolean checkMinimums) {
    int money = unpaidRow(instance.candidateProgram[option][candidate]);
    if (money >= 0) {
      return money;
    }
    probe.broken = -1;
    probe.minimums = checkMinimums;
    if (option == adder.option && candidate == adder.candidate) {
      // Program-money rows among them never break by their own bounds (there are none).
      for (int i = 0; i < adder.added; i++) {
        probe.term(adder.rowsAdded[i], 0);
      }
    } else {
      rows.forEachTerm(option, candidate, LimitRows.LIMITS, probe);
    }
    if (probe.broken >= 0 || !checkMinimums) {
      return probe.broken;
    }
    return unmetMinimumRow();
  }

  /** Finds the first row handed to it that is out of its bounds. */
  private final class Probe implements LimitRows.TermSink {
    private int broken;
    private boolean minimums;

    @Override
    public void term(int row, long coefficient) {
      if (broken < 0 && breaks(row, minimums)) {
        broken = row;
      }
    }
  }

  /** The first row whose minimum is not met (balance-rule minimums), or −1. */
  public int unmetMinimumRow() {
    for (int row : minimumRows) {
      if (use[row] < rows.lower(row)) {
        return row;
      }
    }
    return -1;
  }

  /** Whether every hard limit holds; minimums only when {@code checkMinimums}. */
  public boolean feasible(boolean checkMinimums) {
    for (int p = 0; p < instance.programs.length; p++) {
      if (unpaidRow(p) >= 0) {
        return false;
      }
    }
    for (int row = 0; row < use.length; row++) {
      if (rows.family(row) != LimitRows.Family.PROGRAM_MONEY && breaks(row, checkMinimums)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the use of {@code row} breaks its bounds; its lower bound only if {@code minimums}. */
  private boolean breaks(int row, boolean minimums) {
    return use[row] > rows.upper(row) || (minimums && use[row] < rows.lower(row));
  }

  /** In words: the first row broken around a candidate (see {@link #brokenRowAround}). */
  public String words(int row) {
    if (rows.family(row) == LimitRows.Family.PROGRAM_MONEY) {
      return "appropriations of program '"
          + instance.programs[rows.subject(row)].name()
          + "' in FY"
          + (instance.firstFiscalYear + rows.year(row));
    }
    return rows.rule(row).name();
  }

  /** The program-money row of the first year the program's appropriations cannot pay, or −1. */
  private int unpaidRow(int program) {
    long[] unpaid =
        rows.pay(program, needs(program), new long[instance.appropriations[program].length], null);
    for (int y = 0; y < unpaid.length; y++) {
      if (unpaid[y] > 0) {
        return rows.moneyRow(program, y);
      }
    }
    return -1;
  }

  /** The program's obligations per horizon year, in money units. */
  public long[] needs(int program) {
    long[] needs = new long[instance.years];
    for (int y = 0; y < needs.length; y++) {
      needs[y] = use[rows.moneyRow(program, y)];
    }
    return needs;
  }

  /**
   * Units of the program's appropriations that expire inside the horizon and are left undrawn, with
   * the obligations paid as {@link org.scplan.plan.PlanAssembler} pays them ({@link
   * LimitRows#pay}). Assumes the program's obligations fit ({@link #brokenRowAround} found
   * nothing).
   */
  public long lapsedUnits(int program) {
    AllocationInstance.AppropriationLine[] lines = instance.appropriations[program];
    long[] remaining = new long[lines.length];
    rows.pay(program, needs(program), remaining, null);
    long lapsed = 0;
    for (int a = 0; a < lines.length; a++) {
      if (lines[a].expiresInHorizon()) {
        lapsed += remaining[a];
      }
    }
    return lapsed;
  }
}
