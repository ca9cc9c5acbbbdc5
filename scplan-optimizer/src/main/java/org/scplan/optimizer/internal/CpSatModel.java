package org.scplan.optimizer.internal;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpModelProto;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntegerVariableProto;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import com.google.ortools.sat.PartialVariableAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.AllocationInstance.AppropriationLine;
import org.scplan.engine.Rules;
import org.scplan.explain.Rule;
import org.scplan.explain.RuleKind;
import org.scplan.scenario.BalanceRule;
import org.scplan.time.Deadline;

/**
 * The CP-SAT model of docs/MODEL.md: one Boolean per funding candidate, money aggregated per
 * program and fiscal year with flows from appropriations, per-gap value capped at its maximum, and
 * every limit of §4–5. Limits that no selection could break are left out, which keeps the model
 * small without changing its solutions.
 */
public final class CpSatModel {
  /**
   * Objective units per weighted risk point unless the lapse penalty needs more (see {@link
   * #objectiveScale()}).
   */
  public static final long VALUE_SCALE = 100_000L;

  /** The largest objective scale, in units per point, that keeps every term far inside a long. */
  private static final long MAXIMUM_SCALE = 1_000_000_000L;

  /** Objective units per lapsed money unit below which the penalty's rounding would matter. */
  private static final long LAPSE_PRECISION = 1_000L;

  final CpModel model = new CpModel();
  private final AllocationInstance instance;

  /** Per option its candidates' variables; null for an option fixed by {@link #fixed}. */
  private final DecisionLiteral[][] x;

  /** The candidate each option is fixed to (−1: unfunded, {@link #FREE}: not fixed); or null. */
  private final int[] fixed;

  /** Flow variables per program, appropriation line and horizon year (null where unavailable). */
  private final IntVar[][][] flow;

  private final List<GapTerm> gapTerms = new ArrayList<>();

  /** The objective as built, kept so that optional terms can be added after construction. */
  private Terms objective;

  private final long objectiveScale;
  private final long lapsePenaltyPerUnit;
  private int constraints;

  private record GapTerm(int gap, IntVar capped, long cap) {}

  /**
   * A constraint that states a planning rule, by its index in the model, for infeasibility
   * diagnosis. Structural constraints (one candidate per option, exclusion groups, money flows, gap
   * caps) are not labelled.
   */
  public record RuleConstraint(Rule rule, int constraintIndex) {}

  private record PendingRule(int index, Supplier<Rule> rule) {}

  private final List<PendingRule> ruleConstraints = new ArrayList<>();

  /*
   * Options by partner, by SCO (those with workload) and candidates by program, in increasing
   * option order: each limit visits only its own options, so the build grows with the model, not
   * with options × partners × programs, and every constraint gets its terms in the same order as
   * a scan of all options would give (the model, and so the plan, is unchanged).
   */
  private final int[][] optionsByPartner;
  private final int[][] optionsBySco;
  private final int[][] candidatesByProgram;

  private static final IntegerVariableProto BOOLEAN =
      IntegerVariableProto.newBuilder().addDomain(0).addDomain(1).build();

  /** In {@link #CpSatModel(AllocationInstance, int[])}: the option is left to the solver. */
  static final int FREE = -2;

  /** Builds the model for {@code instance}. */
  public CpSatModel(AllocationInstance instance) {
    this(instance, null, Deadline.none());
  }

  /**
   * Builds the model for {@code instance} within {@code deadline}: the build of a 100,000-option
   * model takes seconds.
   *
   * @throws Deadline.Exceeded if {@code deadline} expires first
   */
  public CpSatModel(AllocationInstance instance, Deadline deadline) {
    this(instance, null, deadline);
  }

  /** {@link #CpSatModel(AllocationInstance, int[], Deadline)} with no deadline. */
  CpSatModel(AllocationInstance instance, int[] fixed) {
    this(instance, fixed, Deadline.none());
  }

