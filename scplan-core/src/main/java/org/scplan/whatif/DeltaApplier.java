package org.scplan.whatif;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Prerequisite;
import org.scplan.scenario.Program;
import org.scplan.scenario.ProgramEligibility;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;
import org.scplan.scenario.Urgency;
import org.scplan.support.EditDistance;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.whatif.ScenarioChange.AddGap;
import org.scplan.whatif.ScenarioChange.AddOption;
import org.scplan.whatif.ScenarioChange.AddPartner;
import org.scplan.whatif.ScenarioChange.ChangeNeedBy;
import org.scplan.whatif.ScenarioChange.ChangePartner;
import org.scplan.whatif.ScenarioChange.CutAppropriation;
import org.scplan.whatif.ScenarioChange.RemoveGap;
import org.scplan.whatif.ScenarioChange.RemoveOption;
import org.scplan.whatif.ScenarioChange.RemovePartner;
import org.scplan.whatif.ScenarioChange.RescoreRisk;
import org.scplan.whatif.ScenarioChange.ScaleAppropriation;

/**
 * Applies changes to working copies of a scenario's entity lists, recording every problem (a change
 * that cannot apply is skipped so that the rest are still checked) and every removal.
 */
final class DeltaApplier {
  private final Scenario base;
  private final String sourceName;
  private final List<Partner> partners;
  private final List<SecurityCooperationOffice> offices;
  private final List<CapabilityGap> gaps;
  private final List<SolutionOption> options;
  private final List<Program> programs;
  private final List<LockedDecision> locks;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Removal> removals = new ArrayList<>();
  private String location;

  DeltaApplier(Scenario base, String sourceName) {
    this.base = java.util.Objects.requireNonNull(base, "base");
    this.sourceName = java.util.Objects.requireNonNull(sourceName, "sourceName");
    partners = new ArrayList<>(base.partners());
    offices = new ArrayList<>(base.securityCooperationOffices());
    gaps = new ArrayList<>(base.gaps());
    options = new ArrayList<>(base.options());
    programs = new ArrayList<>(base.programs());
    locks = new ArrayList<>(base.lockedDecisions());
  }

