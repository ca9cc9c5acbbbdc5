package org.scplan.plan;

/**
 * What the plan does for one capability gap.
 *
 * @param gapId the gap
 * @param partnerId its partner
 * @param weight weighted risk at stake for the gap, in points (see the valuation)
 * @param maximumValue the most the gap can be worth: its weight × the partner's likelihood of
 *     success in the role, in points
 * @param value points the plan retires for the gap: the funded options' values, capped at {@code
 *     maximumValue}
 * @param closure fraction of the gap the funded options close, capped at 1
 * @param residualRisk weighted risk left, {@code weight − value}, in points
 */
public record GapOutcome(
    String gapId,
    String partnerId,
    double weight,
    double maximumValue,
    double value,
    double closure,
    double residualRisk) {}
