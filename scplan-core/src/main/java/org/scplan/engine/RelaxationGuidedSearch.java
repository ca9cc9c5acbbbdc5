package org.scplan.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.scplan.time.Deadline;

/**
 * A start for large models: the Lagrangian relaxation's bound ({@link LagrangianBound}); from its
 * prices, the greedy allocation run again in the orders the prices suggest; and ruin and recreate
 * on the best of those plans. The result (never worse than the baseline greedy plan) is the
 * solver's hint, and the plan returned when the solver finds none. Measured on the generated
 * theater preset (docs/BENCHMARKS.md): 4–6 % more risk retired than the value-per-dollar order.
 */
public final class RelaxationGuidedSearch {
  /**
   * From this many candidates on, the allocator uses this search (docs/MODEL.md §6). Measured at 10
   * s on 2 workers (docs/BENCHMARKS.md): on generated scenarios of 2,895, 4,035 and 6,930
   * candidates the guided start gives CP-SAT plans up to 4 % better, or a tighter bound; on the
   * embedded notional theater (1,206 candidates) it made one-worker plans worse.
   */
  public static final int MINIMUM_CANDIDATES = 2_000;

  /** Subgradient iterations: about 0.4 s on 17,000 candidates (the {@code theater} preset). */
  public static final int ITERATIONS = 300;

  /**
   * The steps after which the best prices so far order the greedy allocation (when they improved):
   * on the generated theater preset the best order came from step 200 or 250 as often as from the
   * end (docs/BENCHMARKS.md).
   */
  private static final int[] STRETCHES = {100, 150, 200, 250, ITERATIONS};

  /**
   * Ruin-and-recreate rounds after the guided orders. Measured on the theater preset: 100 rounds
   * add 0.9–2.1 % to the guided plan in 1.6–2.4 s (docs/BENCHMARKS.md).
   */
  static final int ROUNDS = 100;

  /**
   * Ruin and recreate stops after this many rounds in a row without a better plan. On {@code
   * theater} seeds 1–5 the longest run of rounds without one before a later improvement was 20; on
   * {@code global} seed 1 none of the 100 rounds improved the plan, and they took 7.7 of the 60 s
   * (docs/BENCHMARKS.md, seventh round).
   */
  static final int STALL_ROUNDS = 30;

  /** Share of the partners whose decisions one round drops (at least two partners). */
  private static final double RUIN_SHARE = 0.06;

  private static final long RUIN_SEED = 7;

  private RelaxationGuidedSearch() {}

  /**
   * What the search found: the relaxation's bound (points of net objective), the best plan's chosen
   * candidate per option (−1: unfunded) with its net objective (points), whether that plan is
   * better than the baseline greedy one, and the subgradient search, which may go on.
   */
  public record Outcome(
      double bound,
      int[] chosenCandidate,
      double objective,
      boolean improved,
      LagrangianBound.Search search) {}

  /**
   * Runs the relaxation from the baseline greedy plan {@code greedy} (which must have been found)
   * and, at the best prices after 100, 150, 200, 250 and 300 steps, the two price-guided greedy
   * orders (latest prices first; once {@code stop} has expired, no more than those of the latest
   * prices), then ruin and recreate. Once {@code stop} has expired the subgradient search pauses
   * (its bound is then weaker but still valid) and no more rounds start. {@code deadline} (no
   * earlier than {@code stop}) is the hard one: once it expires, the work under way is dropped and
   * the best plan so far returned (the baseline's if nothing better was found; null if it expires
   * during the setup).
   */
  public static Outcome run(
      AllocationInstance instance, GreedySearch.Result greedy, Deadline stop, Deadline deadline) {
    double greedyObjective = GreedySearch.netObjective(instance, greedy.chosenCandidate());
    LagrangianBound.Search search;
    try {
      search = LagrangianBound.start(instance, greedyObjective, stop);
    } catch (Deadline.Exceeded e) {
      return null;
    }
    List<LagrangianBound.Guidance> guidance = new ArrayList<>();
    for (int until : STRETCHES) {
      search.run(until, stop, bound -> {});
      LagrangianBound.Guidance prices = search.guidance(deadline);
      if (prices != null
          && (guidance.isEmpty() || prices.bound() < guidance.get(guidance.size() - 1).bound())) {
        guidance.add(prices);
      }
      if (search.converged() || search.iterations() < until) {
        break;
      }
    }
    int[] best = greedy.chosenCandidate();
    double bestObjective = greedyObjective;
    boolean improved = false;
    // The latest prices first: when time is short they are the ones tried.
    for (int g = guidance.size() - 1; g >= 0; g--) {
      if (g < guidance.size() - 1 && stop.expired() || deadline.expired()) {
        break;
      }
      LagrangianBound.Guidance prices = guidance.get(g);
      for (double[] score : orders(instance, prices)) {
        GreedySearch.Result result =
            GreedySearch.run(instance, score, prices.reducedProfit(), null, deadline);
        if (!result.found()) {
          continue;
        }
        double objective = GreedySearch.netObjective(instance, result.chosenCandidate());
        if (objective > bestObjective + 1e-9) {
          best = result.chosenCandidate();
          bestObjective = objective;
          improved = true;
        }
      }
    }
    if (!guidance.isEmpty()) {
      LagrangianBound.Guidance prices = guidance.get(guidance.size() - 1);
      int[] repaired = ruinAndRecreate(instance, prices, best, bestObjective, stop, deadline);
      if (repaired != best) {
        best = repaired;
        bestObjective = GreedySearch.netObjective(instance, best);
        improved = true;
      }
    }
    return new Outcome(search.bound(), best, bestObjective, improved, search);
  }