  /**
   * Builds the model for {@code instance} restricted to the options {@code o} whose {@code
   * fixed[o]} is {@link #FREE}: every other option is fixed to that candidate (−1: unfunded) and
   * has no variables; its use of money, limits and value is a constant in the rows it appears in,
   * and rows left without variables are checked here and left out when they hold ({@code fixed}
   * null: none fixed, the whole model). The solutions are the whole model's with those options
   * fixed, at the size of the free part: a neighbourhood round on {@code global} frees one option
   * in 50. Checks {@code deadline} between the rule families.
   *
   * @throws Deadline.Exceeded if {@code deadline} expires first
   */
  CpSatModel(AllocationInstance instance, int[] fixed, Deadline deadline) {
    this.instance = instance;
    this.fixed = fixed;
    int n = instance.options.length;
    x = new DecisionLiteral[n][];
    for (int o = 0; o < n; o++) {
      if (fixed != null && fixed[o] != FREE) {
        continue;
      }
      x[o] = new DecisionLiteral[instance.candidates[o].length];
      for (int c = 0; c < x[o].length; c++) {
        x[o][c] = newBoolean("x_" + o + "_" + c);
      }
    }
    flow = new IntVar[instance.programs.length][][];
    optionsByPartner = bucket(instance.partners.length, n, o -> instance.optionPartner[o]);
    optionsBySco =
        bucket(
            instance.scoCapacityTenths.length,
            n,
            o ->
                instance.workloadTenths[o] == 0
                    ? -1
                    : instance.partnerSco[instance.optionPartner[o]]);
    candidatesByProgram = candidatesByProgram();
    objectiveScale = objectiveScale(instance);
    lapsePenaltyPerUnit = Math.round(lapsePenaltyPerUnit(instance, objectiveScale));
    deadline.check();
    addChoiceAndStructure();
    deadline.check();
    addMoney();
    deadline.check();
    addPartnerLimits();
    deadline.check();
    addProgramCaps();
    deadline.check();
    addStaffLimits();
    deadline.check();
    addBalanceRules();
    deadline.check();
    addObjective();
  }

  /**
   * Indices 0..count-1 grouped by {@code key} (-1: in no group), each group in increasing order.
   */
  static int[][] bucket(int groups, int count, java.util.function.IntUnaryOperator key) {
    int[] sizes = new int[groups];
    for (int i = 0; i < count; i++) {
      int group = key.applyAsInt(i);
      if (group >= 0) {
        sizes[group]++;
      }
    }
    int[][] buckets = new int[groups][];
    for (int g = 0; g < groups; g++) {
      buckets[g] = new int[sizes[g]];
      sizes[g] = 0;
    }
    for (int i = 0; i < count; i++) {
      int group = key.applyAsInt(i);
      if (group >= 0) {
        buckets[group][sizes[group]++] = i;
      }
    }
    return buckets;
  }

  /** Per program, its candidates as pairs {@code (o, c)} flattened, in increasing (o, c) order. */
  private int[][] candidatesByProgram() {
    int[] sizes = new int[instance.programs.length];
    for (int o = 0; o < x.length; o++) {
      for (int c = 0; c < candidateCount(o); c++) {
        sizes[instance.candidateProgram[o][c]] += 2;
      }
    }
    int[][] pairs = new int[sizes.length][];
    for (int p = 0; p < sizes.length; p++) {
      pairs[p] = new int[sizes[p]];
      sizes[p] = 0;
    }
    for (int o = 0; o < x.length; o++) {
      for (int c = 0; c < candidateCount(o); c++) {
        int p = instance.candidateProgram[o][c];
        pairs[p][sizes[p]++] = o;
        pairs[p][sizes[p]++] = c;
      }
    }
    return pairs;
  }

  /** Number of Boolean decision variables. */
  public int booleanVariables() {
    int count = 0;
    for (DecisionLiteral[] row : x) {
      count += row == null ? 0 : row.length;
    }
    return count;
  }

