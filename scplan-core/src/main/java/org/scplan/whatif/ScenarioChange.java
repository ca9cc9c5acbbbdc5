package org.scplan.whatif;

import java.util.Map;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.Partner;
import org.scplan.scenario.RiskAssessment;
import org.scplan.scenario.SolutionOption;
import org.scplan.support.Copies;

/**
 * One change of a {@link ScenarioDelta}. Each kind is an immutable record; its JSON form is an
 * object with {@code "type"} (the {@link #type()} name) and the record's component names.
 */
public sealed interface ScenarioChange {

  /** The JSON type name of the change, e.g. {@code "scaleAppropriation"}. */
  String type();

  /**
   * Multiplies appropriations by a factor; amounts round down to whole dollars (a cut never leaves
   * more money than the factor says).
   *
   * @param programId the program, or {@code null} for every program
   * @param fiscalYear the appropriation FY, or {@code null} for every FY
   * @param factor the multiplier, ≥ 0 (0.8 = a 20 % cut, 1.1 = a 10 % rise)
   */
  record ScaleAppropriation(String programId, Integer fiscalYear, double factor)
      implements ScenarioChange {
    @Override
    public String type() {
      return "scaleAppropriation";
    }
  }

  /**
   * Takes a number of dollars off one appropriation (a rescission or a congressional mark).
   *
   * @param programId the program
   * @param fiscalYear the appropriation FY
   * @param dollars dollars cut, ≥ 0 and at most the appropriation's amount
   */
  record CutAppropriation(String programId, int fiscalYear, long dollars)
      implements ScenarioChange {
    public CutAppropriation {
      Copies.required(programId, "CutAppropriation", "programId");
    }

    @Override
    public String type() {
      return "cutAppropriation";
    }
  }

  /**
   * Changes a partner's standing; {@code null} fields stay as they are.
   *
   * @param partnerId the partner
   * @param priorityTier new theater priority tier (1 = highest), or {@code null}
   * @param propensity new likelihood that cooperation succeeds, 0–1, or {@code null}
   * @param desireByRole new desire (0–1) for the roles given; roles not given keep their desire
   */
  record ChangePartner(
      String partnerId, Integer priorityTier, Double propensity, Map<String, Double> desireByRole)
      implements ScenarioChange {
    public ChangePartner {
      Copies.required(partnerId, "ChangePartner", "partnerId");
      desireByRole = Copies.sortedMap(desireByRole);
    }

    @Override
    public String type() {
      return "changePartner";
    }
  }

  /**
   * Re-scores the risk of a gap.
   *
   * @param gapId the gap
   * @param risk the new risk assessment (scores 1–5)
   */
  record RescoreRisk(String gapId, RiskAssessment risk) implements ScenarioChange {
    public RescoreRisk {
      Copies.required(gapId, "RescoreRisk", "gapId");
      Copies.required(risk, "RescoreRisk " + gapId, "risk");
    }

    @Override
    public String type() {
      return "rescoreRisk";
    }
  }

  /**
   * Moves the FY by which a gap's capability is needed; its decay per year stays.
   *
   * @param gapId the gap
   * @param needByFiscalYear the new need-by FY
   */
  record ChangeNeedBy(String gapId, int needByFiscalYear) implements ScenarioChange {
    public ChangeNeedBy {
      Copies.required(gapId, "ChangeNeedBy", "gapId");
    }

    @Override
    public String type() {
      return "changeNeedBy";
    }
  }

  /**
   * Adds a partner (its SCO must exist).
   *
   * @param partner the new partner; its id must be new
   */
  record AddPartner(Partner partner) implements ScenarioChange {
    public AddPartner {
      Copies.required(partner, "AddPartner", "partner");
    }

    @Override
    public String type() {
      return "addPartner";
    }
  }

  /**
   * Adds a capability gap.
   *
   * @param gap the new gap; its id must be new
   */
  record AddGap(CapabilityGap gap) implements ScenarioChange {
    public AddGap {
      Copies.required(gap, "AddGap", "gap");
    }

    @Override
    public String type() {
      return "addGap";
    }
  }

  /**
   * Adds a solution option.
   *
   * @param option the new option; its id must be new
   */
  record AddOption(SolutionOption option) implements ScenarioChange {
    public AddOption {
      Copies.required(option, "AddOption", "option");
    }

    @Override
    public String type() {
      return "addOption";
    }
  }

  /**
   * Removes a partner and everything that hangs off it: its gaps and their options, locked
   * decisions and prerequisites on those options, its entries in program eligibility lists, and its
   * SCO when no other partner uses it. Each removal is reported in {@link AppliedDelta#removals()}.
   *
   * @param partnerId the partner
   */
  record RemovePartner(String partnerId) implements ScenarioChange {
    public RemovePartner {
      Copies.required(partnerId, "RemovePartner", "partnerId");
    }

    @Override
    public String type() {
      return "removePartner";
    }
  }

  /**
   * Removes a gap with its options, and locked decisions and prerequisites on those options.
   *
   * @param gapId the gap
   */
  record RemoveGap(String gapId) implements ScenarioChange {
    public RemoveGap {
      Copies.required(gapId, "RemoveGap", "gapId");
    }

    @Override
    public String type() {
      return "removeGap";
    }
  }

  /**
   * Removes an option, with locked decisions on it and prerequisites pointing at it.
   *
   * @param optionId the option
   */
  record RemoveOption(String optionId) implements ScenarioChange {
    public RemoveOption {
      Copies.required(optionId, "RemoveOption", "optionId");
    }

    @Override
    public String type() {
      return "removeOption";
    }
  }
}
