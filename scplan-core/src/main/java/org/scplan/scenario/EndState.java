package org.scplan.scenario;

import org.scplan.support.Copies;

/**
 * A theater end state, the top of the strategy hierarchy every gap traces up to.
 *
 * @param id unique id
 * @param name what the end state is, in words
 * @param weight relative importance, a positive multiplier (1.0 = normal)
 */
public record EndState(String id, String name, double weight) {
  public EndState {
    Copies.required(id, "EndState", "id");
    Copies.required(name, "EndState " + id, "name");
  }
}