  /**
   * Adds {@code coefficient ×} candidate {@code c} of option {@code o} to {@code terms}: its
   * variable, or for a fixed option a constant (the coefficient if fixed to {@code c}, else none).
   */
  private Terms term(Terms terms, int o, int c, long coefficient) {
    if (x[o] != null) {
      terms.add(x[o][c], coefficient);
    } else if (fixed[o] == c) {
      terms.addConstant(coefficient);
    }
    return terms;
  }

  /** Number of candidates of option {@code o}. */
  private int candidateCount(int o) {
    return instance.candidates[o].length;
  }

  /**
   * The model as CP-SAT receives it, for tools that hand the same model to another engine (the
   * benchmarks' engine comparison).
   */
  public CpModelProto proto() {
    return model.model();
  }

  /** Number of constraints added. */
  public int constraints() {
    return constraints;
  }

  /**
   * Re-planning's stability term (optional; call at most once, before solving): adds {@code
   * bonusPerKept} objective units for each option funded by its {@code keptCandidate} (−1: none). A
   * reward for keeping a planned decision equals a penalty for changing it, up to a constant.
   */
  public void rewardKeeping(int[] keptCandidate, long bonusPerKept) {
    for (int o = 0; o < x.length; o++) {
      if (keptCandidate[o] >= 0) {
        term(objective, o, keptCandidate[o], bonusPerKept);
      }
    }
    model.maximize(objective);
  }

  /**
   * Solution hint: the given candidate per option (−1: unfunded), with matching flows and gap
   * values.
   */
  public void hint(int[] chosen) {
    // Written into a free-standing message and merged once: adding to the model's own hint
    // builder notifies the model builder at every value.
    PartialVariableAssignment.Builder hint = PartialVariableAssignment.newBuilder();
    for (int o = 0; o < x.length; o++) {
      if (x[o] == null) {
        continue;
      }
      for (int c = 0; c < x[o].length; c++) {
        hint.addVars(x[o][c].index()).addValues(chosen[o] == c ? 1 : 0);
      }
    }
    long[][] needs = new long[flow.length][instance.years];
    for (int o = 0; o < x.length; o++) {
      if (chosen[o] >= 0) {
        for (int y = 0; y < instance.years; y++) {
          needs[instance.candidateProgram[o][chosen[o]]][y] +=
              instance.obligationUnits(o, chosen[o], y);
        }
      }
    }
    for (int p = 0; p < flow.length; p++) {
      AppropriationLine[] lines = instance.appropriations[p];
      long[] remaining = new long[lines.length];
      for (int a = 0; a < lines.length; a++) {
        remaining[a] = lines[a].budgetUnits();
      }
      int[] order = soonestExpiringFirst(lines);
      for (int y = 0; y < instance.years; y++) {
        long need = needs[p][y];
        for (int a : order) {
          if (flow[p][a][y] == null) {
            continue;
          }
          long take = Math.min(need, remaining[a]);
          hint.addVars(flow[p][a][y].getIndex()).addValues(take);
          remaining[a] -= take;
          need -= take;
        }
      }
    }
    for (GapTerm term : gapTerms) {
      long total = 0;
      for (int o : instance.gapOptions[term.gap()]) {
        if (chosen[o] >= 0) {
          total += scaledValue(o, chosen[o]);
        }
      }
      hint.addVars(term.capped().getIndex()).addValues(Math.min(total, term.cap()));
    }
    model.getBuilder().getSolutionHintBuilder().mergeFrom(hint.build());
  }

  /** The candidate chosen per option (−1: unfunded) in the solution read by {@code value}. */
  public int[] chosen(java.util.function.Predicate<Literal> isTrue) {
    int[] chosen = new int[x.length];
    for (int o = 0; o < x.length; o++) {
      if (x[o] == null) {
        chosen[o] = fixed[o];
        continue;
      }
      chosen[o] = -1;
      for (int c = 0; c < x[o].length; c++) {
        if (isTrue.test(x[o][c])) {
          chosen[o] = c;
        }
      }
    }
    return chosen;
  }

  private long scaledValue(int option, int candidate) {
    return Math.round(instance.candidates[option][candidate].value() * objectiveScale);
  }

