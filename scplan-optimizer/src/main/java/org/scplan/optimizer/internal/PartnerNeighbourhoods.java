package org.scplan.optimizer.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleConsumer;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.GreedySearch;
import org.scplan.engine.LagrangianBound;
import org.scplan.time.Deadline;

/**
 * A large-neighbourhood search over whole partners: each round keeps every option of the plan as it
 * is except those of a few partners drawn at random (more often those where the plan departs from
 * the Lagrangian relaxation's choices, when its prices are given), and lets CP-SAT re-plan those
 * options (program, start year, or unfunded) against everything the kept options use, in a model of
 * the free options alone (the kept ones are constants in its rows). A round starts from the
 * incumbent as a complete hint, so it can only keep or improve the plan.
 *
 * <p>Why partners: an option's rivals for money are spread over many partners, but its
 * alternatives, prerequisites, absorptive capacity, sustainment budget and SCO staff are its
 * partner's, so freeing a partner's whole portfolio lets CP-SAT trade those off exactly, which
 * CP-SAT's own neighbourhoods (variables or constraints picked without the domain in mind) seldom
 * do on large models. Measured in docs/BENCHMARKS.md (sixth round).
 */
public final class PartnerNeighbourhoods {
  /**
   * Options freed per round, at least: whole partners are added until this many, or one in {@link
   * #OPTIONS_PER_FREE_OPTION} of the options if more, are free.
   */
  static final int FREE_OPTIONS = 60;

  /** See {@link #FREE_OPTIONS}. */
  static final int OPTIONS_PER_FREE_OPTION = 50;

  /**
   * Time cap of one round's CP-SAT solve, in seconds, at least; and per Boolean of the whole model,
   * for large models. A round's model holds the free options alone: on {@code theater} (17,000
   * Booleans in all) 400–900 Booleans, where 0.3 s per round was best; on {@code global} (183,000)
   * 3,000–5,500, which CP-SAT presolves in about 0.3 s and whose search still improves the plan at
   * the 2.7-s cap, yet 1.0-s or 0.5-s rounds gave no better plans at 60 s (docs/BENCHMARKS.md,
   * sixth and seventh rounds).
   */
  static final double ROUND_SECONDS = 0.3;

  /** See {@link #ROUND_SECONDS}. */
  static final double ROUND_SECONDS_PER_BOOLEAN = 1.5e-5;

  /**
   * Added to every partner's disagreement with the relaxation (points) before partners are drawn,
   * so that partners on which the plan and the relaxation agree are still drawn now and then.
   */
  static final double DISAGREEMENT_FLOOR = 0.01;

  /** The best plan found and how the search went. */
  public record Result(int[] chosen, double objective, int rounds, int improvements) {}

  private PartnerNeighbourhoods() {}