  AppliedDelta apply(List<ScenarioChange> changes) {
    for (int i = 0; i < changes.size(); i++) {
      ScenarioChange change = changes.get(i);
      location = sourceName + " $.changes[" + i + "] (" + change.type() + ")";
      if (change instanceof ScaleAppropriation scale) {
        scale(scale);
      } else if (change instanceof CutAppropriation cut) {
        cut(cut);
      } else if (change instanceof ChangePartner partner) {
        changePartner(partner);
      } else if (change instanceof RescoreRisk rescore) {
        replaceGap(rescore.gapId(), gap -> withRiskAndUrgency(gap, rescore.risk(), gap.urgency()));
      } else if (change instanceof ChangeNeedBy needBy) {
        replaceGap(
            needBy.gapId(),
            gap ->
                withRiskAndUrgency(
                    gap,
                    gap.risk(),
                    new Urgency(needBy.needByFiscalYear(), gap.urgency().decayPerYear())));
      } else if (change instanceof AddPartner add) {
        addPartner(add.partner());
      } else if (change instanceof AddGap add) {
        addGap(add.gap());
      } else if (change instanceof AddOption add) {
        addOption(add.option());
      } else if (change instanceof RemovePartner remove) {
        removePartner(remove.partnerId());
      } else if (change instanceof RemoveGap remove) {
        if (index(gaps, remove.gapId(), CapabilityGap::id) < 0) {
          unknown("gapId", "gap", remove.gapId(), gaps.stream().map(CapabilityGap::id).toList());
        } else {
          removeGap(remove.gapId(), "removed by the delta");
        }
      } else if (change instanceof RemoveOption remove) {
        if (index(options, remove.optionId(), SolutionOption::id) < 0) {
          unknown(
              "optionId",
              "option",
              remove.optionId(),
              options.stream().map(SolutionOption::id).toList());
        } else {
          removeOption(remove.optionId(), "removed by the delta");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(sourceName, problems);
    }
    Scenario changed =
        new Scenario(
            base.id(),
            base.name(),
            base.horizon(),
            base.policy(),
            base.endStates(),
            base.linesOfEffort(),
            base.objectives(),
            offices,
            partners,
            gaps,
            options,
            programs,
            base.balanceRules(),
            locks);
    return new AppliedDelta(changed, removals);
  }

  private void scale(ScaleAppropriation scale) {
    if (!Double.isFinite(scale.factor()) || scale.factor() < 0) {
      problems.add(
          new Problem(
              location,
              "factor",
              "factor " + scale.factor() + " is not a finite number ≥ 0",
              "write 0.8 for a 20 % cut, 1.1 for a 10 % rise"));
      return;
    }
    if (scale.programId() != null && index(programs, scale.programId(), Program::id) < 0) {
      unknown(
          "programId", "program", scale.programId(), programs.stream().map(Program::id).toList());
      return;
    }
    BigDecimal factor = BigDecimal.valueOf(scale.factor());
    boolean matched = false;
    for (int p = 0; p < programs.size(); p++) {
      Program program = programs.get(p);
      if (scale.programId() != null && !scale.programId().equals(program.id())) {
        continue;
      }
      List<Appropriation> scaled = new ArrayList<>();
      for (Appropriation appropriation : program.appropriations()) {
        if (scale.fiscalYear() == null || scale.fiscalYear() == appropriation.fiscalYear()) {
          matched = true;
          BigDecimal amount =
              BigDecimal.valueOf(appropriation.amount())
                  .multiply(factor)
                  .setScale(0, RoundingMode.FLOOR);
          if (amount.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            problems.add(
                new Problem(
                    location,
                    "factor",
                    "scaling program '"
                        + program.id()
                        + "' FY"
                        + appropriation.fiscalYear()
                        + " by "
                        + scale.factor()
                        + " overflows a long of dollars",
                    "check the factor for extra digits"));
            return;
          }
          scaled.add(
              new Appropriation(
                  appropriation.fiscalYear(),
                  amount.longValueExact(),
                  appropriation.yearsAvailable()));
        } else {
          scaled.add(appropriation);
        }
      }
      programs.set(p, program.toBuilder().appropriations(scaled).build());
    }
    if (!matched) {
      problems.add(
          new Problem(
              location,
              "fiscalYear",
              "no appropriation of "
                  + (scale.programId() == null
                      ? "any program"
                      : "program '" + scale.programId() + "'")
                  + (scale.fiscalYear() == null
                      ? " exists to scale"
                      : " is for FY" + scale.fiscalYear()),
              scale.fiscalYear() == null
                  ? "leave the change out: there is no money to scale"
                  : "use an FY the program has money for, or leave fiscalYear out for every FY"));
    }
  }

  private void cut(CutAppropriation cut) {
    int p = index(programs, cut.programId(), Program::id);
    if (p < 0) {
      unknown("programId", "program", cut.programId(), programs.stream().map(Program::id).toList());
      return;
    }
    Program program = programs.get(p);
    List<Appropriation> changed = new ArrayList<>();
    boolean matched = false;
    for (Appropriation appropriation : program.appropriations()) {
      if (appropriation.fiscalYear() != cut.fiscalYear() || matched) {
        changed.add(appropriation);
        continue;
      }
      matched = true;
      if (cut.dollars() < 0 || cut.dollars() > appropriation.amount()) {
        problems.add(
            new Problem(
                location,
                "dollars",
                "cut of "
                    + cut.dollars()
                    + " dollars is outside 0.."
                    + appropriation.amount()
                    + ", the amount of program '"
                    + program.id()
                    + "' FY"
                    + cut.fiscalYear(),
                "cut at most the appropriation's amount"));
        return;
      }
      changed.add(
          new Appropriation(
              appropriation.fiscalYear(),
              appropriation.amount() - cut.dollars(),
              appropriation.yearsAvailable()));
    }
    if (!matched) {
      problems.add(
          new Problem(
              location,
              "fiscalYear",
              "program '" + program.id() + "' has no appropriation for FY" + cut.fiscalYear(),
              "use one of FY"
                  + String.join(
                      ", FY",
                      program.appropriations().stream()
                          .map(a -> String.valueOf(a.fiscalYear()))
                          .toList())));
      return;
    }
    programs.set(p, program.toBuilder().appropriations(changed).build());
  }

  private void changePartner(ChangePartner change) {
    int p = index(partners, change.partnerId(), Partner::id);
    if (p < 0) {
      unknown(
          "partnerId", "partner", change.partnerId(), partners.stream().map(Partner::id).toList());
      return;
    }
    Partner partner = partners.get(p);
    Map<String, Double> desire = new TreeMap<>(partner.desireByRole());
    desire.putAll(change.desireByRole());
    partners.set(
        p,
        new Partner(
            partner.id(),
            partner.name(),
            partner.combatantCommand(),
            change.priorityTier() == null ? partner.priorityTier() : change.priorityTier(),
            change.propensity() == null ? partner.propensity() : change.propensity(),
            desire,
            partner.absorptiveCapacityPerYear(),
            partner.sustainmentBudgetPerYear(),
            partner.vettingStatus(),
            partner.scoId()));
  }

  private void replaceGap(String gapId, java.util.function.UnaryOperator<CapabilityGap> change) {
    int g = index(gaps, gapId, CapabilityGap::id);
    if (g < 0) {
      unknown("gapId", "gap", gapId, gaps.stream().map(CapabilityGap::id).toList());
      return;
    }
    gaps.set(g, change.apply(gaps.get(g)));
  }

  private void addPartner(Partner partner) {
    if (index(partners, partner.id(), Partner::id) >= 0) {
      duplicate("partner.id", "partner", partner.id());
      return;
    }
    if (index(offices, partner.scoId(), SecurityCooperationOffice::id) < 0) {
      unknown(
          "partner.scoId",
          "security cooperation office",
          partner.scoId(),
          offices.stream().map(SecurityCooperationOffice::id).toList());
      return;
    }
    partners.add(partner);
  }

  private void addGap(CapabilityGap gap) {
    if (index(gaps, gap.id(), CapabilityGap::id) >= 0) {
      duplicate("gap.id", "gap", gap.id());
      return;
    }
    if (index(partners, gap.partnerId(), Partner::id) < 0) {
      unknown(
          "gap.partnerId", "partner", gap.partnerId(), partners.stream().map(Partner::id).toList());
      return;
    }
    gaps.add(gap);
  }

  private void addOption(SolutionOption option) {
    if (index(options, option.id(), SolutionOption::id) >= 0) {
      duplicate("option.id", "option", option.id());
      return;
    }
    if (index(gaps, option.gapId(), CapabilityGap::id) < 0) {
      unknown("option.gapId", "gap", option.gapId(), gaps.stream().map(CapabilityGap::id).toList());
      return;
    }
    options.add(option);
  }

  private void removePartner(String partnerId) {
    int p = index(partners, partnerId, Partner::id);
    if (p < 0) {
      unknown("partnerId", "partner", partnerId, partners.stream().map(Partner::id).toList());
      return;
    }
    // Refuse before removing anything: a program restricted to this partner alone would become
    // unrestricted (an empty list means any partner), which is the opposite of what was asked.
    for (Program program : programs) {
      if (program.eligibility().partnerIds().equals(List.of(partnerId))) {
        problems.add(
            new Problem(
                location,
                "partnerId",
                "program '"
                    + program.id()
                    + "' may serve only partner '"
                    + partnerId
                    + "'; removing the partner would leave its partner list empty, which means"
                    + " any partner",
                "remove the program from the scenario or change its eligibility first"));
        return;
      }
    }
    Partner partner = partners.remove(p);
    removals.add(new Removal("partner", partnerId, "removed by the delta"));
    List<String> gapIds = new ArrayList<>();
    for (CapabilityGap gap : List.copyOf(gaps)) {
      if (gap.partnerId().equals(partnerId)) {
        gapIds.add(gap.id());
        gaps.remove(gap);
        removals.add(new Removal("gap", gap.id(), "its partner '" + partnerId + "' was removed"));
      }
    }
    Map<String, String> removedOptions = new java.util.LinkedHashMap<>();
    for (SolutionOption option : options) {
      if (gapIds.contains(option.gapId())) {
        removedOptions.put(option.id(), "its gap '" + option.gapId() + "' was removed");
      }
    }
    removeOptions(removedOptions);
    for (int i = 0; i < programs.size(); i++) {
      Program program = programs.get(i);
      ProgramEligibility eligibility = program.eligibility();
      if (!eligibility.partnerIds().contains(partnerId)
          && !eligibility.prohibitedPartnerIds().contains(partnerId)) {
        continue;
      }
      Predicate<String> kept = id -> !id.equals(partnerId);
      programs.set(
          i,
          program.toBuilder()
              .eligibility(
                  new ProgramEligibility(
                      eligibility.activityTypes(),
                      eligibility.domains(),
                      eligibility.combatantCommands(),
                      eligibility.partnerIds().stream().filter(kept).toList(),
                      eligibility.prohibitedPartnerIds().stream().filter(kept).toList()))
              .build());
      removals.add(
          new Removal(
              "program eligibility entry",
              program.id() + " -> " + partnerId,
              "its partner '" + partnerId + "' was removed"));
    }
    String scoId = partner.scoId();
    if (partners.stream().noneMatch(other -> other.scoId().equals(scoId))) {
      offices.removeIf(office -> office.id().equals(scoId));
      removals.add(
          new Removal(
              "security cooperation office",
              scoId,
              "it served only partner '" + partnerId + "', which was removed"));
    }
  }

  private void removeGap(String gapId, String because) {
    gaps.removeIf(gap -> gap.id().equals(gapId));
    removals.add(new Removal("gap", gapId, because));
    Map<String, String> removed = new java.util.LinkedHashMap<>();
    for (SolutionOption option : options) {
      if (option.gapId().equals(gapId)) {
        removed.put(option.id(), "its gap '" + gapId + "' was removed");
      }
    }
    removeOptions(removed);
  }

  private void removeOption(String optionId, String because) {
    removeOptions(Map.of(optionId, because));
  }

  /**
   * Removes the options (id to reason) together, then the locked decisions on them and the
   * prerequisites of the remaining options that point at them (prerequisites among the removed
   * options go with their options and are not reported twice).
   */
  private void removeOptions(Map<String, String> removed) {
    options.removeIf(option -> removed.containsKey(option.id()));
    removed.forEach((id, because) -> removals.add(new Removal("option", id, because)));
    for (LockedDecision lock : List.copyOf(locks)) {
      if (removed.containsKey(lock.optionId())) {
        locks.remove(lock);
        removals.add(
            new Removal(
                "locked decision",
                lock.optionId() + " (" + lock.programId() + " FY" + lock.startFiscalYear() + ")",
                "its option '" + lock.optionId() + "' was removed"));
      }
    }
    for (int i = 0; i < options.size(); i++) {
      SolutionOption dependent = options.get(i);
      List<Prerequisite> kept = new ArrayList<>();
      for (Prerequisite prerequisite : dependent.prerequisites()) {
        if (removed.containsKey(prerequisite.optionId())) {
          removals.add(
              new Removal(
                  "prerequisite",
                  dependent.id() + " -> " + prerequisite.optionId(),
                  "option '"
                      + prerequisite.optionId()
                      + "' was removed, so '"
                      + dependent.id()
                      + "' no longer waits for it"));
        } else {
          kept.add(prerequisite);
        }
      }
      if (kept.size() != dependent.prerequisites().size()) {
        options.set(i, withPrerequisites(dependent, kept));
      }
    }
  }

  private void unknown(String field, String kind, String id, List<String> known) {
    String closest = EditDistance.closest(id, known);
    problems.add(
        new Problem(
            location,
            field,
            "unknown " + kind + " '" + id + "'",
            closest == null
                ? "check the id against the scenario"
                : "did you mean '" + closest + "'?"));
  }

  private void duplicate(String field, String kind, String id) {
    problems.add(
        new Problem(
            location,
            field,
            "the scenario already has a " + kind + " '" + id + "'",
            "give the new " + kind + " an id of its own"));
  }

  private static <T> int index(
      List<T> list, String id, java.util.function.Function<T, String> key) {
    for (int i = 0; i < list.size(); i++) {
      if (key.apply(list.get(i)).equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static CapabilityGap withRiskAndUrgency(
      CapabilityGap gap, org.scplan.scenario.RiskAssessment risk, Urgency urgency) {
    return new CapabilityGap(
        gap.id(),
        gap.partnerId(),
        gap.objectiveId(),
        gap.role(),
        gap.roleType(),
        gap.description(),
        risk,
        urgency,
        gap.thirdPartyCoverage(),
        gap.sweetSpot());
  }

  private static SolutionOption withPrerequisites(
      SolutionOption option, List<Prerequisite> prerequisites) {
    return new SolutionOption(
        option.id(),
        option.gapId(),
        option.name(),
        option.domain(),
        option.activityType(),
        option.closure(),
        option.costProfile(),
        option.leadTimeYears(),
        option.earliestStartFiscalYear(),
        option.latestStartFiscalYear(),
        option.programIds(),
        prerequisites,
        option.exclusionGroup(),
        option.scoWorkloadPersonWeeksPerYear(),
        option.sustainmentCostPerYear(),
        option.providingRisk(),
        option.tags(),
        option.measuresOfPerformance());
  }
}
