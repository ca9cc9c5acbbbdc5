package org.scplan.optimizer.internal;

import java.util.Locale;

/**
 * How a solve keeps within a memory budget ({@code AllocatorConfig.maxMemory}): the allocator's
 * estimate of the solve's resident memory, from the model's size, and the strategy chosen to keep
 * it within the budget: first fewer solver workers, then, on a wall-clock solve large enough for
 * the relaxation, no whole model (the partner neighbourhoods alone search, in models of a few
 * partners each). The estimate's coefficients are measured (docs/BENCHMARKS.md, memory); it is an
 * estimate, not a limit the JVM enforces.
 *
 * @param workers solver workers to run, 1 to the configured number
 * @param wholeModel whether the whole CP-SAT model may be built and searched
 * @param estimateBytes the estimate of the solve's resident memory with that strategy, in bytes
 * @param note what the budget changed, for the plan's notes; empty when it changed nothing
 */
public record MemoryBudget(int workers, boolean wholeModel, long estimateBytes, String note) {
  private static final long MIB = 1024L * 1024;

  /**
   * The JVM with OR-Tools' natives loaded and the allocator's classes, before any scenario: 84–110
   * MiB resident on the 2-core machine (docs/BENCHMARKS.md, memory).
   */
  static final long BASE_BYTES = 110 * MIB;

  /**
   * Per funding candidate (a Boolean of the whole model), what every solve keeps: the prepared
   * instance, the greedy plan, the plan assembly and its heap headroom. On {@code global} seed 1
   * (182,928 candidates) the live heap grew 16 MiB with the preparation; with G1's headroom, and
   * the fill pass and the check beside it, the stages before the search peaked near 212 MiB.
   */
  static final long BYTES_PER_CANDIDATE = 700;

  /**
   * Per candidate, the Lagrangian relaxation and the guided start (from 2,000 candidates on): 47
   * MiB more live heap on {@code global} seed 1, about three times that with the garbage of its
   * rounds.
   */
  static final long RELAXATION_BYTES_PER_CANDIDATE = 800;

  /**
   * Per candidate, the whole model in Java (its protocol buffer: 57 MiB live on {@code global} seed
   * 1) and CP-SAT's copy of it for one worker (presolve, propagators, the LP), per worker.
   */
  static final long MODEL_BYTES_PER_CANDIDATE = 650;

  /**
   * Per candidate and worker, CP-SAT's search of the whole model: on {@code theater} seed 1 (17,113
   * candidates, deterministic limit 5, 512-MiB heap) the memory outside the JVM's accounting peaked
   * at 50 MiB with one worker and 121 MiB with two.
   */
  static final long SEARCH_BYTES_PER_CANDIDATE_PER_WORKER = 4_300;

  /**
   * Per worker whatever the model: its thread, the C library's arena, a neighbourhood round's model
   * and CP-SAT's solve of it (a few thousand Booleans on {@code global}). On {@code global} seed 1
   * with 2 workers, 233 MiB were resident outside the JVM's own accounting at the end.
   */
  static final long WORKER_BYTES = 100 * MIB;

  /**
   * The strategy for a solve of {@code candidates} funding candidates with at most {@code workers}
   * workers within {@code budget} bytes (null: no budget, nothing changes). {@code relaxation}: the
   * relaxation will run; {@code wholeModel}: the whole model would be built and searched; {@code
   * leanPossible}: the solve may go without it (a solve where the relaxation and the neighbourhoods
   * run).
   */
  public static MemoryBudget choose(
      Long budget,
      int candidates,
      int workers,
      boolean relaxation,
      boolean wholeModel,
      boolean leanPossible) {
    long unbudgeted = estimate(candidates, workers, relaxation, wholeModel);
    if (budget == null || unbudgeted <= budget) {
      return new MemoryBudget(workers, wholeModel, unbudgeted, "");
    }
    for (int w = workers - 1; w >= 1; w--) {
      long estimate = estimate(candidates, w, relaxation, wholeModel);
      if (estimate <= budget) {
        return new MemoryBudget(
            w, wholeModel, estimate, note(budget, unbudgeted, estimate, workers, w, false, true));
      }
    }
    if (wholeModel && leanPossible) {
      for (int w = workers; w >= 1; w--) {
        long estimate = estimate(candidates, w, relaxation, false);
        if (estimate <= budget || w == 1) {
          return new MemoryBudget(
              w,
              false,
              estimate,
              note(budget, unbudgeted, estimate, workers, w, true, estimate <= budget));
        }
      }
    }
    long estimate = estimate(candidates, 1, relaxation, wholeModel);
    return new MemoryBudget(
        1, wholeModel, estimate, note(budget, unbudgeted, estimate, workers, 1, false, false));
  }

  /** The estimated resident memory of a solve, in bytes. */
  static long estimate(int candidates, int workers, boolean relaxation, boolean wholeModel) {
    long perCandidate =
        BYTES_PER_CANDIDATE
            + (relaxation ? RELAXATION_BYTES_PER_CANDIDATE : 0)
            + (wholeModel
                ? MODEL_BYTES_PER_CANDIDATE + workers * SEARCH_BYTES_PER_CANDIDATE_PER_WORKER
                : 0);
    return BASE_BYTES + candidates * perCandidate + workers * WORKER_BYTES;
  }

  private static String note(
      long budget,
      long unbudgeted,
      long estimate,
      int configured,
      int chosen,
      boolean lean,
      boolean fits) {
    StringBuilder changes = new StringBuilder();
    if (chosen < configured) {
      changes.append(
          String.format(
              Locale.ROOT,
              "ran %d worker%s instead of %d",
              chosen,
              chosen == 1 ? "" : "s",
              configured));
    }
    if (lean) {
      changes
          .append(changes.length() == 0 ? "" : " and ")
          .append("searched partner neighbourhoods alone, without the whole model");
    }
    return String.format(
        Locale.ROOT,
        "Memory budget %d MiB (estimated need %d MiB): %s; estimated %d MiB%s.",
        budget / MIB,
        unbudgeted / MIB,
        changes.length() == 0 ? "nothing leaner was possible" : changes,
        estimate / MIB,
        fits ? "" : ", over the budget: the plan may take more memory than it allows");
  }
}