  /**
   * Improves {@code chosen} (the candidate per option, −1: unfunded) by partner rounds until {@code
   * deadline} expires (a round under way is then stopped and scored), {@code maximumRounds} rounds,
   * an objective of at least {@code targetObjective} points (the relative gap limit reached), or
   * {@code control} is cancelled. {@code guidance}, the relaxation's prices (or null: partners
   * drawn uniformly), weights each round's draw by {@link #disagreement}, against the best plan so
   * far. {@code onImprovement} gets each better objective; objectives are exact net objectives in
   * points, as the allocator scores plans. Each round's solve stops at its wall-clock cap ({@link
   * #ROUND_SECONDS}), or, when {@code roundDeterministicTime} is given, at that much CP-SAT
   * deterministic time (work units that do not depend on the machine's load, so that a run with one
   * worker is the same on a busy machine as on a quiet one).
   */
  public static Result improve(
      AllocationInstance instance,
      int[] chosen,
      Deadline deadline,
      int maximumRounds,
      Double roundDeterministicTime,
      double targetObjective,
      int workers,
      long seed,
      SolveControl control,
      LagrangianBound.Guidance guidance,
      DoubleConsumer onImprovement) {
    Random random = new Random(seed);
    int[] best = chosen.clone();
    double bestObjective = GreedySearch.netObjective(instance, best);
    int[][] optionsByPartner =
        bucket(instance.partners.length, best.length, o -> instance.optionPartner[o]);
    List<Integer> partners = new ArrayList<>();
    for (int p = 0; p < optionsByPartner.length; p++) {
      if (optionsByPartner[p].length > 0) {
        partners.add(p);
      }
    }
    int freeOptions = Math.max(FREE_OPTIONS, instance.options.length / OPTIONS_PER_FREE_OPTION);
    boolean timed = roundDeterministicTime == null;
    double roundSeconds =
        timed
            ? Math.max(
                ROUND_SECONDS, LagrangianBound.candidateCount(instance) * ROUND_SECONDS_PER_BOOLEAN)
            : Double.POSITIVE_INFINITY;
    int rounds = 0;
    int improvements = 0;
    while (rounds < maximumRounds && bestObjective < targetObjective && !control.cancelled()) {
      double left = deadline.remainingSeconds();
      // A round needs its model built and presolved before it can improve anything.
      if (deadline.expired() || timed && left < 0.5 * roundSeconds) {
        break;
      }
      int[] fixed = best.clone();
      if (guidance == null) {
        Collections.shuffle(partners, random);
      } else {
        drawOrder(partners, disagreement(optionsByPartner, guidance, best), random);
      }
      int freed = 0;
      for (int i = 0; i < partners.size() && freed < freeOptions; i++) {
        for (int o : optionsByPartner[partners.get(i)]) {
          fixed[o] = CpSatModel.FREE;
          freed++;
        }
      }
      CpSatModel model;
      try {
        model = new CpSatModel(instance, fixed, deadline);
      } catch (Deadline.Exceeded e) {
        break;
      }
      model.hint(best);
      // The build took time too: the solve gets what is left of the limit now.
      left = deadline.remainingSeconds();
      if (left < 0.05) {
        break;
      }
      CpSatSolve.Outcome outcome =
          CpSatSolve.solve(
              model,
              Math.min(roundSeconds, left),
              workers,
              seed + rounds,
              0.0,
              roundDeterministicTime,
              event -> {},
              control);
      rounds++;
      // Scored exactly, not by CP-SAT's objective: a round cut short by its cap can leave a gap's
      // capped value below its limit, so that objective can understate the plan.
      double score =
          outcome.chosen() == null
              ? Double.NEGATIVE_INFINITY
              : GreedySearch.netObjective(instance, outcome.chosen());
      if (score > bestObjective + 1e-9) {
        best = outcome.chosen();
        bestObjective = score;
        improvements++;
        onImprovement.accept(bestObjective);
      }
    }
    return new Result(best, bestObjective, rounds, improvements);
  }

  /**
   * Per partner, how far {@code chosen} (the candidate per option, −1: unfunded) is from the
   * relaxation's choices on its options, in points: the sum over the partner's options of the
   * absolute difference between the reduced profit of the relaxation's candidate and that of the
   * plan's (an unfunded option's is 0). Where it is large, the relaxation sees value the plan
   * misses there, or money the plan spends there that is worth more elsewhere; where it is 0 the
   * two agree and a round there has less to find (measured: docs/BENCHMARKS.md, eighth round).
   */
  static double[] disagreement(
      int[][] optionsByPartner, LagrangianBound.Guidance guidance, int[] chosen) {
    double[] disagreement = new double[optionsByPartner.length];
    for (int p = 0; p < optionsByPartner.length; p++) {
      for (int o : optionsByPartner[p]) {
        disagreement[p] +=
            Math.abs(
                reducedProfit(guidance, o, guidance.choice()[o])
                    - reducedProfit(guidance, o, chosen[o]));
      }
    }
    return disagreement;
  }

  private static double reducedProfit(
      LagrangianBound.Guidance guidance, int option, int candidate) {
    return candidate < 0 ? 0 : guidance.reducedProfit()[option][candidate];
  }

  /**
   * Puts {@code partners} in a random order in which each next partner is drawn, from those not yet
   * drawn, with probability proportional to its weight plus {@link #DISAGREEMENT_FLOOR} (Efraimidis
   * and Spirakis's keys: the order of {@code log(u) / weight}, u uniform in (0, 1]).
   */
  static void drawOrder(List<Integer> partners, double[] weight, Random random) {
    double[] key = new double[weight.length];
    for (int p : partners) {
      // 1 − nextDouble() lies in (0, 1], so the logarithm is finite.
      key[p] = Math.log(1 - random.nextDouble()) / (DISAGREEMENT_FLOOR + weight[p]);
    }
    partners.sort((a, b) -> Double.compare(key[b], key[a]));
  }

  /**
   * Indices 0..count-1 grouped by {@code key} (-1: in no group), each group in increasing order.
   */
  private static int[][] bucket(int groups, int count, java.util.function.IntUnaryOperator key) {
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
}
