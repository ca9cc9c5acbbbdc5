package org.scplan.plan;

/**
 * One way a {@link Plan} breaks the planning rules of its scenario, as found by {@link
 * PlanChecker}.
 *
 * <p>Example: {@code PlanViolation[rule=ABSORPTIVE_CAPACITY, location=partner 'p-1' FY2029,
 * message=cost $12,500,000 exceeds absorptive capacity $10,000,000 by $2,500,000]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule a short, stable, upper-case code for the rule broken, e.g. {@code COVERAGE}, {@code
 *     ELIGIBILITY}, {@code APPROPRIATION_OVERSPENT}; {@link PlanChecker} lists every code it uses
 *     and what each one checks. Callers and tests may match on it.
 * @param location the entity at fault and, where the rule applies per fiscal year, the FY: e.g.
 *     {@code "option 'o-7' FY2028"}, {@code "program 'fmf' appropriation FY2027"}, {@code "partner
 *     'p-1' FY2029"}, {@code "plan"}
 * @param message what is wrong, with the numbers involved: dollars written as {@code $12,500,000},
 *     points and person-weeks as decimals
 */
public record PlanViolation(String rule, String location, String message) {
  /**
   * Rules about figures a plan stores beside its funding decisions (cost and obligation profiles,
   * completion years, draws' sums, values, gap outcomes, appropriation use, totals): a plan edited
   * by hand breaks them when its totals were not recomputed, not because a decision breaks a rule.
   */
  private static final java.util.Set<String> STORED_FIGURES =
      java.util.Set.of(
          "COMPLETION",
          "COST",
          "OBLIGATION",
          "DRAW_SUM",
          "APPROPRIATION_USE",
          "VALUE",
          "GAP_OUTCOME",
          "TOTALS");

  /**
   * Whether this violation is a stored figure that disagrees with the plan's own funding decisions
   * (recompute it), rather than a planning rule the decisions break.
   */
  public boolean storedFigure() {
    return STORED_FIGURES.contains(rule);
  }

  /** One line: {@code "[RULE] location: message"}. */
  @Override
  public String toString() {
    return "[" + rule + "] " + location + ": " + message;
  }
}
