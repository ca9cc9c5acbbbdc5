package org.scplan.engine;

import java.util.Arrays;
import java.util.Comparator;
import org.scplan.engine.AllocationInstance.AppropriationLine;
import org.scplan.explain.Rule;
import org.scplan.explain.RuleKind;
import org.scplan.scenario.BalanceRule;

/**
 * Every rule that ties funding candidates together through a shared resource, written once as rows
 * {@code lower ≤ Σ coefficient × x[o][c] ≤ upper} over the candidates of an {@link
 * AllocationInstance} (docs/MODEL.md §4–5): program obligations per FY (paid from appropriations,
 * soonest expiring first, by {@link #pay}), partner absorptive capacity and sustainment budget,
 * per-partner program caps, SCO staff and the four bounds of each balance rule. Coefficients are in
 * the instance's model units (money units, tenths of a person-week; balance rules in dollars and,
 * for shares, dollars × 10,000); a rule with no limit has no row. Each row is named in planners'
 * words by {@link #rule(int)}.
 *
 * <p>The CP-SAT model, the Lagrangian relaxation, the resource ledger and the crowding analysis all
 * read these rows; {@code PlanChecker} and the brute force do not, so that they check the rules
 * independently. Rows are numbered family by family in the order the model adds them: program money
 * (program, FY), partner limits (partner, FY, absorptive then sustainment), program caps (program,
 * partner, FY), SCO staff (SCO, FY), balance rules (rule, FY or the horizon, then minimum share,
 * maximum share, minimum amount, maximum amount). Nothing is stored per candidate: {@link
 * #forEachTerm} computes a candidate's terms when asked. Immutable and thread-safe.
 */
public final class LimitRows {
  /** A kind of row. */
  public enum Family {
    /** Obligations of a program in one FY (money units); paid by {@link #pay}, not bounded. */
    PROGRAM_MONEY,
    /** Cost a partner executes in one FY (money units) within its absorptive capacity. */
    ABSORPTIVE_CAPACITY,
    /** Sustainment a partner pays in one FY (money units) within its sustainment budget. */
    SUSTAINMENT_BUDGET,
    /** Obligations of one program for one partner in one FY (money units) within the cap. */
    PROGRAM_CAP,
    /** Workload of one SCO in one FY (tenths of a person-week) within its staff capacity. */
    SCO_STAFF,
    /** One bound of a balance rule, in one FY or over the horizon (dollars). */
    BALANCE;

    /** This family alone, as a mask for {@link #forEachTerm(int, int, int, TermSink)}. */
    public int mask() {
      return 1 << ordinal();
    }
  }

  /** Every family, as a mask. */
  public static final int ALL = (1 << Family.values().length) - 1;

  /** Every family but program money: the rows that limit by their own bounds, as a mask. */
  public static final int LIMITS = ALL & ~Family.PROGRAM_MONEY.mask();

  /**
   * The families whose rows are numbered together, one mask per block, in row order (program money
   * first): a consumer that builds the rows block by block adds them in row order.
   */
  private static final int[] BLOCKS = {
    Family.PROGRAM_MONEY.mask(),
    Family.ABSORPTIVE_CAPACITY.mask() | Family.SUSTAINMENT_BUDGET.mask(),
    Family.PROGRAM_CAP.mask(),
    Family.SCO_STAFF.mask(),
    Family.BALANCE.mask()
  };

  /** The families of capacity rows, as a mask. */
  public static final int CAPACITIES =
      Family.ABSORPTIVE_CAPACITY.mask()
          | Family.SUSTAINMENT_BUDGET.mask()
          | Family.PROGRAM_CAP.mask()
          | Family.SCO_STAFF.mask();

  /** Receives a candidate's terms. */
  @FunctionalInterface
  public interface TermSink {
    /** Candidate uses {@code coefficient} (never 0) of row {@code row}. */
    void term(int row, long coefficient);
  }

  /** Receives the draws of {@link #pay}. */
  @FunctionalInterface
  public interface Payment {
    /** {@code units} (money units, possibly 0) drawn from appropriation line {@code line}. */
    void draw(int line, int year, long units);
  }

  /** Balance kinds in row order. */
  private static final RuleKind[] BALANCE_KINDS = {
    RuleKind.BALANCE_MINIMUM_SHARE,
    RuleKind.BALANCE_MAXIMUM_SHARE,
    RuleKind.BALANCE_MINIMUM_AMOUNT,
    RuleKind.BALANCE_MAXIMUM_AMOUNT
  };

