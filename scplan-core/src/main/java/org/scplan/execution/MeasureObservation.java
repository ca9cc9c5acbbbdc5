package org.scplan.execution;

import org.scplan.support.Copies;

/**
 * A value of a measure (an objective's MOE or an option's MOP) observed at the end of a fiscal
 * year.
 *
 * @param fiscalYear the FY of the observation
 * @param measureId the measure, by its id in the scenario
 * @param value the value observed, in the measure's unit
 */
public record MeasureObservation(int fiscalYear, String measureId, double value) {
  public MeasureObservation {
    Copies.required(measureId, "MeasureObservation", "measureId");
  }
}