  /**
   * Objective units per weighted risk point: {@link #VALUE_SCALE}, times the smallest power of ten
   * (up to {@link #MAXIMUM_SCALE}) at which the lapse penalty per money unit is a whole number of
   * objective units or at least {@link #LAPSE_PRECISION} of them, so that the penalty is scaled
   * into the objective rather than rounded away (docs/MODEL.md §6).
   */
  public long objectiveScale() {
    return objectiveScale;
  }

  private static long objectiveScale(AllocationInstance instance) {
    long scale = VALUE_SCALE;
    while (scale < MAXIMUM_SCALE) {
      double perUnit = lapsePenaltyPerUnit(instance, scale);
      if (perUnit == 0
          || perUnit >= LAPSE_PRECISION
          || Math.abs(perUnit - Math.rint(perUnit)) <= 1e-9 * perUnit) {
        break;
      }
      scale *= 10;
    }
    return scale;
  }

  private static double lapsePenaltyPerUnit(AllocationInstance instance, long scale) {
    return instance.scenario.policy().lapsePenaltyPointsPerMillion()
        * scale
        * instance.resolution
        / 1_000_000.0;
  }

  private void addChoiceAndStructure() {
    for (int o = 0; o < x.length; o++) {
      int locked = o;
      if (x[o] == null) {
        if (instance.lockedCandidate[o] >= 0) {
          label(
              add(term(new Terms(), o, instance.lockedCandidate[o], 1), 1, 1),
              () -> Rules.locked(instance, locked));
        }
        continue;
      }
      if (x[o].length > 1) {
        model.addAtMostOne(x[o]);
        constraints++;
      }
      if (instance.lockedCandidate[o] >= 0) {
        label(
            model.addEquality(x[o][instance.lockedCandidate[o]], 1).getIndex(),
            () -> Rules.locked(instance, locked));
        constraints++;
      }
    }
    for (int[] group : instance.exclusionGroups) {
      boolean anyFixed = false;
      for (int o : group) {
        anyFixed |= x[o] == null;
      }
      if (anyFixed) {
        // A fixed member that is funded leaves the others nothing: a row, not an at-most-one.
        Terms funded = new Terms();
        for (int o : group) {
          for (int c = 0; c < candidateCount(o); c++) {
            term(funded, o, c, 1);
          }
        }
        add(funded, Long.MIN_VALUE, 1);
        continue;
      }
      List<Literal> members = new ArrayList<>();
      for (int o : group) {
        members.addAll(List.of(x[o]));
      }
      if (members.size() > 1) {
        model.addAtMostOne(members);
        constraints++;
      }
    }
    for (int o = 0; o < x.length; o++) {
      for (int[] prerequisite : instance.prerequisites[o]) {
        int before = prerequisite[0];
        int lag = prerequisite[1];
        Map<Integer, Terms> startsOfDependent = new HashMap<>();
        for (int c = 0; c < candidateCount(o); c++) {
          term(
              startsOfDependent.computeIfAbsent(instance.candidateStart[o][c], s -> new Terms()),
              o,
              c,
              1);
        }
        for (Map.Entry<Integer, Terms> entry :
            new java.util.TreeMap<>(startsOfDependent).entrySet()) {
          Terms dependentMinusEarlyEnough = entry.getValue();
          for (int c = 0; c < candidateCount(before); c++) {
            if (instance.candidateStart[before][c] <= entry.getKey() - lag) {
              term(dependentMinusEarlyEnough, before, c, -1);
            }
          }
          int dependent = o;
          label(
              add(dependentMinusEarlyEnough, Long.MIN_VALUE, 0),
              () -> Rules.prerequisite(instance, dependent, before, lag));
        }
      }
    }
  }

