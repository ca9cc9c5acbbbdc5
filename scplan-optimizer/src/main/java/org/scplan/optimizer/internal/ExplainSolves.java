package org.scplan.optimizer.internal;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scplan.engine.AllocationInstance;
import org.scplan.explain.Rule;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.optimizer.settings.SolverSettings;
import org.scplan.plan.PlanStatus;

/**
 * The solves behind explanations: re-solves under the explainer's {@link SolverSettings}
 * (deterministic with one worker, a fixed seed and a deterministic time limit) warm-started from a
 * plan, and the assumption-based infeasibility diagnosis. All OR-Tools use of the explainer stays
 * here; the CP-SAT parameters come from {@link CpSatSolve}, and every solve can be stopped by
 * {@link SolveControl#stopAllAndAwait}.
 */
public final class ExplainSolves {
  private ExplainSolves() {}

  /** A re-solve's status and chosen candidate per option (null without a plan). */
  public record Solved(PlanStatus status, int[] chosen) {}

  /**
   * Re-solves {@code instance} under {@code settings}, hinted with {@code hint} (chosen candidate
   * per option, −1 unfunded; may be null), optionally requiring option {@code requiredOption} (−1:
   * none) to be funded.
   */
  public static Solved resolve(
      AllocationInstance instance, int[] hint, int requiredOption, SolverSettings settings) {
    return resolve(instance, hint, null, requiredOption, settings);
  }

  /**
   * As {@link #resolve(AllocationInstance, int[], int, SolverSettings)}, re-optimising only the
   * options marked in {@code free} (null: all); every other option keeps its decision in {@code
   * hint}, which is then required.
   */
  public static Solved resolve(
      AllocationInstance instance,
      int[] hint,
      boolean[] free,
      int requiredOption,
      SolverSettings settings) {
    NativeLibraries.ensureLoaded();
    int[] fixed = null;
    if (free != null) {
      // A model of the free options alone: the kept decisions are constants in its rows.
      fixed = new int[free.length];
      for (int o = 0; o < free.length; o++) {
        fixed[o] = free[o] || o == requiredOption ? CpSatModel.FREE : hint[o];
      }
    }
    CpSatModel model = new CpSatModel(instance, fixed);
    if (hint != null) {
      model.hint(hint);
    }
    if (requiredOption >= 0) {
      model.requireFunded(requiredOption);
    }
    CpSatSolve.Outcome outcome =
        CpSatSolve.solve(
            model,
            seconds(settings),
            settings.workers(),
            settings.seed(),
            settings.relativeGapLimit(),
            settings.deterministicTimeLimit(),
            ProgressListener.NONE);
    return new Solved(outcome.status(), outcome.chosen());
  }

  /**
   * Outcome of a diagnosis: whether infeasibility was proven, the conflicting rules (empty if not),
   * whether each was shown necessary, and the solves used.
   */
  public record Diagnosis(boolean infeasible, List<Rule> rules, boolean minimal, int solves) {
    public Diagnosis {
      rules = List.copyOf(rules);
    }
  }

