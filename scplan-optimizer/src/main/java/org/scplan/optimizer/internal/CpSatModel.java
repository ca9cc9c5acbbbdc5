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
import org.scplan.engine.LimitRows;
import org.scplan.engine.Rules;
import org.scplan.explain.Rule;
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

  /** Every limit of the instance as rows over candidates, read by every limit this model adds. */
  private final LimitRows limits;

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
    limits = new LimitRows(instance);
    objectiveScale = objectiveScale(instance);
    lapsePenaltyPerUnit = Math.round(lapsePenaltyPerUnit(instance, objectiveScale));
    deadline.check();
    addChoiceAndStructure();
    deadline.check();
    addMoney();
    for (int block : LimitRows.blocks()) {
      if ((block & LimitRows.LIMITS) != 0) {
        deadline.check();
        addLimits(block);
      }
    }
    deadline.check();
    addObjective();
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
      IntVar[][] flows = flow[p];
      limits.pay(
          p,
          needs[p],
          new long[flows.length],
          (line, year, units) -> {
            if (flows[line][year] != null) {
              hint.addVars(flows[line][year].getIndex()).addValues(units);
            }
          });
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
    RowTerms obligations = new RowTerms(LimitRows.Family.PROGRAM_MONEY.mask());
    for (int p = 0; p < instance.programs.length; p++) {
      AppropriationLine[] lines = instance.appropriations[p];
      flow[p] = new IntVar[lines.length][instance.years];
      Terms[] drawnFrom = new Terms[lines.length];
      for (int a = 0; a < lines.length; a++) {
        drawnFrom[a] = new Terms();
      }
      for (int y = 0; y < instance.years; y++) {
        Terms obligationsMinusPaid = obligations.terms[limits.moneyRow(p, y)];
        if (obligationsMinusPaid == null) {
          continue;
        }
        int fiscalYear = instance.firstFiscalYear + y;
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

  /**
   * Adds the limit rows of {@code families}, labelled with their rules; a capacity row that the
   * heaviest candidate of each of its options would not break together is left out.
   */
  private void addLimits(int families) {
    RowTerms rows = new RowTerms(families);
    for (int row = 0; row < limits.count(); row++) {
      if ((limits.family(row).mask() & families) == 0
          || (limits.isCapacity(row) && rows.most[row] <= limits.upper(row))) {
        continue;
      }
      int limit = row;
      label(
          add(
              rows.terms[row] == null ? new Terms() : rows.terms[row],
              limits.lower(row),
              limits.upper(row)),
          () -> limits.rule(limit));
    }
  }

  /**
   * The terms of the limit rows of some families, gathered candidate by candidate in increasing
   * (option, candidate) order, with each row's largest use: the sum over its options of their
   * heaviest candidate's coefficient.
   */
  private final class RowTerms implements LimitRows.TermSink {
    private final Terms[] terms = new Terms[limits.count()];
    private final long[] most = new long[limits.count()];
    private final long[] optionMost = new long[limits.count()];
    private final int[] touched = new int[limits.count()];
    private int touchedCount;
    private int option;
    private int candidate;

    RowTerms(int families) {
      for (option = 0; option < x.length; option++) {
        for (candidate = 0; candidate < candidateCount(option); candidate++) {
          limits.forEachTerm(option, candidate, families, this);
        }
        for (int i = 0; i < touchedCount; i++) {
          most[touched[i]] += optionMost[touched[i]];
          optionMost[touched[i]] = 0;
        }
        touchedCount = 0;
      }
    }

    @Override
    public void term(int row, long coefficient) {
      if (terms[row] == null) {
        terms[row] = new Terms();
      }
      CpSatModel.this.term(terms[row], option, candidate, coefficient);
      if (coefficient > optionMost[row]) {
        if (optionMost[row] == 0) {
          touched[touchedCount++] = row;
        }
        optionMost[row] = coefficient;
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
}