  private void addMoney() {
    for (int p = 0; p < instance.programs.length; p++) {
      AppropriationLine[] lines = instance.appropriations[p];
      flow[p] = new IntVar[lines.length][instance.years];
      Terms[] obligations = new Terms[instance.years];
      boolean[] any = new boolean[instance.years];
      int[] pairs = candidatesByProgram[p];
      for (int y = 0; y < instance.years; y++) {
        obligations[y] = new Terms(pairs.length / 2 + lines.length);
      }
      long[] units = new long[instance.years];
      for (int i = 0; i < pairs.length; i += 2) {
        int o = pairs[i];
        int c = pairs[i + 1];
        instance.obligationUnits(o, c, units);
        for (int y = 0; y < instance.years; y++) {
          if (units[y] > 0) {
            term(obligations[y], o, c, units[y]);
            any[y] = true;
          }
        }
      }
      Terms[] drawnFrom = new Terms[lines.length];
      for (int a = 0; a < lines.length; a++) {
        drawnFrom[a] = new Terms();
      }
      for (int y = 0; y < instance.years; y++) {
        if (!any[y]) {
          continue;
        }
        int fiscalYear = instance.firstFiscalYear + y;
        Terms obligationsMinusPaid = obligations[y];
        for (int a = 0; a < lines.length; a++) {
          if (lines[a].firstFiscalYear() <= fiscalYear && fiscalYear <= lines[a].lastFiscalYear()) {
            flow[p][a][y] =
                model.newIntVar(0, lines[a].budgetUnits(), "u_" + p + "_" + a + "_" + y);
            obligationsMinusPaid.add(flow[p][a][y], -1);
            drawnFrom[a].add(flow[p][a][y]);
          }
        }
        add(obligationsMinusPaid, 0, 0);
      }
      for (int a = 0; a < lines.length; a++) {
        int program = p;
        int line = a;
        label(
            add(drawnFrom[a], Long.MIN_VALUE, lines[a].budgetUnits()),
            () -> Rules.appropriation(instance, program, line));
      }
    }
  }

  private void addPartnerLimits() {
    for (int partner = 0; partner < instance.partners.length; partner++) {
      for (int y = 0; y < instance.years; y++) {
        Terms cost = new Terms();
        Terms sustainment = new Terms();
        long costMax = 0;
        long sustainmentMax = 0;
        for (int o : optionsByPartner[partner]) {
          long optionCostMax = 0;
          long optionSustainmentMax = 0;
          for (int c = 0; c < candidateCount(o); c++) {
            long units = instance.costUnitsIn(o, c, y);
            if (units > 0) {
              term(cost, o, c, units);
              optionCostMax = Math.max(optionCostMax, units);
            }
            if (instance.sustainmentUnits[o] > 0 && instance.sustainedIn(o, c, y)) {
              term(sustainment, o, c, instance.sustainmentUnits[o]);
              optionSustainmentMax = instance.sustainmentUnits[o];
            }
          }
          costMax += optionCostMax;
          sustainmentMax += optionSustainmentMax;
        }
        int partnerIndex = partner;
        int year = y;
        if (costMax > instance.absorptiveUnits[partner]) {
          label(
              add(cost, Long.MIN_VALUE, instance.absorptiveUnits[partner]),
              () -> Rules.absorptive(instance, partnerIndex, year));
        }
        if (sustainmentMax > instance.sustainmentBudgetUnits[partner]) {
          label(
              add(sustainment, Long.MIN_VALUE, instance.sustainmentBudgetUnits[partner]),
              () -> Rules.sustainment(instance, partnerIndex, year));
        }
      }
    }
  }

