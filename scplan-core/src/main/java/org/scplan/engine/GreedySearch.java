package org.scplan.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scplan.plan.FundingDecision;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanAssembler;
import org.scplan.plan.PlanStatus;
import org.scplan.plan.SolverStatistics;
import org.scplan.scenario.Appropriation;
import org.scplan.time.Deadline;
import org.scplan.valuation.Candidate;

/**
 * The planners' method as a baseline: rank options by value per dollar, fund them in that order
 * while every rule still holds, pulling in unfunded prerequisites as a bundle. It respects every
 * rule the CP-SAT model does, in the same units, so its plan is a feasible hint and a fair
 * comparison. Deterministic.
 */
public final class GreedySearch {
  private final AllocationInstance instance;
  private final ResourceLedger ledger;
  private final int[] chosen;
  private final boolean[] groupUsed;
  private final int[] groupOf;
  private final List<Integer> undo = new ArrayList<>();

  private GreedySearch(AllocationInstance instance) {
    this.instance = instance;
    this.ledger = new ResourceLedger(instance);
    this.chosen = new int[instance.options.length];
    Arrays.fill(chosen, -1);
    this.groupUsed = new boolean[instance.exclusionGroups.length];
    this.groupOf = new int[instance.options.length];
    Arrays.fill(groupOf, -1);
    for (int g = 0; g < instance.exclusionGroups.length; g++) {
      for (int o : instance.exclusionGroups[g]) {
        groupOf[o] = g;
      }
    }
  }

  /** Outcome: the chosen candidate per option (−1 = unfunded), or why no plan was found. */
  public record Result(int[] chosenCandidate, String failure) {
    /** Whether a plan satisfying every rule was found. */
    public boolean found() {
      return failure == null;
    }

    /** The funding decisions (empty when none was found). */
    public List<FundingDecision> decisions(AllocationInstance instance) {
      return found() ? GreedySearch.decisions(instance, chosenCandidate) : List.of();
    }

    /**
     * The assembled greedy plan, its objective being its exact risk reduced net of lapse penalty.
     */
    public Plan toPlan(AllocationInstance instance, double seconds) {
      if (!found()) {
        SolverStatistics statistics =
            SolverStatistics.builder("greedy")
                .wallTimeSeconds(seconds)
                .note("no plan: " + failure)
                .build();
        return PlanAssembler.assemble(
            instance.valuation,
            List.of(),
            PlanStatus.UNKNOWN,
            statistics,
            "The greedy baseline found no plan: " + failure + ".");
      }
      Plan draft =
          PlanAssembler.assemble(
              instance.valuation,
              decisions(instance),
              PlanStatus.FEASIBLE,
              SolverStatistics.builder("greedy").wallTimeSeconds(seconds).build(),
              "");
      return draft.withStatistics(
          statistics(netObjective(instance, draft), draft.riskReduced(), seconds));
    }
  }

  /** The greedy baseline's statistics: its net objective and risk reduced, in points. */
  public static SolverStatistics statistics(double objective, double riskReduced, double seconds) {
    return SolverStatistics.builder("greedy")
        .objective(objective)
        .wallTimeSeconds(seconds)
        .greedyRiskReduced(riskReduced)
        .build();
  }

  /**
   * The objective the allocators maximise, in exact terms: risk reduced minus the policy's lapse
   * penalty per million dollars lapsing inside the horizon, in points.
   */
  public static double netObjective(AllocationInstance instance, Plan plan) {
    return plan.riskReduced()
        - instance.scenario.policy().lapsePenaltyPointsPerMillion()
            * plan.totals().totalLapsed()
            / 1_000_000.0;
  }

