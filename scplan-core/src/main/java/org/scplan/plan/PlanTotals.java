package org.scplan.plan;

import java.util.Map;
import org.scplan.support.Copies;

/**
 * Totals of a plan's obligations (dollars) and value (points) along the dimensions planners brief.
 * Maps are sorted by key.
 *
 * @param obligationsByPartner dollars obligated per partner id over the horizon
 * @param obligationsBySco dollars obligated per SCO id
 * @param obligationsByProgram dollars obligated per program id
 * @param obligationsByFiscalYear dollars obligated per FY
 * @param obligationsByProgramAndFiscalYear dollars per program id, then per FY
 * @param riskReducedByPartner points retired per partner id
 * @param totalObligated dollars obligated in all
 * @param totalLapsed dollars lapsing inside the horizon in all
 */
public record PlanTotals(
    Map<String, Long> obligationsByPartner,
    Map<String, Long> obligationsBySco,
    Map<String, Long> obligationsByProgram,
    Map<Integer, Long> obligationsByFiscalYear,
    Map<String, Map<Integer, Long>> obligationsByProgramAndFiscalYear,
    Map<String, Double> riskReducedByPartner,
    long totalObligated,
    long totalLapsed) {

  public PlanTotals {
    obligationsByPartner = Copies.sortedMap(obligationsByPartner);
    obligationsBySco = Copies.sortedMap(obligationsBySco);
    obligationsByProgram = Copies.sortedMap(obligationsByProgram);
    obligationsByFiscalYear = Copies.sortedMap(obligationsByFiscalYear);
    java.util.TreeMap<String, Map<Integer, Long>> nested = new java.util.TreeMap<>();
    if (obligationsByProgramAndFiscalYear != null) {
      obligationsByProgramAndFiscalYear.forEach((k, v) -> nested.put(k, Copies.sortedMap(v)));
    }
    obligationsByProgramAndFiscalYear = Copies.sortedMap(nested);
    riskReducedByPartner = Copies.sortedMap(riskReducedByPartner);
  }
}