  /**
   * Per-partner program caps. Each program's candidates are visited once and grouped by partner, in
   * the (partner, FY) order and with the terms a scan of every partner's options would give.
   */
  private void addProgramCaps() {
    int partners = instance.partners.length;
    int years = instance.years;
    for (int p = 0; p < instance.programs.length; p++) {
      long cap = instance.programPartnerCapUnits[p];
      if (cap >= AllocationInstance.UNLIMITED) {
        continue;
      }
      Terms[] obligations = new Terms[partners * years];
      long[] max = new long[partners * years];
      long[] optionMax = new long[years];
      long[] units = new long[years];
      int[] pairs = candidatesByProgram[p];
      for (int i = 0; i < pairs.length; ) {
        int o = pairs[i];
        int row = instance.optionPartner[o] * years;
        java.util.Arrays.fill(optionMax, 0);
        for (; i < pairs.length && pairs[i] == o; i += 2) {
          int c = pairs[i + 1];
          instance.obligationUnits(o, c, units);
          for (int y = 0; y < years; y++) {
            if (units[y] > 0) {
              if (obligations[row + y] == null) {
                obligations[row + y] = new Terms();
              }
              term(obligations[row + y], o, c, units[y]);
              optionMax[y] = Math.max(optionMax[y], units[y]);
            }
          }
        }
        for (int y = 0; y < years; y++) {
          max[row + y] += optionMax[y];
        }
      }
      for (int partner = 0; partner < partners; partner++) {
        for (int y = 0; y < years; y++) {
          int row = partner * years + y;
          if (max[row] > cap) {
            int program = p;
            int partnerIndex = partner;
            int year = y;
            label(
                add(obligations[row], Long.MIN_VALUE, cap),
                () -> Rules.programCap(instance, program, partnerIndex, year));
          }
        }
      }
    }
  }

  private void addStaffLimits() {
    for (int sco = 0; sco < instance.scoCapacityTenths.length; sco++) {
      for (int y = 0; y < instance.years; y++) {
        Terms work = new Terms();
        long max = 0;
        for (int o : optionsBySco[sco]) {
          boolean runs = false;
          for (int c = 0; c < candidateCount(o); c++) {
            if (instance.runsIn(o, c, y)) {
              term(work, o, c, instance.workloadTenths[o]);
              runs = true;
            }
          }
          max += runs ? instance.workloadTenths[o] : 0;
        }
        if (max > instance.scoCapacityTenths[sco]) {
          int scoIndex = sco;
          int year = y;
          label(
              add(work, Long.MIN_VALUE, instance.scoCapacityTenths[sco]),
              () -> Rules.scoStaff(instance, scoIndex, year));
        }
      }
    }
  }

  /**
   * Balance rules, in exact dollars. Each candidate's obligations by year are computed once for all
   * the rules; every row gets its terms in candidate order and the rows are added rule by rule, as
   * one pass per rule would add them.
   */
  private void addBalanceRules() {
    BalanceRows[] rules = new BalanceRows[instance.balanceRules.length];
    for (int r = 0; r < rules.length; r++) {
      rules[r] = new BalanceRows(r, instance.balanceRules[r], instance.perYear(r));
    }
    long[] dollars = new long[instance.years];
    for (int o = 0; o < x.length; o++) {
      boolean needed = false;
      for (BalanceRows rule : rules) {
        needed |= rule.counts(o);
      }
      if (!needed) {
        continue;
      }
      for (int c = 0; c < candidateCount(o); c++) {
        instance.obligationDollars(o, c, dollars);
        for (BalanceRows rule : rules) {
          if (rule.counts(o)) {
            rule.addCandidate(o, c, dollars);
          }
        }
      }
    }
    for (BalanceRows rule : rules) {
      rule.addRows();
    }
  }

  /**
   * The rows of balance rule {@code r}: one set per horizon year ({@code perYear}) or one over the
   * whole horizon.
   */
  private final class BalanceRows {
    private final int r;
    private final BalanceRule rule;
    private final int rows;
    private final int[] from;
    private final int[] to;
    private final boolean shares;
    private final boolean amounts;
    private final long minBasis;
    private final long maxBasis;
    private final Terms[] covered;
    private final Terms[] minShare;
    private final Terms[] maxShare;

