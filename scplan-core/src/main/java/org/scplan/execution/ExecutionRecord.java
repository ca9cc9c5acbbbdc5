package org.scplan.execution;

import java.util.List;
import org.scplan.support.Copies;

/**
 * What was actually done under a plan, fiscal year by fiscal year up to {@code throughFiscalYear}:
 * obligations and status of each funded activity, and the observed values of the scenario's
 * measures. Validated against its scenario and plan by {@link ExecutionValidator}.
 *
 * @param scenarioId the scenario the plan was made for
 * @param throughFiscalYear the last FY of execution recorded; later FYs are still to come
 * @param activities one entry per FY and funded activity reported, in any order
 * @param observations measure values observed, in any order
 */
public record ExecutionRecord(
    String scenarioId,
    int throughFiscalYear,
    List<ActivityExecution> activities,
    List<MeasureObservation> observations) {

  /** Version of the JSON format written and read by this release. */
  public static final int FORMAT_VERSION = 1;

  public ExecutionRecord {
    Copies.required(scenarioId, "ExecutionRecord", "scenarioId");
    activities = Copies.list(activities);
    observations = Copies.list(observations);
  }
}