  /** Per balance kind, its place when breaches are reported: maximums before minimums. */
  private static final int[] MAXIMUMS_FIRST = {2, 0, 3, 1};

  private final AllocationInstance instance;
  private final int years;
  private final int count;
  private final Family[] family;
  private final long[] lower;
  private final long[] upper;

  /** Per row: its program, partner, SCO or balance rule. */
  private final int[] subject;

  /** Per row: the partner of a program cap. */
  private final int[] partnerOf;

  /** Per row: its horizon year index, or −1 for a balance bound over the horizon. */
  private final int[] yearOf;

  /** Per row: the kind of a balance bound (index into {@link #BALANCE_KINDS}). */
  private final int[] balanceKind;

  /** Per (partner, year): the row, or −1 where the partner has no such limit. */
  private final int[] absorptiveRow;

  private final int[] sustainmentRow;

  /** Per program: the row of (partner 0, year 0) of its cap, or −1 for an uncapped program. */
  private final int[] capFirst;

  /** Per (SCO, year): the row, or −1 for an unlimited office. */
  private final int[] staffRow;

  /** Per balance rule: its first row, its rows per period and each kind's slot (−1: absent). */
  private final int[] balanceFirst;

  private final int[] balanceStride;
  private final int[][] balanceSlot;
  private final long[] minimumBasis;
  private final long[] maximumBasis;
  private final boolean[] shares;

  /** Per program: its appropriation lines in the order money is drawn. */
  private final int[][] drawOrder;

  /** Describes the rows of {@code instance}. */
  public LimitRows(AllocationInstance instance) {
    this.instance = instance;
    this.years = instance.years;
    int partners = instance.partners.length;
    int offices = instance.scoCapacityTenths.length;
    int rules = instance.balanceRules.length;
    Layout layout = new Layout();
    for (int p = 0; p < instance.programs.length; p++) {
      for (int y = 0; y < years; y++) {
        layout.add(Family.PROGRAM_MONEY, Long.MIN_VALUE, Long.MAX_VALUE, p, y);
      }
    }
    absorptiveRow = new int[partners * years];
    sustainmentRow = new int[partners * years];
    for (int partner = 0; partner < partners; partner++) {
      for (int y = 0; y < years; y++) {
        absorptiveRow[partner * years + y] =
            layout.limit(Family.ABSORPTIVE_CAPACITY, instance.absorptiveUnits[partner], partner, y);
        sustainmentRow[partner * years + y] =
            layout.limit(
                Family.SUSTAINMENT_BUDGET, instance.sustainmentBudgetUnits[partner], partner, y);
      }
    }
    capFirst = new int[instance.programs.length];
    for (int p = 0; p < capFirst.length; p++) {
      capFirst[p] = -1;
      long cap = instance.programPartnerCapUnits[p];
      if (cap >= AllocationInstance.UNLIMITED) {
        continue;
      }
      for (int partner = 0; partner < partners; partner++) {
        for (int y = 0; y < years; y++) {
          int row = layout.add(Family.PROGRAM_CAP, Long.MIN_VALUE, cap, p, y);
          layout.partnerOf[row] = partner;
          if (capFirst[p] < 0) {
            capFirst[p] = row;
          }
        }
      }
    }
    staffRow = new int[offices * years];
    for (int sco = 0; sco < offices; sco++) {
      for (int y = 0; y < years; y++) {
        staffRow[sco * years + y] =
            layout.limit(Family.SCO_STAFF, instance.scoCapacityTenths[sco], sco, y);
      }
    }
    balanceFirst = new int[rules];
    balanceStride = new int[rules];
    balanceSlot = new int[rules][BALANCE_KINDS.length];
    minimumBasis = new long[rules];
    maximumBasis = new long[rules];
    shares = new boolean[rules];
    for (int r = 0; r < rules; r++) {
      BalanceRule rule = instance.balanceRules[r];
      Long[] bounds = {
        rule.minimumShare() == null ? null : 0L,
        rule.maximumShare() == null ? null : 0L,
        rule.minimumAmount(),
        rule.maximumAmount()
      };
      minimumBasis[r] =
          rule.minimumShare() == null
              ? 0
              : AllocationInstance.shareBasisPoints(rule.minimumShare());
      maximumBasis[r] =
          rule.maximumShare() == null
              ? 0
              : AllocationInstance.shareBasisPoints(rule.maximumShare());
      shares[r] = rule.minimumShare() != null || rule.maximumShare() != null;
      for (int kind = 0; kind < BALANCE_KINDS.length; kind++) {
        balanceSlot[r][kind] = bounds[kind] == null ? -1 : balanceStride[r]++;
      }
      balanceFirst[r] = layout.count;
      int periods = instance.perYear(r) ? years : 1;
      for (int period = 0; period < periods; period++) {
        for (int kind = 0; kind < BALANCE_KINDS.length; kind++) {
          if (bounds[kind] != null) {
            boolean minimum = kind % 2 == 0;
            int row =
                layout.add(
                    Family.BALANCE,
                    minimum ? bounds[kind] : Long.MIN_VALUE,
                    minimum ? Long.MAX_VALUE : bounds[kind],
                    r,
                    instance.perYear(r) ? period : -1);
            layout.balanceKind[row] = kind;
          }
        }
      }
    }
    count = layout.count;
    family = Arrays.copyOf(layout.family, count);
    lower = Arrays.copyOf(layout.lower, count);
    upper = Arrays.copyOf(layout.upper, count);
    subject = Arrays.copyOf(layout.subject, count);
    partnerOf = Arrays.copyOf(layout.partnerOf, count);
    yearOf = Arrays.copyOf(layout.yearOf, count);
    balanceKind = Arrays.copyOf(layout.balanceKind, count);
    drawOrder = new int[instance.programs.length][];
    for (int p = 0; p < drawOrder.length; p++) {
      AppropriationLine[] lines = instance.appropriations[p];
      drawOrder[p] =
          java.util.stream.IntStream.range(0, lines.length)
              .boxed()
              .sorted(
                  Comparator.<Integer>comparingInt(
                          a -> lines[a].appropriation().lastAvailableFiscalYear())
                      .thenComparingInt(a -> lines[a].appropriation().fiscalYear())
                      .thenComparingInt(a -> lines[a].index()))
              .mapToInt(Integer::intValue)
              .toArray();
    }
  }

