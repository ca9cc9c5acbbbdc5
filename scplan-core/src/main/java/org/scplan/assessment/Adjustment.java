package org.scplan.assessment;

import org.scplan.support.Copies;

/**
 * One change re-planning from execution made to the scenario before solving, said out loud so that
 * the report names what the execution and its assessment changed.
 *
 * @param kind what kind of change
 * @param id the option changed, or for {@link AdjustmentKind#APPROPRIATION_DRAWN} the program
 * @param description what changed and why, in words (dollars, FYs, fractions as in the record)
 */
public record Adjustment(AdjustmentKind kind, String id, String description) {
  public Adjustment {
    Copies.required(kind, "Adjustment", "kind");
    Copies.required(id, "Adjustment", "id");
    Copies.required(description, "Adjustment " + id, "description");
  }

  @Override
  public String toString() {
    return kind + " '" + id + "': " + description;
  }
}
