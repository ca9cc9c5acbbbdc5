package org.scplan.explain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.support.Copies;
import org.scplan.valuation.ReasonCode;

/**
 * A plan with its explanation: a reason for every unfunded option (the plan's own reasons, with
 * every CROWDED_OUT one naming its binding limits), the marginal value of money per program and FY,
 * counterfactuals for the most valuable unfunded options, and for an infeasible scenario a
 * diagnosis. It carries its own words: {@link #text()} is the readable report.
 *
 * @param scenarioId the scenario explained
 * @param plan the plan explained, its unfunded reasons replaced by the refined ones (same codes)
 * @param unfunded one explanation per unfunded option, sorted by option id
 * @param marginalValues per program and appropriation FY inside the horizon, sorted by program id
 *     then FY; empty when not computed or without a plan
 * @param counterfactuals for the most valuable unfunded options that have a funding candidate, most
 *     valuable first
 * @param diagnosis why no plan exists, for an infeasible scenario; else {@code null}
 * @param method how the figures were computed (re-solves, their limits, seed and count)
 */
public record PlanExplanation(
    String scenarioId,
    Plan plan,
    List<UnfundedExplanation> unfunded,
    List<MarginalValue> marginalValues,
    List<Counterfactual> counterfactuals,
    InfeasibilityDiagnosis diagnosis,
    String method) {

  /** Version of the explanation JSON format written by this release. */
  public static final int FORMAT_VERSION = 1;

  public PlanExplanation {
    Copies.required(scenarioId, "PlanExplanation", "scenarioId");
    Copies.required(plan, "PlanExplanation", "plan");
    unfunded = Copies.list(unfunded);
    marginalValues = Copies.list(marginalValues);
    counterfactuals = Copies.list(counterfactuals);
    Copies.required(method, "PlanExplanation", "method");
  }

  /** The explanation of this unfunded option, if it is unfunded. */
  public java.util.Optional<UnfundedExplanation> unfunded(String optionId) {
    return unfunded.stream().filter(u -> u.optionId().equals(optionId)).findFirst();
  }

  /** The readable report: headline, diagnosis, marginal values, counterfactuals, reasons. */
  public String text() {
    return text(Names.NONE);
  }

  /**
   * As {@link #text()}, naming options and programs by their names in {@code scenario} (the
   * scenario explained) rather than by id, for a person to read.
   */
  public String text(Scenario scenario) {
    return text(Names.of(scenario));
  }

  /** Names by id, or the ids themselves where none is known. */
  private record Names(Map<String, String> options, Map<String, String> programs) {
    static final Names NONE = new Names(Map.of(), Map.of());

    static Names of(Scenario scenario) {
      Map<String, String> options = new HashMap<>();
      scenario.options().forEach(o -> options.put(o.id(), o.name().isBlank() ? o.id() : o.name()));
      Map<String, String> programs = new HashMap<>();
      scenario.programs().forEach(p -> programs.put(p.id(), p.name()));
      return new Names(options, programs);
    }

    String option(String id) {
      return options.getOrDefault(id, id);
    }

    String program(String id) {
      return programs.getOrDefault(id, id);
    }
  }

  private String text(Names names) {
    StringBuilder out = new StringBuilder();
    out.append(
            String.format(
                Locale.ROOT,
                "Explanation of the plan for scenario '%s' (%s): %.2f of %.2f points retired, %d funded, %d unfunded.",
                scenarioId,
                plan.status(),
                plan.riskReduced(),
                plan.totalWeightAtStake(),
                plan.fundedOptions().size(),
                plan.unfundedOptions().size()))
        .append('\n');
    out.append("Method: ").append(method).append("\n");
    if (diagnosis != null) {
      out.append("\n").append("Infeasibility diagnosis").append("\n");
      out.append("  ").append(diagnosis.words()).append("\n");
      for (Rule rule : diagnosis.conflictingRules()) {
        out.append("  - ").append(rule.name()).append("\n");
      }
    }
    if (!marginalValues.isEmpty()) {
      out.append("\n")
          .append("Marginal value of money (points of risk reduced per step, by re-solve)")
          .append("\n");
      for (MarginalValue value : marginalValues) {
        out.append(
                String.format(
                    Locale.ROOT,
                    "  %-12s FY%d  +$%,d -> %+8.3f points (%.3f per $1M, %s)%s",
                    names.program(value.programId()),
                    value.fiscalYear(),
                    value.stepDollars(),
                    value.riskReducedGain(),
                    value.pointsPerMillion(),
                    value.basis() == MarginalBasis.PROVEN_OPTIMAL ? "exact" : "local",
                    value.newlyFunded().isEmpty()
                        ? ""
                        : "  funds "
                            + String.join(
                                ", ", value.newlyFunded().stream().map(names::option).toList())))
            .append('\n');
      }
    }
    if (!counterfactuals.isEmpty()) {
      out.append("\n")
          .append("Counterfactuals (each option forced into the plan, re-solved)")
          .append("\n");
      for (Counterfactual counterfactual : counterfactuals) {
        out.append("  ").append(counterfactual.words()).append("\n");
      }
    }
    out.append("\n").append("Unfunded options").append("\n");
    if (!plan.status().hasPlan() && !unfunded.isEmpty()) {
      // Without a plan every option has the same reason: one line says it for all of them.
      out.append(
              String.format(
                  Locale.ROOT,
                  "  all %d options [%s]: %s",
                  unfunded.size(),
                  ReasonCode.NO_PLAN,
                  unfunded.get(0).detail()))
          .append("\n");
      return out.toString();
    }
    out.append(reasonsText(unfunded, names));
    return out.toString();
  }

  /**
   * The unfunded options' reasons as the report prints them, one line each: " option name [CODE]:
   * detail", with names from {@code scenario}, the scenario explained.
   */
  public static String reasonsText(List<UnfundedExplanation> unfunded, Scenario scenario) {
    return reasonsText(unfunded, Names.of(scenario));
  }

  private static String reasonsText(List<UnfundedExplanation> unfunded, Names names) {
    StringBuilder out = new StringBuilder();
    for (UnfundedExplanation explanation : unfunded) {
      out.append("  ")
          .append(names.option(explanation.optionId()))
          .append(" [")
          .append(explanation.code())
          .append(
              explanation.code() == ReasonCode.CROWDED_OUT && explanation.cause() != null
                  ? "/" + explanation.cause()
                  : "")
          .append("]: ")
          .append(explanation.detail())
          .append("\n");
    }
    return out.toString();
  }
}
