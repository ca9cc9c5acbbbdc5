package org.scplan.whatif;

import java.util.List;
import org.scplan.scenario.Scenario;
import org.scplan.support.Copies;

/**
 * The result of applying a {@link ScenarioDelta}: the changed scenario and everything the changes
 * removed along the way.
 *
 * @param scenario the changed scenario (a new object; the input is untouched)
 * @param removals every entity or link removed, in the order removed
 */
public record AppliedDelta(Scenario scenario, List<Removal> removals) {
  public AppliedDelta {
    Copies.required(scenario, "AppliedDelta", "scenario");
    removals = Copies.list(removals);
  }
}
