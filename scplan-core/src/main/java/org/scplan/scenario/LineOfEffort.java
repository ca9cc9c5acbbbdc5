package org.scplan.scenario;

import org.scplan.support.Copies;

/**
 * A line of effort (LOE, or significant security cooperation initiative) under an end state.
 *
 * @param id unique id
 * @param name what the line of effort is
 * @param endStateId the end state it serves
 * @param weight relative importance, a positive multiplier (1.0 = normal)
 */
public record LineOfEffort(String id, String name, String endStateId, double weight) {
  public LineOfEffort {
    Copies.required(id, "LineOfEffort", "id");
    Copies.required(name, "LineOfEffort " + id, "name");
    Copies.required(endStateId, "LineOfEffort " + id, "endStateId");
  }
}
