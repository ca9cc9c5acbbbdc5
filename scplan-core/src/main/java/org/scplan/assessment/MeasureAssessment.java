package org.scplan.assessment;

import org.scplan.scenario.Measure;
import org.scplan.support.Copies;

/**
 * One measure against its target after the fiscal years executed (docs/MODEL.md §10). Progress is a
 * fraction of the way from baseline to target (0 = baseline, 1 = target, negative when worse than
 * the baseline); the baseline is taken in the FY before the horizon.
 *
 * @param measure the measure
 * @param kind MOE (of an objective) or MOP (of an option)
 * @param ownerId the objective's or the option's id
 * @param latestFiscalYear FY of the latest observation, {@code null} with no data
 * @param latestValue the latest value, in the measure's unit, {@code null} with no data
 * @param progress progress of the latest value, {@code null} with no data
 * @param expectedProgress progress a straight line from baseline to target reaches by {@code
 *     latestFiscalYear} (at most 1), {@code null} with no data
 * @param achievement {@code max(0, progress) / expectedProgress}: 1 = on the straight line, {@code
 *     null} with no data
 * @param projectedProgress progress at the target FY at the average pace since the baseline, {@code
 *     null} with no data
 * @param trend direction of the last change
 * @param status where it stands
 */
public record MeasureAssessment(
    Measure measure,
    MeasureKind kind,
    String ownerId,
    Integer latestFiscalYear,
    Double latestValue,
    Double progress,
    Double expectedProgress,
    Double achievement,
    Double projectedProgress,
    Trend trend,
    MeasureStatus status) {
  public MeasureAssessment {
    Copies.required(measure, "MeasureAssessment", "measure");
    Copies.required(kind, "MeasureAssessment " + measure.id(), "kind");
    Copies.required(ownerId, "MeasureAssessment " + measure.id(), "ownerId");
    Copies.required(trend, "MeasureAssessment " + measure.id(), "trend");
    Copies.required(status, "MeasureAssessment " + measure.id(), "status");
  }

  /** Whether it lags: observed, not met, and behind the straight line (achievement &lt; 1). */
  public boolean lags() {
    return achievement != null && status != MeasureStatus.MET && achievement < 1.0;
  }
}