  /**
   * {@link #netObjective(AllocationInstance, Plan)} of the plan that funds each option {@code o}
   * with candidate {@code chosenCandidate[o]} (−1: unfunded), in points: equal to the assembled
   * plan's, to the last bit, without assembling it (assembly took 0.2-1 s on `global`, and the
   * relaxation scores every order it tries). The gap values are summed in option id order and the
   * money drawn soonest-expiring first, as {@link PlanAssembler} does.
   */
  public static double netObjective(AllocationInstance instance, int[] chosenCandidate) {
    double[] valueOfGap = new double[instance.gapMaximumValue.length];
    for (int o : instance.optionsInIdOrder) {
      if (chosenCandidate[o] >= 0) {
        valueOfGap[instance.optionGap[o]] += instance.candidates[o][chosenCandidate[o]].value();
      }
    }
    double riskReduced = 0;
    for (int g = 0; g < valueOfGap.length; g++) {
      riskReduced += Math.min(instance.gapMaximumValue[g], valueOfGap[g]);
    }
    return riskReduced
        - instance.scenario.policy().lapsePenaltyPointsPerMillion()
            * lapsedDollars(instance, chosenCandidate)
            / 1_000_000.0;
  }

  /**
   * Dollars lapsing inside the horizon when each program's obligations are drawn, FY by FY, from
   * its appropriations available that FY, soonest-expiring first. Drawing a FY's obligations
   * together leaves each appropriation what drawing them option by option leaves, so only the
   * totals by program and FY are needed; what the assembler overdraws when money runs short comes
   * from appropriations already empty, so it changes no lapse and is not drawn here.
   */
  private static long lapsedDollars(AllocationInstance instance, int[] chosenCandidate) {
    long[][] needByProgram = new long[instance.programs.length][instance.years];
    long[] byYear = new long[instance.years];
    for (int o = 0; o < chosenCandidate.length; o++) {
      if (chosenCandidate[o] >= 0) {
        instance.obligationDollars(o, chosenCandidate[o], byYear);
        long[] need = needByProgram[instance.candidateProgram[o][chosenCandidate[o]]];
        for (int y = 0; y < byYear.length; y++) {
          need[y] += byYear[y];
        }
      }
    }
    int horizonLast = instance.firstFiscalYear + instance.years - 1;
    long lapsed = 0;
    for (int p = 0; p < instance.programs.length; p++) {
      List<Appropriation> lines = instance.programs[p].appropriations();
      long[] remaining = new long[lines.size()];
      Integer[] order = new Integer[lines.size()];
      for (int a = 0; a < order.length; a++) {
        remaining[a] = lines.get(a).amount();
        order[a] = a;
      }
      Arrays.sort(
          order,
          Comparator.<Integer>comparingInt(a -> lines.get(a).lastAvailableFiscalYear())
              .thenComparingInt(a -> lines.get(a).fiscalYear())
              .thenComparingInt(a -> a));
      for (int y = 0; y < instance.years; y++) {
        long need = needByProgram[p][y];
        int year = instance.firstFiscalYear + y;
        for (int a : order) {
          if (need == 0) {
            break;
          }
          if (lines.get(a).availableIn(year)) {
            long take = Math.min(need, remaining[a]);
            remaining[a] -= take;
            need -= take;
          }
        }
      }
      for (int a = 0; a < remaining.length; a++) {
        if (lines.get(a).lastAvailableFiscalYear() <= horizonLast) {
          lapsed += Math.max(0, remaining[a]);
        }
      }
    }
    return lapsed;
  }

  /** The funding decisions of a chosen-candidate array (−1 = unfunded). */
  public static List<FundingDecision> decisions(
      AllocationInstance instance, int[] chosenCandidate) {
    List<FundingDecision> decisions = new ArrayList<>();
    for (int o = 0; o < chosenCandidate.length; o++) {
      if (chosenCandidate[o] >= 0) {
        Candidate candidate = instance.candidates[o][chosenCandidate[o]];
        decisions.add(
            new FundingDecision(
                candidate.optionId(), candidate.programId(), candidate.startFiscalYear()));
      }
    }
    return decisions;
  }

  /** Runs the greedy allocation. */
  public static Result run(AllocationInstance instance) {
    return run(instance, Deadline.none());
  }

