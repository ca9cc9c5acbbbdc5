package org.scplan.scenario;

import org.scplan.internal.Copies;

/**
 * An intermediate military objective (IMO): SMART, so it has a deadline after which closing a gap
 * that serves it is worth nothing.
 *
 * @param id unique id
 * @param name what the objective is
 * @param lineOfEffortId the line of effort it serves
 * @param deadlineFiscalYear last FY in which a capability for this objective still has value
 * @param weight relative importance, a positive multiplier (1.0 = normal)
 */
public record Objective(
    String id, String name, String lineOfEffortId, int deadlineFiscalYear, double weight) {
  public Objective {
    Copies.required(id, "Objective", "id");
    Copies.required(name, "Objective " + id, "name");
    Copies.required(lineOfEffortId, "Objective " + id, "lineOfEffortId");
  }
}
