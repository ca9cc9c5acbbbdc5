package org.scplan.whatif;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.scplan.plan.PlanStatus;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.support.Copies;

/**
 * Risk reduced as a function of a budget multiplier applied to every appropriation of every
 * program: the data of a budget curve. The optimizer's {@code BudgetSweep} computes it; this type
 * only holds and scales. Immutable.
 *
 * @param scenarioId the scenario swept
 * @param points one point per multiplier, in increasing order
 */
public record BudgetCurve(String scenarioId, List<Point> points) {

  /** Most points one sweep may have, so that a mistyped step cannot start a week of solving. */
  public static final int MAXIMUM_POINTS = 1000;

  public BudgetCurve {
    Copies.required(scenarioId, "BudgetCurve", "scenarioId");
    points = Copies.list(points);
  }

  /**
   * One point of the curve.
   *
   * @param multiplier the factor applied to every appropriation (1 = the scenario as given)
   * @param appropriated dollars appropriated in all after scaling (amounts round down per
   *     appropriation)
   * @param riskReduced weighted risk points the plan retires
   * @param riskReducedShare share of the weight at stake retired, 0–1
   * @param obligated dollars the plan obligates
   * @param lapsed dollars lapsing inside the horizon
   * @param fundedOptions number of options funded
   * @param status the plan's status (OPTIMAL when proven)
   * @param relativeGap the solver's relative gap, or {@code null} when unknown
   * @param objective the plan's net objective (risk reduced less the lapse penalty), in points, or
   *     {@code null} without a plan
   * @param bestBound the best bound on the net objective, in points, or {@code null} when unknown
   * @param gapExceedsStep whether the absolute gap (bound − objective) exceeds the change of net
   *     objective from the previous point (the first point: to the next), so that the step's effect
   *     is not proven: run longer or use a larger step
   */
  public record Point(
      double multiplier,
      long appropriated,
      double riskReduced,
      double riskReducedShare,
      long obligated,
      long lapsed,
      int fundedOptions,
      PlanStatus status,
      Double relativeGap,
      Double objective,
      Double bestBound,
      boolean gapExceedsStep) {

    /** Bound − objective, in points; {@code null} when either is unknown. */
    public Double absoluteGap() {
      return objective == null || bestBound == null ? null : Math.max(0, bestBound - objective);
    }
  }

  /**
   * The curve as CSV (RFC 4180, {@code \n} line endings): a header of the {@link Point} component
   * names, then one row per point; dollars as integers, points and shares with full precision, an
   * unknown gap, objective or bound as an empty cell. No cell needs quoting (numbers, booleans and
   * status names only).
   */
  public String csv() {
    StringBuilder text =
        new StringBuilder(
            "multiplier,appropriated,riskReduced,riskReducedShare,obligated,lapsed,fundedOptions,"
                + "status,relativeGap,objective,bestBound,gapExceedsStep\n");
    for (Point p : points) {
      text.append(p.multiplier())
          .append(',')
          .append(p.appropriated())
          .append(',')
          .append(p.riskReduced())
          .append(',')
          .append(p.riskReducedShare())
          .append(',')
          .append(p.obligated())
          .append(',')
          .append(p.lapsed())
          .append(',')
          .append(p.fundedOptions())
          .append(',')
          .append(p.status())
          .append(',')
          .append(p.relativeGap() == null ? "" : p.relativeGap().toString())
          .append(',')
          .append(p.objective() == null ? "" : p.objective().toString())
          .append(',')
          .append(p.bestBound() == null ? "" : p.bestBound().toString())
          .append(',')
          .append(p.gapExceedsStep())
          .append('\n');
    }
    return text.toString();
  }

  /**
   * The multipliers {@code from, from + step, …} up to {@code to} inclusive, computed in decimal so
   * that 0.5 to 1.5 by 0.1 gives exactly 11 points with no drift (1.2000000000000002).
   *
   * @throws IllegalArgumentException if {@code from < 0}, {@code to < from}, {@code step ≤ 0}, or
   *     there would be more than {@value #MAXIMUM_POINTS} points
   */
  public static List<Double> multipliers(double from, double to, double step) {
    if (!(from >= 0) || !(to >= from) || !(step > 0) || !Double.isFinite(to)) {
      throw new IllegalArgumentException(
          "need 0 ≤ from ≤ to and step > 0, but got from "
              + from
              + ", to "
              + to
              + ", step "
              + step);
    }
    BigDecimal first = BigDecimal.valueOf(from);
    BigDecimal last = BigDecimal.valueOf(to);
    BigDecimal increment = BigDecimal.valueOf(step);
    List<Double> multipliers = new ArrayList<>();
    for (BigDecimal m = first; m.compareTo(last) <= 0; m = m.add(increment)) {
      if (multipliers.size() == MAXIMUM_POINTS) {
        throw new IllegalArgumentException(
            "from "
                + from
                + " to "
                + to
                + " by "
                + step
                + " gives more than "
                + MAXIMUM_POINTS
                + " points; use a larger step");
      }
      multipliers.add(m.doubleValue());
    }
    return multipliers;
  }

  /**
   * {@code scenario} with every appropriation multiplied by {@code multiplier}, rounded down to
   * whole dollars; the input is not modified (and returned as it is when it has no money).
   */
  public static Scenario scaled(Scenario scenario, double multiplier) {
    if (scenario.programs().stream().allMatch(p -> p.appropriations().isEmpty())) {
      return scenario;
    }
    return new ScenarioDelta(
            "budget-x" + multiplier,
            "every appropriation × " + multiplier,
            List.of(new ScenarioChange.ScaleAppropriation(null, null, multiplier)))
        .apply(scenario)
        .scenario();
  }

  /** Dollars appropriated in all to every program of {@code scenario}. */
  public static long appropriated(Scenario scenario) {
    long total = 0;
    for (Program program : scenario.programs()) {
      for (Appropriation appropriation : program.appropriations()) {
        total = Math.addExact(total, appropriation.amount());
      }
    }
    return total;
  }
}
