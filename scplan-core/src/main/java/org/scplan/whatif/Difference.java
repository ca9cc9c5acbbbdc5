package org.scplan.whatif;

import java.util.Locale;
import org.scplan.plan.Plan;

/**
 * The difference between the net objectives of two solves (base and changed), with the interval the
 * solvers' bounds allow for the difference between the two optima, {@code [changedPlan − baseBound,
 * changedBound − basePlan]}, and a verdict in words (docs/MODEL.md §8, comparisons): a difference
 * is proven only when that interval excludes 0. Immutable.
 *
 * @param base the base plan's net objective, in points
 * @param changed the changed plan's net objective, in points
 * @param lower least difference of the optima the bounds allow, in points ({@code -Infinity} when
 *     the base has no bound or either side no plan)
 * @param upper greatest difference of the optima the bounds allow, in points ({@code +Infinity}
 *     when the changed side has no bound or either side no plan)
 */
public record Difference(double base, double changed, double lower, double upper) {

  /** Below this many points a difference of proven optima counts as none. */
  private static final double NONE = 1e-9;

  /** What the interval proves. */
  public enum Verdict {
    /** The changed optimum is lower: the whole interval lies below 0. */
    DECREASE,
    /** The changed optimum is higher: the whole interval lies above 0. */
    INCREASE,
    /** Both sides proven optimal and equal. */
    NO_CHANGE,
    /** The interval contains 0: the solves do not tell the sign. */
    WITHIN_UNCERTAINTY
  }

  /**
   * The difference from {@code basePlan} to {@code changedPlan}, from each plan's objective and
   * best bound ({@link org.scplan.plan.SolverStatistics}).
   */
  public static Difference between(Plan basePlan, Plan changedPlan) {
    Double base = basePlan.solver().objective();
    Double changed = changedPlan.solver().objective();
    if (base == null || changed == null) {
      return new Difference(
          base == null ? Double.NaN : base,
          changed == null ? Double.NaN : changed,
          Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY);
    }
    Double baseBound = basePlan.solver().bestBound();
    Double changedBound = changedPlan.solver().bestBound();
    return new Difference(
        base,
        changed,
        baseBound == null ? Double.NEGATIVE_INFINITY : changed - Math.max(base, baseBound),
        changedBound == null ? Double.POSITIVE_INFINITY : Math.max(changed, changedBound) - base);
  }

  /** {@code changed − base}, in points. */
  public double change() {
    return changed - base;
  }

  /**
   * How far the optima's difference may lie from {@link #change()}, in points: the larger of the
   * two solves' absolute gaps ({@code Infinity} when a bound is unknown).
   */
  public double uncertainty() {
    return Math.max(change() - lower, upper - change());
  }

  /** What the interval proves. */
  public Verdict verdict() {
    if (upper < -NONE) {
      return Verdict.DECREASE;
    }
    if (lower > NONE) {
      return Verdict.INCREASE;
    }
    if (upper - lower <= 2 * NONE) {
      return Verdict.NO_CHANGE;
    }
    return Verdict.WITHIN_UNCERTAINTY;
  }

  /**
   * The verdict in words: "decrease", "increase", "no change", or "within solver uncertainty (+/- x
   * points): run longer or use --deterministic-limit" ("a side has no proven bound" instead of the
   * points when a solve ended without one).
   */
  public String words() {
    return switch (verdict()) {
      case DECREASE -> "decrease";
      case INCREASE -> "increase";
      case NO_CHANGE -> "no change";
      case WITHIN_UNCERTAINTY ->
          String.format(
              Locale.ROOT,
              "within solver uncertainty (%s): run longer or use --deterministic-limit",
              Double.isInfinite(uncertainty())
                  ? "a side has no proven bound"
                  : String.format(Locale.ROOT, "+/- %.2f points", uncertainty()));
    };
  }

  /** The interval as text, e.g. {@code [-14.20, -8.31]}, {@code ?} for an open end. */
  public String interval() {
    return "[" + end(lower) + ", " + end(upper) + "]";
  }

  private static String end(double value) {
    return Double.isInfinite(value) ? "?" : String.format(Locale.ROOT, "%.2f", value);
  }
}