    BalanceRows(int r, BalanceRule rule, boolean perYear) {
      this.r = r;
      this.rule = rule;
      rows = perYear ? instance.years : 1;
      from = new int[rows];
      to = new int[rows];
      for (int row = 0; row < rows; row++) {
        from[row] = perYear ? row : 0;
        to[row] = perYear ? row : instance.years - 1;
      }
      shares = rule.minimumShare() != null || rule.maximumShare() != null;
      amounts = rule.minimumAmount() != null || rule.maximumAmount() != null;
      minBasis =
          rule.minimumShare() == null
              ? 0
              : AllocationInstance.shareBasisPoints(rule.minimumShare());
      maxBasis =
          rule.maximumShare() == null
              ? 0
              : AllocationInstance.shareBasisPoints(rule.maximumShare());
      covered = new Terms[rows];
      minShare = new Terms[rows];
      maxShare = new Terms[rows];
      for (int row = 0; row < rows; row++) {
        covered[row] = new Terms();
        minShare[row] = new Terms();
        maxShare[row] = new Terms();
      }
    }

    /** Amount bounds count covered options only; share bounds count every obligation. */
    boolean counts(int o) {
      return shares || instance.covered[r][o];
    }

    void addCandidate(int o, int c, long[] dollarsByYear) {
      boolean isCovered = instance.covered[r][o];
      for (int row = 0; row < rows; row++) {
        long dollars = 0;
        for (int y = from[row]; y <= to[row]; y++) {
          dollars += dollarsByYear[y];
        }
        if (dollars == 0) {
          continue;
        }
        if (isCovered && amounts) {
          term(covered[row], o, c, dollars);
        }
        long coveredTerm = isCovered ? 10_000L * dollars : 0;
        if (rule.minimumShare() != null) {
          term(minShare[row], o, c, coveredTerm - minBasis * dollars);
        }
        if (rule.maximumShare() != null) {
          term(maxShare[row], o, c, coveredTerm - maxBasis * dollars);
        }
      }
    }

    void addRows() {
      for (int row = 0; row < rows; row++) {
        if (rule.minimumShare() != null) {
          label(
              add(minShare[row], 0, Long.MAX_VALUE),
              balanceRule(r, RuleKind.BALANCE_MINIMUM_SHARE, from[row], to[row]));
        }
        if (rule.maximumShare() != null) {
          label(
              add(maxShare[row], Long.MIN_VALUE, 0),
              balanceRule(r, RuleKind.BALANCE_MAXIMUM_SHARE, from[row], to[row]));
        }
        if (rule.minimumAmount() != null) {
          label(
              add(covered[row], rule.minimumAmount(), Long.MAX_VALUE),
              balanceRule(r, RuleKind.BALANCE_MINIMUM_AMOUNT, from[row], to[row]));
        }
        if (rule.maximumAmount() != null) {
          label(
              add(covered[row], Long.MIN_VALUE, rule.maximumAmount()),
              balanceRule(r, RuleKind.BALANCE_MAXIMUM_AMOUNT, from[row], to[row]));
        }
      }
    }
  }

  private void addObjective() {
    objective = new Terms();
    for (int g = 0; g < instance.gapOptions.length; g++) {
      long cap = Math.round(instance.gapMaximumValue[g] * objectiveScale);
      Terms terms = new Terms();
      long sumOfBest = 0;
      for (int o : instance.gapOptions[g]) {
        long best = 0;
        for (int c = 0; c < candidateCount(o); c++) {
          long value = scaledValue(o, c);
          term(terms, o, c, value);
          best = Math.max(best, value);
        }
        sumOfBest += best;
      }
      if (sumOfBest <= cap) {
        objective.addScaled(terms, 1);
      } else if (!terms.hasVariables()) {
        // Every option of the gap is fixed: its capped value is a constant.
        objective.addConstant(Math.min(cap, terms.constant()));
      } else {
        IntVar capped = model.newIntVar(0, cap, "gap_" + g);
        add(new Terms().add(capped).addScaled(terms, -1), Long.MIN_VALUE, 0);
        objective.add(capped);
        gapTerms.add(new GapTerm(g, capped, cap));
      }
    }
    if (lapsePenaltyPerUnit > 0) {
      for (int p = 0; p < flow.length; p++) {
        AppropriationLine[] lines = instance.appropriations[p];
        for (int a = 0; a < lines.length; a++) {
          if (!lines[a].expiresInHorizon()) {
            continue;
          }
          objective.addConstant(-lapsePenaltyPerUnit * lines[a].budgetUnits());
          for (int y = 0; y < instance.years; y++) {
            if (flow[p][a][y] != null) {
              objective.add(flow[p][a][y], lapsePenaltyPerUnit);
            }
          }
        }
      }
    }
    model.maximize(objective);
  }