  /**
   * Runs the greedy allocation until {@code deadline} expires: options not reached by then stay
   * unfunded (the plan so far satisfies every rule); if it expires before the locked decisions and
   * balance-rule minimums are met, there is no plan.
   */
  public static Result run(AllocationInstance instance, Deadline deadline) {
    GreedySearch search = new GreedySearch(instance);
    search.deadline = deadline;
    return search.search();
  }

  /**
   * Runs the same allocation in another order: options by {@code optionScore}, highest first, each
   * trying its candidates by {@code candidateScore}, highest first (ties as in {@link #run}).
   */
  public static Result run(
      AllocationInstance instance, double[] optionScore, double[][] candidateScore) {
    GreedySearch search = new GreedySearch(instance);
    search.optionScore = optionScore;
    search.candidateScore = candidateScore;
    return search.search();
  }

  /**
   * Runs the same allocation in another order, starting from the decisions in {@code keep} (the
   * candidate per option, −1: none) as if they were locked. For repairing part of a plan: the
   * result has no plan if the kept decisions break a rule together.
   */
  public static Result run(
      AllocationInstance instance, double[] optionScore, double[][] candidateScore, int[] keep) {
    return run(instance, optionScore, candidateScore, keep, Deadline.none());
  }

  /**
   * {@link #run(AllocationInstance, double[], double[][], int[])} until {@code deadline} expires,
   * as {@link #run(AllocationInstance, Deadline)} stops.
   */
  public static Result run(
      AllocationInstance instance,
      double[] optionScore,
      double[][] candidateScore,
      int[] keep,
      Deadline deadline) {
    GreedySearch search = new GreedySearch(instance);
    search.deadline = deadline;
    search.optionScore = optionScore;
    search.candidateScore = candidateScore;
    search.keep = keep;
    return search.search();
  }

  /**
   * A plan carried into another scenario: the greedy result built from it, and how many of its
   * decisions were kept as they were, re-timed (same program, nearest start FY that fits), or
   * dropped (option gone, no candidate of its program fits, or a prerequisite dropped).
   */
  public record Repair(Result result, int kept, int retimed, int dropped) {}

  /**
   * Repairs {@code start} (decisions of a plan of another scenario) to this instance, in order of
   * start FY (then option id): each decision is kept when it still fits beside the locked decisions
   * and those kept before it, else re-timed to the nearest start FY of its program that fits, else
   * dropped; then the balance-rule minimums are met and what still fits is funded in the greedy
   * order, so a scenario that only loosens keeps every decision. Deterministic.
   */
  public static Repair repair(AllocationInstance instance, List<FundingDecision> start) {
    GreedySearch search = new GreedySearch(instance);
    for (int o = 0; o < instance.options.length; o++) {
      if (instance.lockedCandidate[o] >= 0) {
        search.fund(o, instance.lockedCandidate[o]);
      }
    }
    if (!search.lockedHold()) {
      return new Repair(
          new Result(
              null, "the locked decisions break a limit, an exclusion group or a prerequisite"),
          0,
          0,
          start.size());
    }
    Map<String, Integer> index = new HashMap<>();
    for (int o = 0; o < instance.options.length; o++) {
      index.put(instance.options[o].id(), o);
    }
    Repair whole = search.placeAll(index, start);
    if (whole != null) {
      return whole;
    }
    List<FundingDecision> pending = new ArrayList<>(start);
    pending.sort(
        Comparator.comparingInt(FundingDecision::startFiscalYear)
            .thenComparing(FundingDecision::optionId));
    int kept = 0;
    int retimed = 0;
    int dropped = 0;
    // A prerequisite starts no later than the option that needs it, so most are placed first;
    // with a lag of 0 the two may share a start FY, hence the passes until nothing more is placed.
    boolean progress = true;
    while (progress && !pending.isEmpty()) {
      progress = false;
      List<FundingDecision> next = new ArrayList<>();
      for (FundingDecision decision : pending) {
        Integer o = index.get(decision.optionId());
        if (o == null) {
          dropped++;
          continue;
        }
        int placed = search.chosen[o] >= 0 ? search.chosen[o] : search.placeNearest(o, decision);
        if (placed < 0) {
          next.add(decision);
          continue;
        }
        progress = true;
        if (instance.candidates[o][placed].programId().equals(decision.programId())
            && instance.candidates[o][placed].startFiscalYear() == decision.startFiscalYear()) {
          kept++;
        } else {
          retimed++;
        }
      }
      pending = next;
    }
    dropped += pending.size();
    return new Repair(search.complete(), kept, retimed, dropped);
  }