  /**
   * Ruin and recreate: up to {@link #ROUNDS} times (or until {@link #STALL_ROUNDS} in a row bring
   * nothing), drop every decision of a few partners drawn at random (and of the options whose
   * prerequisites went with them), refill with the greedy allocation in the funded-first order of
   * {@code prices}, and keep the result if its net objective is higher. Returns {@code start}
   * itself when no round improved it. Seeded, so deterministic when {@code stop} never expires.
   * Rounds start until {@code stop} expires; a round cut short by {@code deadline} is dropped.
   */
  private static int[] ruinAndRecreate(
      AllocationInstance instance,
      LagrangianBound.Guidance prices,
      int[] start,
      double startObjective,
      Deadline stop,
      Deadline deadline) {
    int n = instance.options.length;
    double[] order = orders(instance, prices)[1];
    int ruined = Math.max(2, (int) Math.round(RUIN_SHARE * instance.partners.length));
    SplittableRandom random = new SplittableRandom(RUIN_SEED);
    int[] best = start;
    double bestObjective = startObjective;
    int[] keep = new int[n];
    boolean[] dropped = new boolean[instance.partners.length];
    int lastImprovement = -1;
    for (int round = 0;
        round < ROUNDS && round - lastImprovement <= STALL_ROUNDS && !stop.expired();
        round++) {
      java.util.Arrays.fill(dropped, false);
      for (int k = 0; k < ruined; k++) {
        dropped[random.nextInt(instance.partners.length)] = true;
      }
      for (int o = 0; o < n; o++) {
        keep[o] = dropped[instance.optionPartner[o]] ? -1 : best[o];
      }
      dropUnsupported(instance, keep);
      GreedySearch.Result result =
          GreedySearch.run(instance, order, prices.reducedProfit(), keep, deadline);
      if (deadline.expired()) {
        break;
      }
      if (!result.found()) {
        continue;
      }
      double objective = GreedySearch.netObjective(instance, result.chosenCandidate());
      if (objective > bestObjective + 1e-9) {
        best = result.chosenCandidate();
        bestObjective = objective;
        lastImprovement = round;
      }
    }
    return best;
  }

  /**
   * Unfunds, to a fixed point, every kept option whose prerequisite is no longer funded in time.
   */
  private static void dropUnsupported(AllocationInstance instance, int[] keep) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int o = 0; o < keep.length; o++) {
        if (keep[o] < 0) {
          continue;
        }
        for (int[] prerequisite : instance.prerequisites[o]) {
          int before = keep[prerequisite[0]];
          if (before < 0
              || instance.candidateStart[prerequisite[0]][before] + prerequisite[1]
                  > instance.candidateStart[o][keep[o]]) {
            keep[o] = -1;
            changed = true;
            break;
          }
        }
      }
    }
  }

  /**
   * Two option orders: by the best reduced profit (value minus priced use of every relaxed rule);
   * and the options the relaxed optimum funds first, each group by reduced profit per dollar.
   */
  private static double[][] orders(AllocationInstance instance, LagrangianBound.Guidance guidance) {
    int n = instance.options.length;
    double[] byProfit = new double[n];
    double[] fundedFirst = new double[n];
    for (int o = 0; o < n; o++) {
      double best = Double.NEGATIVE_INFINITY;
      for (double profit : guidance.reducedProfit()[o]) {
        best = Math.max(best, profit);
      }
      if (instance.candidates[o].length == 0) {
        byProfit[o] = Double.NEGATIVE_INFINITY;
        fundedFirst[o] = Double.NEGATIVE_INFINITY;
        continue;
      }
      byProfit[o] = best;
      // Points per $1M squashed into (−1, 1), order kept: an offset of 2 then puts every funded
      // option first without losing the order among them to rounding.
      double perMillion = 1e6 * best / Math.max(1.0, instance.options[o].totalCost());
      fundedFirst[o] =
          (guidance.choice()[o] >= 0 ? 2.0 : 0.0) + perMillion / (1 + Math.abs(perMillion));
    }
    return new double[][] {byProfit, fundedFirst};
  }
}
