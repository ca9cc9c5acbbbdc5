package org.scplan.whatif;

import java.util.List;
import org.scplan.scenario.Scenario;
import org.scplan.support.Copies;
import org.scplan.validation.ScenarioValidationException;

/**
 * A what-if as data: an ordered list of {@link ScenarioChange}s to a scenario ("cut 333 by 20 % in
 * FY2028, drop Bandaria's tier to 3"). Immutable and thread-safe. Read from JSON with {@code
 * org.scplan.json.ScenarioDeltaJson}.
 *
 * <p>Example:
 *
 * <pre>{@code
 * ScenarioDelta cut = new ScenarioDelta("cut-333", "20 % cut to 333 in FY2028",
 *     List.of(new ScenarioChange.ScaleAppropriation("prog-333", 2028, 0.8)));
 * AppliedDelta applied = cut.apply(NotionalTheater.scenario());
 * Scenario changed = applied.scenario();
 * }</pre>
 *
 * @param id a short name for the delta
 * @param description the delta in words, for reports
 * @param changes the changes, applied in order (a later change sees the earlier ones' result)
 */
public record ScenarioDelta(String id, String description, List<ScenarioChange> changes) {

  /** Version of the JSON format of deltas written and read by this release. */
  public static final int FORMAT_VERSION = 1;

  public ScenarioDelta {
    Copies.required(id, "ScenarioDelta", "id");
    description = description == null ? "" : description;
    changes = Copies.list(changes);
  }

  /**
   * Applies the changes to {@code base} and returns the changed scenario; {@code base} is not
   * modified. Problems are located as {@code "delta '<id>' changes[i] (<type>)"}.
   *
   * @throws ScenarioValidationException listing every change that refers to an unknown id or an
   *     impossible value, all at once
   */
  public AppliedDelta apply(Scenario base) {
    return apply(base, "delta '" + id + "'");
  }

  /**
   * As {@link #apply(Scenario)}, naming the delta {@code sourceName} in problems (e.g. the file it
   * was read from), located as {@code "<sourceName> $.changes[i] (<type>)"}.
   *
   * @throws ScenarioValidationException listing every problem at once
   */
  public AppliedDelta apply(Scenario base, String sourceName) {
    return new DeltaApplier(base, sourceName).apply(changes);
  }
}
