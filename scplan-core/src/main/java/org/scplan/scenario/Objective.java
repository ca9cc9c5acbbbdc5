package org.scplan.scenario;

import java.util.List;
import org.scplan.support.Copies;

/**
 * An intermediate military objective (IMO): SMART, so it has a deadline after which closing a gap
 * that serves it is worth nothing.
 *
 * @param id unique id
 * @param name what the objective is
 * @param lineOfEffortId the line of effort it serves
 * @param deadlineFiscalYear last FY in which a capability for this objective still has value
 * @param weight relative importance, a positive multiplier (1.0 = normal)
 * @param measuresOfEffectiveness how progress towards the objective is measured (MOEs); may be
 *     empty
 */
public record Objective(
    String id,
    String name,
    String lineOfEffortId,
    int deadlineFiscalYear,
    double weight,
    List<Measure> measuresOfEffectiveness) {
  public Objective {
    Copies.required(id, "Objective", "id");
    Copies.required(name, "Objective " + id, "name");
    Copies.required(lineOfEffortId, "Objective " + id, "lineOfEffortId");
    measuresOfEffectiveness = Copies.list(measuresOfEffectiveness);
  }

  /** An objective without measures of effectiveness. */
  public Objective(
      String id, String name, String lineOfEffortId, int deadlineFiscalYear, double weight) {
    this(id, name, lineOfEffortId, deadlineFiscalYear, weight, List.of());
  }

  /** This objective with {@code measures} as its measures of effectiveness. */
  public Objective withMeasuresOfEffectiveness(List<Measure> measures) {
    return new Objective(id, name, lineOfEffortId, deadlineFiscalYear, weight, measures);
  }
}