  /**
   * Finds a smallest set of rules that cannot hold together: every rule constraint of the model is
   * enforced by one literal per rule, all literals are assumed, and CP-SAT's sufficient assumptions
   * for infeasibility give a first conflicting set, which deletion then shrinks: each member is
   * left unassumed in turn (its rule relaxed, with every rule outside the set) and dropped for good
   * when the rest is still infeasible. The objective stays in the model.
   */
  public static Diagnosis diagnose(AllocationInstance instance, SolverSettings settings) {
    NativeLibraries.ensureLoaded();
    CpSatModel model = new CpSatModel(instance);
    model.releaseFlowDomains();
    Map<Rule, BoolVar> literals = new LinkedHashMap<>();
    for (CpSatModel.RuleConstraint labelled : model.ruleConstraints()) {
      BoolVar literal =
          literals.computeIfAbsent(
              labelled.rule(), rule -> model.model.newBoolVar("rule_" + literals.size()));
      model
          .model
          .getBuilder()
          .getConstraintsBuilder(labelled.constraintIndex())
          .addEnforcementLiteral(literal.getIndex());
    }
    List<Rule> rules = new ArrayList<>(literals.keySet());
    Map<Integer, Rule> byIndex = new LinkedHashMap<>();
    literals.forEach((rule, literal) -> byIndex.put(literal.getIndex(), rule));

    model.model.clearAssumptions();
    model.model.addAssumptions(literals.values().toArray(new Literal[0]));
    CpSolver solver = solver(settings);
    CpSolverStatus status = solve(solver, model, settings);
    int solves = 1;
    if (status != CpSolverStatus.INFEASIBLE) {
      return new Diagnosis(false, List.of(), false, solves);
    }
    List<Rule> conflict = new ArrayList<>();
    for (int index : solver.sufficientAssumptionsForInfeasibility()) {
      Rule rule = byIndex.get(index);
      if (rule != null && !conflict.contains(rule)) {
        conflict.add(rule);
      }
    }
    if (conflict.isEmpty()) {
      // Infeasible without any rule: the structure itself conflicts (cannot happen for a validated
      // scenario, as the empty plan keeps every structural constraint); report every rule.
      return new Diagnosis(true, rules, false, solves);
    }
    // CP-SAT's first set is far from minimal (hundreds of rules on the theater); asking again with
    // only that set assumed usually shrinks it a lot, which saves most deletion solves.
    for (int round = 0; round < 5 && conflict.size() > 1; round++) {
      model.model.clearAssumptions();
      for (Rule rule : conflict) {
        model.model.addAssumption(literals.get(rule));
      }
      CpSolver again = solver(settings);
      CpSolverStatus check = solve(again, model, settings);
      solves++;
      if (check != CpSolverStatus.INFEASIBLE) {
        break;
      }
      List<Rule> smaller = new ArrayList<>();
      for (int index : again.sufficientAssumptionsForInfeasibility()) {
        Rule rule = byIndex.get(index);
        if (rule != null && !smaller.contains(rule)) {
          smaller.add(rule);
        }
      }
      if (smaller.isEmpty() || smaller.size() >= conflict.size()) {
        break;
      }
      conflict = smaller;
    }
    conflict.sort(java.util.Comparator.comparingInt(rules::indexOf));
    // Deletion in shrinking chunks (halves, quarters, ... single rules): most of CP-SAT's set is
    // usually irrelevant and goes in a few solves; the last pass, one rule at a time, shows each
    // remaining rule necessary (if the rest without it admits a plan, so does every subset of it).
    boolean minimal = true;
    int chunk = Math.max(1, conflict.size() / 2);
    while (true) {
      for (int i = 0; i < conflict.size(); ) {
        int to = Math.min(conflict.size(), i + chunk);
        List<Rule> without = new ArrayList<>(conflict.subList(0, i));
        without.addAll(conflict.subList(to, conflict.size()));
        if (without.isEmpty()) {
          i = to;
          continue;
        }
        model.model.clearAssumptions();
        for (Rule rule : without) {
          model.model.addAssumption(literals.get(rule));
        }
        CpSolverStatus check = solve(solver(settings), model, settings);
        solves++;
        if (check == CpSolverStatus.INFEASIBLE) {
          conflict = without;
        } else {
          if (chunk == 1 && check != CpSolverStatus.OPTIMAL && check != CpSolverStatus.FEASIBLE) {
            minimal = false;
          }
          i = to;
        }
      }
      if (chunk == 1) {
        break;
      }
      chunk = Math.max(1, chunk / 2);
    }
    return new Diagnosis(true, conflict, minimal, solves);
  }

  /** A diagnosis solver: the settings' parameters, stopping at the first plan. */
  private static CpSolver solver(SolverSettings settings) {
    CpSolver solver =
        CpSatSolve.solver(
            seconds(settings),
            settings.workers(),
            settings.seed(),
            settings.relativeGapLimit(),
            settings.deterministicTimeLimit());
    solver.getParameters().setStopAfterFirstSolution(true).setLogSearchProgress(false);
    return solver;
  }

  /**
   * Runs {@code solver} on {@code model} under a {@link SolveControl}, so that a process stopping
   * all solves stops this one too (it then ends UNKNOWN, as it does once no solve may start).
   */
  private static CpSolverStatus solve(CpSolver solver, CpSatModel model, SolverSettings settings) {
    SolveControl control = new SolveControl();
    if (!control.enter()) {
      return CpSolverStatus.UNKNOWN;
    }
    try {
      control.started(solver, seconds(settings));
      try {
        return solver.solve(model.model);
      } finally {
        control.finished();
      }
    } finally {
      control.leave();
    }
  }

  private static double seconds(SolverSettings settings) {
    return settings.timeLimit().toNanos() / 1e9;
  }
}