  /**
   * Funds every decision of {@code start} as it is, if together they keep every rule but the
   * balance-rule minimums (met afterwards), and completes the plan; else changes nothing and
   * returns null. One decision at a time could break a balance rule's maximum share on the way to a
   * set that keeps it.
   */
  private Repair placeAll(Map<String, Integer> index, List<FundingDecision> start) {
    int[] wanted = new int[chosen.length];
    Arrays.fill(wanted, -1);
    for (FundingDecision decision : start) {
      Integer o = index.get(decision.optionId());
      if (o == null) {
        return null;
      }
      for (int c = 0; c < instance.candidates[o].length; c++) {
        if (instance.candidates[o][c].programId().equals(decision.programId())
            && instance.candidates[o][c].startFiscalYear() == decision.startFiscalYear()) {
          wanted[o] = c;
        }
      }
      if (wanted[o] < 0 || (chosen[o] >= 0 && chosen[o] != wanted[o])) {
        return null;
      }
    }
    int mark = undo.size();
    for (int o = 0; o < wanted.length; o++) {
      if (wanted[o] >= 0 && chosen[o] < 0) {
        fund(o, wanted[o]);
      }
    }
    if (!lockedHold()) {
      rollback(mark);
      return null;
    }
    return new Repair(complete(), start.size(), 0, 0);
  }

  /**
   * Funds {@code option} with the candidate of the decision's program whose start FY is nearest the
   * decision's (earlier first on ties) among those that fit beside what is funded, without pulling
   * in prerequisites; the candidate, or −1.
   */
  private int placeNearest(int option, FundingDecision decision) {
    if (groupOf[option] >= 0 && groupUsed[groupOf[option]]) {
      return -1;
    }
    int wanted = decision.startFiscalYear() - instance.firstFiscalYear;
    List<Integer> sameProgram = new ArrayList<>();
    for (int c = 0; c < instance.candidates[option].length; c++) {
      if (instance.candidates[option][c].programId().equals(decision.programId())) {
        sameProgram.add(c);
      }
    }
    sameProgram.sort(
        Comparator.<Integer>comparingInt(c -> Math.abs(instance.candidateStart[option][c] - wanted))
            .thenComparingInt(c -> instance.candidateStart[option][c]));
    for (int c : sameProgram) {
      if (!prerequisitesHold(option, instance.candidateStart[option][c])) {
        continue;
      }
      fund(option, c);
      if (ledger.brokenRowAround(option, c, false) < 0) {
        return c;
      }
      unfund(option);
    }
    return -1;
  }

