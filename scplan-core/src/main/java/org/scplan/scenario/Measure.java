package org.scplan.scenario;

import org.scplan.support.Copies;

/**
 * A measure of effectiveness (MOE, on an {@link Objective}: did the partner's capability or
 * behaviour change?) or of performance (MOP, on a {@link SolutionOption}: did the activity deliver
 * what it should?), with its baseline and the target to reach by a fiscal year. The baseline is the
 * value at the initial assessment, the fiscal year before the planning horizon starts.
 *
 * @param id unique id across every measure of the scenario, referenced by execution records
 * @param name what is measured (e.g. "Maritime domain awareness coverage")
 * @param unit unit of the values in words (e.g. "% of EEZ", "days"), may be empty
 * @param baseline value at the initial assessment, in {@code unit}
 * @param target value to reach, in {@code unit}; beyond the baseline in {@code direction}
 * @param targetFiscalYear the FY by which the target should be reached
 * @param direction whether higher or lower values are better
 */
public record Measure(
    String id,
    String name,
    String unit,
    double baseline,
    double target,
    int targetFiscalYear,
    MeasureDirection direction) {
  public Measure {
    Copies.required(id, "Measure", "id");
    String owner = "Measure " + id;
    Copies.required(name, owner, "name");
    Copies.required(direction, owner, "direction");
    unit = unit == null ? "" : unit;
  }

  /** Whether {@code value} is at least as good as {@code reference} in this measure's direction. */
  public boolean meets(double value, double reference) {
    return direction == MeasureDirection.HIGHER_IS_BETTER ? value >= reference : value <= reference;
  }
}
