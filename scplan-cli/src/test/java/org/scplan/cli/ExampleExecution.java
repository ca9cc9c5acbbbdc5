package org.scplan.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scplan.execution.ActivityExecution;
import org.scplan.execution.ExecutionRecord;
import org.scplan.execution.ExecutionStatus;
import org.scplan.execution.MeasureObservation;
import org.scplan.execution.Obligation;
import org.scplan.plan.AppropriationDraw;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;

/**
 * How {@code examples/notional-theater-execution.json} is made from the committed example plan:
 * FY2027 and FY2028 executed as planned (each obligation from the appropriation the plan draws on),
 * except for the departures below, which a combatant command's planners would recognise.
 *
 * <ul>
 *   <li>Slips: the Bandarian border towers (FMF, FY2027 money) wait a year for a site access
 *       agreement; the Meridian relief warehouse (OHDACA) two years for a land title.
 *   <li>A cancellation: the Qadiran human rights training stops after its first year, when the
 *       nominated unit fails vetting.
 *   <li>Under-obligation in one program (DIB, section 332): advisors arrive late or a post stays
 *       unfilled, and a contract is awarded below its estimate.
 *   <li>Measures: maritime domain awareness and interdiction on track, border detection and
 *       peacekeeping certification off track; instructor certification and boarding crews lag.
 * </ul>
 */
final class ExampleExecution {
  static final int THROUGH = 2028;

  /** Departures from the plan: option → FY → what happened instead. */
  private record Departure(
      ExecutionStatus status, Integer delayedTo, Long obligated, String note) {}

  private static final Map<String, Map<Integer, Departure>> DEPARTURES =
      Map.of(
          "o-bandaria-border-isr-towers",
          Map.of(
              2028,
              new Departure(
                  ExecutionStatus.DELAYED,
                  2029,
                  0L,
                  "Site access agreement with the border authority not signed; FY2027 FMF money"
                      + " expires")),
          "o-meridia-hadr-response-warehouse",
          Map.of(
              2028,
              new Departure(
                  ExecutionStatus.DELAYED, 2030, 0L, "Land title dispute at the port site")),
          "o-qadiran-pme-rule-of-law-human-rights-training",
          Map.of(
              2028,
              new Departure(
                  ExecutionStatus.CANCELLED,
                  null,
                  0L,
                  "Nominated unit failed human rights vetting; training stopped")),
          "o-bandaria-dib-resource-advisor",
          Map.of(
              2027,
              new Departure(
                  ExecutionStatus.ON_TRACK,
                  null,
                  450_000L,
                  "Advisor arrived in January: three quarters of a year")),
          "o-lestmark-dib-resource-advisor",
          Map.of(
              2028,
              new Departure(
                  ExecutionStatus.COMPLETED, null, 300_000L, "Second advisor post unfilled")),
          "o-tarsova-dib-resource-budget-system",
          Map.of(
              2028,
              new Departure(
                  ExecutionStatus.ON_TRACK,
                  null,
                  700_000L,
                  "Software contract awarded below the estimate")));

  private static final List<MeasureObservation> OBSERVATIONS =
      List.of(
          new MeasureObservation(2027, "moe-border-detection-days", 9.6),
          new MeasureObservation(2028, "moe-border-detection-days", 9.0),
          new MeasureObservation(2027, "moe-mda-coverage", 31),
          new MeasureObservation(2028, "moe-mda-coverage", 45),
          new MeasureObservation(2027, "moe-cn-interdicted-share", 8),
          new MeasureObservation(2028, "moe-cn-interdicted-share", 12),
          new MeasureObservation(2028, "moe-pko-certified-battalions", 1),
          new MeasureObservation(2027, "mop-kelmar-instructors", 5),
          new MeasureObservation(2028, "mop-kelmar-instructors", 10),
          new MeasureObservation(2028, "mop-meridia-watch-officers", 21),
          new MeasureObservation(2027, "mop-meridia-boarding-crews", 5),
          new MeasureObservation(2028, "mop-meridia-boarding-crews", 9),
          new MeasureObservation(2027, "mop-ribera-radar-availability", 60),
          new MeasureObservation(2028, "mop-ribera-radar-availability", 92));

  private ExampleExecution() {}

  /** The example record of {@code plan}, the committed example plan of the embedded theater. */
  static ExecutionRecord of(Plan plan) {
    List<ActivityExecution> activities = new ArrayList<>();
    for (FundedOption funded : plan.fundedOptions()) {
      int last = 0;
      for (Map.Entry<Integer, Long> entry : funded.obligationsByFiscalYear().entrySet()) {
        if (entry.getValue() > 0) {
          last = entry.getKey();
        }
      }
      Map<Integer, Departure> departures = DEPARTURES.getOrDefault(funded.optionId(), Map.of());
      for (int year = funded.startFiscalYear(); year <= Math.min(last, THROUGH); year++) {
        long planned = funded.obligationsByFiscalYear().getOrDefault(year, 0L);
        Departure departure = departures.get(year);
        if (planned == 0 && departure == null) {
          continue;
        }
        ExecutionStatus status =
            departure != null
                ? departure.status()
                : year == last ? ExecutionStatus.COMPLETED : ExecutionStatus.ON_TRACK;
        long obligated = departure == null ? planned : departure.obligated();
        activities.add(
            new ActivityExecution(
                year,
                funded.optionId(),
                status,
                departure == null ? null : departure.delayedTo(),
                obligations(funded, year, obligated),
                departure == null ? "" : departure.note()));
        if (status != ExecutionStatus.ON_TRACK) {
          break;
        }
      }
    }
    return new ExecutionRecord(plan.scenarioId(), THROUGH, activities, OBSERVATIONS);
  }

  /**
   * {@code amount} of the plan's draws for {@code year}, by appropriation FY, the appropriations
   * the plan draws on first taken first.
   */
  private static List<Obligation> obligations(FundedOption funded, int year, long amount) {
    Map<Integer, Long> byAppropriation = new TreeMap<>();
    long left = amount;
    for (AppropriationDraw draw : funded.draws()) {
      if (draw.obligationFiscalYear() == year && left > 0) {
        long take = Math.min(left, draw.amount());
        byAppropriation.merge(draw.appropriationFiscalYear(), take, Long::sum);
        left -= take;
      }
    }
    List<Obligation> out = new ArrayList<>();
    byAppropriation.forEach((fy, dollars) -> out.add(new Obligation(fy, dollars)));
    return out;
  }
}