  /**
   * Whether {@code option} may start in horizon year {@code start} beside the funded options: its
   * prerequisites funded early enough, and every funded option that needs it starting late enough.
   */
  private boolean prerequisitesHold(int option, int start) {
    for (int[] prerequisite : instance.prerequisites[option]) {
      int before = prerequisite[0];
      if (chosen[before] < 0
          || instance.candidateStart[before][chosen[before]] + prerequisite[1] > start) {
        return false;
      }
    }
    for (int o = 0; o < chosen.length; o++) {
      if (chosen[o] < 0) {
        continue;
      }
      for (int[] prerequisite : instance.prerequisites[o]) {
        if (prerequisite[0] == option
            && start + prerequisite[1] > instance.candidateStart[o][chosen[o]]) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Moves options of {@code chosen} (a plan that keeps every rule; the candidate per option, −1:
   * unfunded) back to their candidate in {@code preferred} (decisions of a reference plan, e.g. the
   * base plan of a comparison) wherever that still keeps every rule and the net objective stays at
   * least {@code floorObjective} points, losing at most {@code tolerance} points in all; options in
   * id order, each once. Returns the new candidate per option (a copy). Deterministic.
   */
  public static int[] restore(
      AllocationInstance instance,
      int[] chosen,
      List<FundingDecision> preferred,
      double floorObjective,
      double tolerance) {
    GreedySearch search = new GreedySearch(instance);
    for (int o = 0; o < chosen.length; o++) {
      if (chosen[o] >= 0) {
        search.fund(o, chosen[o]);
      }
    }
    Map<String, FundingDecision> byOption = new TreeMap<>();
    preferred.forEach(d -> byOption.put(d.optionId(), d));
    double objective = netObjective(instance, search.chosen);
    double allowed = tolerance;
    for (int o = 0; o < chosen.length; o++) {
      FundingDecision wanted = byOption.get(instance.options[o].id());
      int previous = search.chosen[o];
      if (wanted == null || previous < 0 || instance.lockedCandidate[o] >= 0) {
        continue;
      }
      int target = -1;
      for (int c = 0; c < instance.candidates[o].length; c++) {
        if (instance.candidates[o][c].programId().equals(wanted.programId())
            && instance.candidates[o][c].startFiscalYear() == wanted.startFiscalYear()) {
          target = c;
        }
      }
      if (target < 0 || target == previous) {
        continue;
      }
      search.unfund(o);
      boolean fits = search.prerequisitesHold(o, instance.candidateStart[o][target]);
      if (fits) {
        search.fund(o, target);
        fits = search.ledger.brokenRowAround(o, target, true) < 0;
        if (fits) {
          double moved = netObjective(instance, search.chosen);
          double loss = objective - moved;
          if (moved >= floorObjective - 1e-9 && loss <= allowed + 1e-9) {
            allowed -= Math.max(0, loss);
            objective = moved;
            continue;
          }
        }
        search.unfund(o);
      }
      search.fund(o, previous);
    }
    return search.chosen.clone();
  }

  private int[] keep;
  private Deadline deadline = Deadline.none();
  private double[] optionScore;
  private double[][] candidateScore;

  private Result search() {
    int n = instance.options.length;
    for (int o = 0; o < n; o++) {
      int c =
          instance.lockedCandidate[o] >= 0 || keep == null ? instance.lockedCandidate[o] : keep[o];
      if (c >= 0) {
        fund(o, c);
      }
    }
    if (!lockedHold()) {
      return new Result(
          null, "the locked decisions break a limit, an exclusion group or a prerequisite");
    }
    return complete();
  }

  /** Meets the balance-rule minimums, then funds what still fits in ranking order. */
  private Result complete() {
    Integer[] order = ranking();
    for (int r = 0; r < instance.balanceRules.length; r++) {
      if (instance.balanceRules[r].minimumAmount() != null
          || instance.balanceRules[r].minimumShare() != null) {
        for (int o : order) {
          if (ledger.unmetMinimumRow() < 0 || deadline.expired()) {
            break;
          }
          if (instance.covered[r][o] && chosen[o] < 0) {
            tryFund(o, false);
          }
        }
      }
    }
    if (ledger.unmetMinimumRow() >= 0) {
      return new Result(
          null,
          (deadline.expired()
                  ? "the time limit was reached before it could meet "
                  : "the greedy order could not meet ")
              + ledger.words(ledger.unmetMinimumRow()));
    }
    for (int o : order) {
      if (deadline.expired()) {
        break;
      }
      if (chosen[o] < 0) {
        tryFund(o, true);
      }
    }
    return new Result(chosen.clone(), null);
  }

  /** Options by best value per dollar, highest first; ties by scenario order. */
  private Integer[] ranking() {
    int n = instance.options.length;
    double[] score = optionScore != null ? optionScore : new double[n];
    for (int o = 0; o < n && optionScore == null; o++) {
      double best = 0;
      for (var candidate : instance.candidates[o]) {
        best = Math.max(best, candidate.value());
      }
      score[o] = best / Math.max(instance.options[o].totalCost(), 1.0);
    }
    Integer[] order = new Integer[n];
    for (int o = 0; o < n; o++) {
      order[o] = o;
    }
    Arrays.sort(
        order, Comparator.<Integer>comparingDouble(o -> -score[o]).thenComparingInt(o -> o));
    return order;
  }

  private void tryFund(int option, boolean checkMinimums) {
    for (int c : candidatesByValue(option, Integer.MAX_VALUE)) {
      int mark = undo.size();
      if (fundWithPrerequisites(option, c, checkMinimums)) {
        return;
      }
      rollback(mark);
    }
  }

  private boolean fundWithPrerequisites(int option, int candidate, boolean checkMinimums) {
    if (chosen[option] >= 0 || (groupOf[option] >= 0 && groupUsed[groupOf[option]])) {
      return false;
    }
    int start = instance.candidateStart[option][candidate];
    for (int[] prerequisite : instance.prerequisites[option]) {
      int before = prerequisite[0];
      int latest = start - prerequisite[1];
      if (chosen[before] >= 0) {
        if (instance.candidateStart[before][chosen[before]] > latest) {
          return false;
        }
        continue;
      }
      boolean done = false;
      for (int c : candidatesByValue(before, latest)) {
        int mark = undo.size();
        if (fundWithPrerequisites(before, c, checkMinimums)) {
          done = true;
          break;
        }
        rollback(mark);
      }
      if (!done) {
        return false;
      }
    }
    // Funding a prerequisite may have used this option's own exclusion group.
    if (groupOf[option] >= 0 && groupUsed[groupOf[option]]) {
      return false;
    }
    fund(option, candidate);
    if (ledger.brokenRowAround(option, candidate, checkMinimums) >= 0) {
      unfund(option);
      return false;
    }
    return true;
  }

  private List<Integer> candidatesByValue(int option, int latestStart) {
    List<Integer> list = new ArrayList<>();
    for (int c = 0; c < instance.candidates[option].length; c++) {
      if (instance.candidateStart[option][c] <= latestStart) {
        list.add(c);
      }
    }
    double[] score = candidateScore != null ? candidateScore[option] : null;
    list.sort(
        Comparator.<Integer>comparingDouble(
                c -> score != null ? -score[c] : -instance.candidates[option][c].value())
            .thenComparingInt(c -> instance.candidateStart[option][c])
            .thenComparingInt(c -> c));
    return list;
  }

  private void fund(int option, int candidate) {
    ledger.apply(option, candidate, 1);
    chosen[option] = candidate;
    if (groupOf[option] >= 0) {
      groupUsed[groupOf[option]] = true;
    }
    undo.add(option);
  }

  private void unfund(int option) {
    ledger.apply(option, chosen[option], -1);
    chosen[option] = -1;
    if (groupOf[option] >= 0) {
      groupUsed[groupOf[option]] = false;
    }
    undo.remove(undo.size() - 1);
  }

  private void rollback(int mark) {
    while (undo.size() > mark) {
      unfund(undo.get(undo.size() - 1));
    }
  }

  private boolean lockedHold() {
    if (!ledger.feasible(false)) {
      return false;
    }
    int[] perGroup = new int[instance.exclusionGroups.length];
    for (int o = 0; o < chosen.length; o++) {
      if (chosen[o] < 0) {
        continue;
      }
      if (groupOf[o] >= 0 && ++perGroup[groupOf[o]] > 1) {
        return false;
      }
      for (int[] prerequisite : instance.prerequisites[o]) {
        int before = prerequisite[0];
        if (chosen[before] < 0
            || instance.candidateStart[before][chosen[before]] + prerequisite[1]
                > instance.candidateStart[o][chosen[o]]) {
          return false;
        }
      }
    }
    return true;
  }
}
