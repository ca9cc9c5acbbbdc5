package org.scplan.optimizer.whatif;

import java.time.Duration;

/**
 * The limits of each solve of a comparison ({@code scplan whatif}, {@code scplan curve} and the
 * Spark what-if grid and curve jobs, which must solve each cell alike): what the user gave, and
 * with no limit at all a deterministic one, so that a loaded laptop and a quiet server print the
 * same comparison (docs/MODEL.md, comparisons).
 *
 * @param timeLimit wall-clock limit per solve; the {@link #SAFETY_NET} unless the user gave one
 * @param deterministicTimeLimit CP-SAT deterministic time limit per solve (units, roughly seconds
 *     of one worker), or {@code null} for a wall-clock solve
 */
public record ComparisonLimits(Duration timeLimit, Double deterministicTimeLimit) {
  /**
   * Deterministic limit per solve when no limit is given, in CP-SAT deterministic time units: about
   * the default 10-s wall-clock solve's work on the embedded theater.
   */
  public static final double DEFAULT_DETERMINISTIC_LIMIT = 5.0;

  /** Wall-clock limit when only a deterministic one decides: a net for a stuck solve, 1 hour. */
  public static final Duration SAFETY_NET = Duration.ofHours(1);

  /**
   * The limits for what the user gave ({@code null}: not given): a wall-clock limit alone stays a
   * wall-clock solve; otherwise the deterministic limit given, or {@link
   * #DEFAULT_DETERMINISTIC_LIMIT}, decides, under the safety net unless a wall-clock limit was
   * given too.
   */
  public static ComparisonLimits of(Duration timeLimit, Double deterministicTimeLimit) {
    return new ComparisonLimits(
        timeLimit != null ? timeLimit : SAFETY_NET,
        deterministicTimeLimit != null || timeLimit != null
            ? deterministicTimeLimit
            : Double.valueOf(DEFAULT_DETERMINISTIC_LIMIT));
  }
}