  /** The rows as they are numbered, grown as the families are laid out. */
  private static final class Layout {
    private Family[] family = new Family[64];
    private long[] lower = new long[64];
    private long[] upper = new long[64];
    private int[] subject = new int[64];
    private int[] partnerOf = new int[64];
    private int[] yearOf = new int[64];
    private int[] balanceKind = new int[64];
    private int count;

    /** A capacity row, or −1 for an unlimited one (no row). */
    int limit(Family kind, long limit, int subjectIndex, int year) {
      return limit >= AllocationInstance.UNLIMITED
          ? -1
          : add(kind, Long.MIN_VALUE, limit, subjectIndex, year);
    }

    int add(Family kind, long lowerBound, long upperBound, int subjectIndex, int year) {
      if (count == family.length) {
        int size = 2 * count;
        family = Arrays.copyOf(family, size);
        lower = Arrays.copyOf(lower, size);
        upper = Arrays.copyOf(upper, size);
        subject = Arrays.copyOf(subject, size);
        partnerOf = Arrays.copyOf(partnerOf, size);
        yearOf = Arrays.copyOf(yearOf, size);
        balanceKind = Arrays.copyOf(balanceKind, size);
      }
      family[count] = kind;
      lower[count] = lowerBound;
      upper[count] = upperBound;
      subject[count] = subjectIndex;
      partnerOf[count] = -1;
      yearOf[count] = year;
      balanceKind[count] = -1;
      return count++;
    }
  }

  /** The blocks of families whose rows are numbered together, in row order (masks). */
  public static int[] blocks() {
    return BLOCKS.clone();
  }

  /** Number of rows. */
  public int count() {
    return count;
  }

  /** The family of {@code row}. */
  public Family family(int row) {
    return family[row];
  }

  /** Lower bound of {@code row}, in its units ({@link Long#MIN_VALUE}: none). */
  public long lower(int row) {
    return lower[row];
  }

  /** Upper bound of {@code row}, in its units ({@link Long#MAX_VALUE}: none). */
  public long upper(int row) {
    return upper[row];
  }

  /**
   * Whether {@code row} is a capacity: an upper limit on a use that no candidate makes negative
   * (partner, program-cap and staff rows), so that a row whose options' heaviest candidates fit
   * together can never bind.
   */
  public boolean isCapacity(int row) {
    return (CAPACITIES & family[row].mask()) != 0;
  }

  /** The row of program {@code program}'s obligations in horizon year index {@code year}. */
  public int moneyRow(int program, int year) {
    return program * years + year;
  }

