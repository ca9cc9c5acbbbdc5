package org.scplan.optimizer;

/**
 * A progress report during a solve: a new plan found, or a better proven bound.
 *
 * @param elapsedSeconds seconds since the solve started
 * @param objective best plan's objective so far, in weighted risk points, or {@code null}
 * @param bestBound best proven upper bound so far, in points, or {@code null}
 * @param relativeGap (bound − objective)/bound, or {@code null} when either is unknown
 * @param newSolution whether this event reports a new best plan (else a bound update)
 */
public record ProgressEvent(
    double elapsedSeconds,
    Double objective,
    Double bestBound,
    Double relativeGap,
    boolean newSolution) {}
