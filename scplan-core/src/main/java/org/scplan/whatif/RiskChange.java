package org.scplan.whatif;

import org.scplan.support.Copies;

/**
 * Risk reduced for one partner or combatant command in two plans, in weighted risk points.
 *
 * @param key the partner id or combatant command name
 * @param before points retired in the first plan
 * @param after points retired in the second plan
 */
public record RiskChange(String key, double before, double after) {
  public RiskChange {
    Copies.required(key, "RiskChange", "key");
  }

  /** {@code after − before}, in points. */
  public double change() {
    return after - before;
  }
}