  /**
   * The program of a {@link Family#PROGRAM_MONEY} or {@link Family#PROGRAM_CAP} row, the partner of
   * a partner row, the SCO of a staff row, the balance rule of a balance row.
   */
  public int subject(int row) {
    return subject[row];
  }

  /** The horizon year index of {@code row}, or −1 for a balance bound over the horizon. */
  public int year(int row) {
    return yearOf[row];
  }

  /** The rule that {@code row} states, in planners' words (not for program-money rows). */
  public Rule rule(int row) {
    int year = yearOf[row];
    return switch (family[row]) {
      case ABSORPTIVE_CAPACITY -> Rules.absorptive(instance, subject[row], year);
      case SUSTAINMENT_BUDGET -> Rules.sustainment(instance, subject[row], year);
      case PROGRAM_CAP -> Rules.programCap(instance, subject[row], partnerOf[row], year);
      case SCO_STAFF -> Rules.scoStaff(instance, subject[row], year);
      case BALANCE -> Rules.balance(instance, subject[row], BALANCE_KINDS[balanceKind[row]], year);
      case PROGRAM_MONEY ->
          throw new IllegalArgumentException(
              "row " + row + " is program money: its rules are the appropriations");
    };
  }

  /**
   * How far a use of {@code row} beyond its bound by {@code excess} (in the row's units, positive)
   * falls short, in the unit of {@code BindingLimit}: dollars for money and amounts, person-weeks
   * for staff, basis points for shares, where {@code obligatedDollars} (all obligations in the
   * row's years) is the share's base.
   */
  public double shortfall(int row, long excess, long obligatedDollars) {
    return switch (family[row]) {
      case SCO_STAFF -> excess / (double) AllocationInstance.WORKLOAD_SCALE;
      case BALANCE -> balanceShortfall(row, excess, obligatedDollars);
      default -> (double) excess * instance.resolution;
    };
  }

  private double balanceShortfall(int row, long excess, long total) {
    int r = subject[row];
    return switch (BALANCE_KINDS[balanceKind[row]]) {
      case BALANCE_MAXIMUM_SHARE -> {
        // The row's use is 10,000 × covered − basis × total: the covered dollars come back exactly.
        long covered = (upper[row] + excess + maximumBasis[r] * total) / 10_000L;
        yield Math.ceil(10_000.0 * covered / total) - maximumBasis[r];
      }
      case BALANCE_MINIMUM_SHARE -> {
        long covered = (lower[row] - excess + minimumBasis[r] * total) / 10_000L;
        yield minimumBasis[r] - Math.floor(10_000.0 * covered / total);
      }
      default -> (double) excess;
    };
  }

  /**
   * The order in which one candidate's breaches read best: money first, then year by year the
   * partner's capacity and sustainment, the program cap and the office's staff, then the balance
   * rules in order, each by FY, maximums before minimums.
   */
  public long reportOrder(int row) {
    int year = yearOf[row] + 1;
    return switch (family[row]) {
      case PROGRAM_MONEY -> year;
      case BALANCE ->
          (2L << 56)
              | ((long) subject[row] << 24)
              | ((long) year << 4)
              | MAXIMUMS_FIRST[balanceKind[row]];
      default -> (1L << 56) | ((long) year << 4) | family[row].ordinal();
    };
  }

  /**
   * Hands {@code sink} the terms of candidate {@code candidate} of option {@code option} in the
   * families of {@code families} (a mask of {@link Family#mask()}), in increasing row order, one
   * per row it uses.
   */
  public void forEachTerm(int option, int candidate, int families, TermSink sink) {
    int program = instance.candidateProgram[option][candidate];
    int partner = instance.optionPartner[option];
    boolean money = (families & Family.PROGRAM_MONEY.mask()) != 0;
    boolean capped = (families & Family.PROGRAM_CAP.mask()) != 0 && capFirst[program] >= 0;
    long[] units = null;
    if (money || capped) {
      units = new long[years];
      instance.obligationUnits(option, candidate, units);
    }
    if (money) {
      for (int y = 0; y < years; y++) {
        if (units[y] > 0) {
          sink.term(moneyRow(program, y), units[y]);
        }
      }
    }
    partnerTerms(option, candidate, partner, families, sink);
    if (capped) {
      int first = capFirst[program] + partner * years;
      for (int y = 0; y < years; y++) {
        if (units[y] > 0) {
          sink.term(first + y, units[y]);
        }
      }
    }
    staffTerms(option, candidate, partner, families, sink);
    balanceTerms(option, candidate, families, sink);
  }