  /**
   * Lets every money flow range up to all the obligations any plan could have, so that only the
   * labelled appropriation rows limit what is drawn: a conflict search then names the appropriation
   * an overrun breaks, where a flow's own domain would hide it.
   */
  public void releaseFlowDomains() {
    long most = 0;
    for (int o = 0; o < instance.options.length; o++) {
      most += instance.totalCostUnits[o];
      for (long units : instance.costUnits[o]) {
        most += units;
      }
    }
    for (IntVar[][] lines : flow) {
      for (IntVar[] byYear : lines) {
        for (IntVar variable : byYear) {
          if (variable != null) {
            model
                .getBuilder()
                .getVariablesBuilder(variable.getIndex())
                .clearDomain()
                .addDomain(0)
                .addDomain(most);
          }
        }
      }
    }
  }

  /** The constraints that state planning rules, in the order they were added. */
  public List<RuleConstraint> ruleConstraints() {
    List<RuleConstraint> labelled = new ArrayList<>(ruleConstraints.size());
    for (PendingRule pending : ruleConstraints) {
      labelled.add(new RuleConstraint(pending.rule().get(), pending.index()));
    }
    return labelled;
  }

  /**
   * Requires {@code option} to be funded (by any of its candidates), for counterfactuals. The
   * option must have at least one candidate.
   */
  public void requireFunded(int option) {
    if (x[option] == null) {
      add(new Terms().addConstant(fixed[option] >= 0 ? 1 : 0), 1, 1);
      return;
    }
    model.addEquality(LinearExpr.sum(x[option]), 1);
    constraints++;
  }

  /**
   * A new 0–1 variable, written as {@code CpModel.newBoolVar} would write it. Every variable shares
   * the immutable domain list of {@link #BOOLEAN}, instead of a list of its own.
   */
  private DecisionLiteral newBoolean(String name) {
    int index = model.getBuilder().getVariablesCount();
    model.getBuilder().addVariables(IntegerVariableProto.newBuilder(BOOLEAN).setName(name));
    return new DecisionLiteral(index);
  }

  /**
   * Adds {@code lower ≤ terms ≤ upper} as a message straight into the model's protocol buffer and
   * returns its index: the same constraint {@code CpModel} would add, at a fraction of the cost on
   * large models (no native domain object, no nested builder per row). In a model with fixed
   * options a row left without variables that holds is not added (index −1); one that fails is, so
   * that the model is infeasible as the rule says.
   */
  private int add(Terms terms, long lower, long upper) {
    if (fixed != null && !terms.hasVariables()) {
      long constant = terms.constant();
      if (lower <= constant && constant <= upper) {
        return -1;
      }
    }
    int index = model.getBuilder().getConstraintsCount();
    model.getBuilder().addConstraints(terms.constraint(lower, upper));
    constraints++;
    return index;
  }

  /**
   * Labels constraint {@code index} (−1: not added); the rule's words are written only if asked
   * for.
   */
  private void label(int index, Supplier<Rule> rule) {
    if (index >= 0) {
      ruleConstraints.add(new PendingRule(index, rule));
    }
  }

  private Supplier<Rule> balanceRule(int r, RuleKind kind, int from, int to) {
    return () -> Rules.balance(instance, r, kind, from == to && instance.perYear(r) ? from : -1);
  }

  private static int[] soonestExpiringFirst(AppropriationLine[] lines) {
    Integer[] order = new Integer[lines.length];
    for (int a = 0; a < order.length; a++) {
      order[a] = a;
    }
    java.util.Arrays.sort(
        order,
        java.util.Comparator.<Integer>comparingInt(a -> lines[a].lastFiscalYear())
            .thenComparingInt(a -> lines[a].appropriation().fiscalYear())
            .thenComparingInt(a -> a));
    return java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }
}
