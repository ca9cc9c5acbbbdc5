package org.scplan.whatif;

import org.scplan.support.Copies;

/**
 * Something a change removed from the scenario, said out loud so that nothing is dropped silently.
 *
 * @param kind what was removed: "partner", "gap", "option", "locked decision", "prerequisite",
 *     "security cooperation office", "program eligibility entry"
 * @param id the id of what was removed (for a prerequisite or an eligibility entry: the option or
 *     program that held it, with the id it pointed at)
 * @param because why, in words (e.g. "its partner 'p-x' was removed")
 */
public record Removal(String kind, String id, String because) {
  public Removal {
    Copies.required(kind, "Removal", "kind");
    Copies.required(id, "Removal", "id");
    Copies.required(because, "Removal", "because");
  }

  @Override
  public String toString() {
    return kind + " '" + id + "': " + because;
  }
}