  private void partnerTerms(int o, int c, int partner, int families, TermSink sink) {
    boolean absorptive = (families & Family.ABSORPTIVE_CAPACITY.mask()) != 0;
    boolean sustainment =
        (families & Family.SUSTAINMENT_BUDGET.mask()) != 0 && instance.sustainmentUnits[o] > 0;
    if (!absorptive && !sustainment) {
      return;
    }
    for (int y = 0; y < years; y++) {
      int row = absorptiveRow[partner * years + y];
      if (absorptive && row >= 0) {
        long units = instance.costUnitsIn(o, c, y);
        if (units > 0) {
          sink.term(row, units);
        }
      }
      row = sustainmentRow[partner * years + y];
      if (sustainment && row >= 0 && instance.sustainedIn(o, c, y)) {
        sink.term(row, instance.sustainmentUnits[o]);
      }
    }
  }

  private void staffTerms(int o, int c, int partner, int families, TermSink sink) {
    if ((families & Family.SCO_STAFF.mask()) == 0 || instance.workloadTenths[o] == 0) {
      return;
    }
    int first = instance.partnerSco[partner] * years;
    for (int y = 0; y < years; y++) {
      int row = staffRow[first + y];
      if (row >= 0 && instance.runsIn(o, c, y)) {
        sink.term(row, instance.workloadTenths[o]);
      }
    }
  }

  /**
   * Balance bounds count exact dollars: amounts count covered options only, shares every obligation
   * (10,000 × covered − basis × all, so that a share bound is a row with bound 0).
   */
  private void balanceTerms(int o, int c, int families, TermSink sink) {
    if ((families & Family.BALANCE.mask()) == 0 || balanceFirst.length == 0) {
      return;
    }
    long[] dollars = null;
    for (int r = 0; r < balanceFirst.length; r++) {
      boolean covered = instance.covered[r][o];
      if (!shares[r] && !covered) {
        continue;
      }
      if (dollars == null) {
        dollars = new long[years];
        instance.obligationDollars(o, c, dollars);
      }
      boolean perYear = instance.perYear(r);
      int periods = perYear ? years : 1;
      for (int period = 0; period < periods; period++) {
        long amount = 0;
        if (perYear) {
          amount = dollars[period];
        } else {
          for (long inYear : dollars) {
            amount += inYear;
          }
        }
        if (amount == 0) {
          continue;
        }
        int first = balanceFirst[r] + period * balanceStride[r];
        long coveredTerm = covered ? 10_000L * amount : 0;
        for (int kind = 0; kind < BALANCE_KINDS.length; kind++) {
          int slot = balanceSlot[r][kind];
          if (slot < 0) {
            continue;
          }
          long coefficient =
              switch (kind) {
                case 0 -> coveredTerm - minimumBasis[r] * amount;
                case 1 -> coveredTerm - maximumBasis[r] * amount;
                default -> covered ? amount : 0;
              };
          if (coefficient != 0) {
            sink.term(first + slot, coefficient);
          }
        }
      }
    }
  }

  /**
   * Pays program {@code program}'s obligations, {@code needByYear} (money units per horizon year),
   * year by year from the appropriation lines available that year, the soonest expiring first (then
   * the oldest, then in scenario order), as {@code PlanAssembler} pays dollars: the order that pays
   * every obligation that can be paid at all, and leaves the least to lapse. {@code payment} (or
   * null) hears every available line each year in that order, with what is drawn from it (possibly
   * 0). Fills {@code remaining} (one entry per line of {@link AllocationInstance#appropriations})
   * with what is left of each line; returns the units left unpaid per year (all 0: it fits).
   */
  public long[] pay(int program, long[] needByYear, long[] remaining, Payment payment) {
    AppropriationLine[] lines = instance.appropriations[program];
    for (int a = 0; a < lines.length; a++) {
      remaining[a] = lines[a].budgetUnits();
    }
    long[] unpaid = new long[years];
    for (int y = 0; y < years; y++) {
      long need = needByYear[y];
      int fiscalYear = instance.firstFiscalYear + y;
      for (int a : drawOrder[program]) {
        if (lines[a].firstFiscalYear() <= fiscalYear && fiscalYear <= lines[a].lastFiscalYear()) {
          long take = Math.min(need, remaining[a]);
          remaining[a] -= take;
          need -= take;
          if (payment != null) {
            payment.draw(a, y, take);
          }
        }
      }
      unpaid[y] = need;
    }
    return unpaid;
  }
}
