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

  /** One line: {@code "[RULE] location: message"}. */
  @Override
  public String toString() {
    return "[" + rule + "] " + location + ": " + message;
  }
}
