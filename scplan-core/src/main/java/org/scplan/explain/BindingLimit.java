package org.scplan.explain;

import org.scplan.support.Copies;

/**
 * A limit that stops an option from being added to a plan as it stands, with how far it falls
 * short, and the marginal value of money there when the limit is a program's money.
 *
 * @param rule the limit
 * @param shortfall how much the limit would have to rise for the option to fit beside the funded
 *     options: dollars, or person-weeks for {@link RuleKind#SCO_STAFF}, or ten-thousandths of a
 *     share for balance-rule shares; counted in the model's units (docs/MODEL.md §6), so raising
 *     the limit by this much is enough
 * @param marginalValuePerMillion for a program's money: the measured marginal value of money of
 *     that program and FY, in points per $1M; {@code null} for other limits or when not measured
 * @param words the limit and its shortfall in a sentence
 */
public record BindingLimit(
    Rule rule, double shortfall, Double marginalValuePerMillion, String words) {
  public BindingLimit {
    Copies.required(rule, "BindingLimit", "rule");
    Copies.required(words, "BindingLimit", "words");
  }
}
