package org.scplan.optimizer.progress;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A progress report during a solve: a new plan found, or a better proven bound. Before the first
 * plan there is no objective and no gap, and before the first bound no bound: those accessors are
 * then empty ("no plan yet"), never null. Immutable and thread-safe.
 */
public final class ProgressEvent {
  private final double elapsedSeconds;
  private final Double objective;
  private final Double bestBound;
  private final Double relativeGap;
  private final boolean newSolution;

  /**
   * An event; the solver's callbacks pass {@code null} for what they do not know yet.
   *
   * @param elapsedSeconds seconds since the solve started
   * @param objective best plan's objective so far, in weighted risk points, or {@code null} before
   *     the first plan
   * @param bestBound best proven upper bound so far, in points, or {@code null} before the first
   * @param relativeGap (bound − objective)/bound as a 0–1 fraction, or {@code null} when either is
   *     unknown
   * @param newSolution whether this event reports a new best plan (else a bound update)
   */
  public ProgressEvent(
      double elapsedSeconds,
      Double objective,
      Double bestBound,
      Double relativeGap,
      boolean newSolution) {
    this.elapsedSeconds = elapsedSeconds;
    this.objective = objective;
    this.bestBound = bestBound;
    this.relativeGap = relativeGap;
    this.newSolution = newSolution;
  }

  /** Seconds since the solve started (wall clock). */
  public double elapsedSeconds() {
    return elapsedSeconds;
  }

  /** The best plan's objective so far, in weighted risk points; empty before the first plan. */
  public OptionalDouble objective() {
    return optional(objective);
  }

  /** The best proven upper bound so far, in points; empty before the solver reports one. */
  public OptionalDouble bestBound() {
    return optional(bestBound);
  }

  /** (bound − objective)/bound as a 0–1 fraction; empty while either is unknown. */
  public OptionalDouble relativeGap() {
    return optional(relativeGap);
  }

  /** Whether this event reports a new best plan (else a bound update). */
  public boolean newSolution() {
    return newSolution;
  }

  private static OptionalDouble optional(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProgressEvent event
        && Double.compare(elapsedSeconds, event.elapsedSeconds) == 0
        && Objects.equals(objective, event.objective)
        && Objects.equals(bestBound, event.bestBound)
        && Objects.equals(relativeGap, event.relativeGap)
        && newSolution == event.newSolution;
  }

  @Override
  public int hashCode() {
    return Objects.hash(elapsedSeconds, objective, bestBound, relativeGap, newSolution);
  }

  /** E.g. "ProgressEvent[elapsedSeconds=1.5, objective=812.4, bestBound=830.1, ...]". */
  @Override
  public String toString() {
    return "ProgressEvent[elapsedSeconds="
        + elapsedSeconds
        + ", objective="
        + (objective == null ? "none yet" : objective)
        + ", bestBound="
        + (bestBound == null ? "none yet" : bestBound)
        + ", relativeGap="
        + (relativeGap == null ? "none yet" : relativeGap)
        + ", newSolution="
        + newSolution
        + "]";
  }
}
