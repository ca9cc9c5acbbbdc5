package org.scplan.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.scplan.scenario.ActivityType;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.BalanceScope;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.CombatantCommand;
import org.scplan.scenario.DotmlpfDomain;
import org.scplan.scenario.EndState;
import org.scplan.scenario.FundingTitle;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Objective;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.PlanningHorizon;
import org.scplan.scenario.Program;
import org.scplan.scenario.ProgramEligibility;
import org.scplan.scenario.RiskAssessment;
import org.scplan.scenario.RoleType;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;
import org.scplan.scenario.Stakeholder;
import org.scplan.scenario.Urgency;
import org.scplan.scenario.VettingRequirement;
import org.scplan.scenario.VettingStatus;

/**
 * A small valid scenario (FY2027–FY2031, two partners, three gaps, four options, two programs) and
 * helpers that replace one entity, so each test breaks exactly one thing.
 */
final class ValidationFixtures {
  static final PlanningHorizon HORIZON = new PlanningHorizon(2027, 2031);

  private ValidationFixtures() {}

  /** The valid scenario. */
  static Scenario valid() {
    return builder().build();
  }

  /** A builder pre-filled with the valid scenario, to add a bad entity to. */
  static Scenario.Builder builder() {
    return Scenario.builder("fixture", HORIZON)
        .name("Validation fixture")
        .endState(new EndState("es-1", "Secure littoral region", 1.0))
        .lineOfEffort(new LineOfEffort("loe-1", "Maritime security", "es-1", 1.0))
        .lineOfEffort(new LineOfEffort("loe-2", "Defense institution building", "es-1", 0.8))
        .objective(new Objective("imo-1", "Coastal patrols by FY2030", "loe-1", 2030, 1.0))
        .objective(new Objective("imo-2", "Ministry budgeting process", "loe-2", 2031, 1.2))
        .securityCooperationOffice(
            new SecurityCooperationOffice("sco-bandaria", "ODC Bandaria", 92))
        .securityCooperationOffice(new SecurityCooperationOffice("sco-cordova", "SCO Cordova", 46))
        .partner(bandaria())
        .partner(cordova())
        .gap(gap("g-1", "p-bandaria", "imo-1", "maritime-security"))
        .gap(gap("g-2", "p-bandaria", "imo-2", "defense-institution"))
        .gap(gap("g-3", "p-cordova", "imo-1", "maritime-security"))
        .option(boardingTraining())
        .option(
            SolutionOption.builder("o-2", "g-1")
                .name("Coastal patrol boats")
                .domain(DotmlpfDomain.MATERIEL)
                .activityType(ActivityType.EQUIPMENT)
                .closure(0.6)
                .costProfile(2_000_000, 1_500_000)
                .leadTimeYears(1)
                .prerequisite("o-1", 1)
                .programIds("fmf")
                .sustainmentCostPerYear(150_000)
                .providingRisk(2)
                .tags("navy")
                .build())
        .option(
            SolutionOption.builder("o-3", "g-2")
                .name("Budget advisors")
                .domain(DotmlpfDomain.ORGANIZATION)
                .activityType(ActivityType.INSTITUTION_BUILDING)
                .closure(0.5)
                .costProfile(250_000, 250_000, 250_000)
                .startWindow(2027, 2029)
                .scoWorkloadPersonWeeksPerYear(2.5)
                .tags("institution")
                .build())
        .option(
            SolutionOption.builder("o-4", "g-3")
                .name("Maritime domain awareness course")
                .domain(DotmlpfDomain.TRAINING)
                .activityType(ActivityType.TRAINING)
                .closure(0.4)
                .costProfile(300_000)
                .scoWorkloadPersonWeeksPerYear(3)
                .exclusionGroup("g-3-training")
                .tags("navy")
                .build())
        .program(s333())
        .program(fmf())
        .balanceRule(
            new BalanceRule(
                "br-1",
                "At least a tenth for institutions",
                List.of("institution"),
                BalanceScope.HORIZON,
                0.1,
                null,
                null,
                null))
        .lockedDecision(new LockedDecision("o-1", "s333", 2027, "obligated FY2027"));
  }

  /** Option o-1: boarding team training for gap g-1, funded by s333. */
  static SolutionOption boardingTraining() {
    return SolutionOption.builder("o-1", "g-1")
        .name("Boarding team training")
        .domain(DotmlpfDomain.TRAINING)
        .activityType(ActivityType.TRAINING)
        .closure(0.4)
        .costProfile(400_000, 300_000)
        .programIds("s333")
        .scoWorkloadPersonWeeksPerYear(4)
        .tags("navy")
        .build();
  }

  /** Partner p-bandaria: tier 1, served by sco-bandaria. */
  static Partner bandaria() {
    return partner("p-bandaria", "Bandaria", 1, 0.8, "sco-bandaria");
  }

  /** Partner p-cordova: tier 2, served by sco-cordova. */
  static Partner cordova() {
    return partner("p-cordova", "Cordova", 2, 0.6, "sco-cordova");
  }

  /** A partner wanting the fixture's two roles, with 5 M$ absorptive capacity. */
  static Partner partner(String id, String name, int tier, double propensity, String scoId) {
    return new Partner(
        id,
        name,
        CombatantCommand.AFRICOM,
        tier,
        propensity,
        Map.of("maritime-security", 0.9, "defense-institution", 0.6),
        5_000_000L,
        1_000_000L,
        VettingStatus.CLEAR,
        scoId);
  }

  /** A gap with risk 4 × 4, needed by FY2029, decaying 20 % a year. */
  static CapabilityGap gap(String id, String partnerId, String objectiveId, String role) {
    return gap(
        id, partnerId, objectiveId, role, new RiskAssessment(4, 4, 3), new Urgency(2029, 0.2));
  }

  /** A gap with the given risk and urgency. */
  static CapabilityGap gap(
      String id,
      String partnerId,
      String objectiveId,
      String role,
      RiskAssessment risk,
      Urgency urgency) {
    return new CapabilityGap(
        id,
        partnerId,
        objectiveId,
        role,
        RoleType.PRIMARY,
        "",
        risk,
        urgency,
        0.0,
        Set.of(Stakeholder.DOD, Stakeholder.PARTNER));
  }

  /** 10 U.S.C. 333: full obligation at start, 3-FY span, one-year money each FY. */
  static Program s333() {
    return program(
        "s333",
        ObligationRule.FULL_AT_START,
        3,
        List.of(
            new Appropriation(2027, 5_000_000, 1),
            new Appropriation(2028, 5_000_000, 1),
            new Appropriation(2029, 5_000_000, 1)));
  }

  /** FMF: incremental, two-year money, plus a carried-over FY2026 balance. */
  static Program fmf() {
    return program(
        "fmf",
        ObligationRule.INCREMENTAL,
        null,
        List.of(
            new Appropriation(2026, 1_000_000, 2),
            new Appropriation(2027, 8_000_000, 2),
            new Appropriation(2028, 8_000_000, 2)));
  }

  /** A program with no eligibility limits beyond standard vetting. */
  static Program program(
      String id, ObligationRule rule, Integer maxSpanYears, List<Appropriation> appropriations) {
    return new Program(
        id,
        id.toUpperCase(),
        "",
        FundingTitle.TITLE_10,
        rule,
        maxSpanYears,
        ProgramEligibility.UNRESTRICTED,
        VettingRequirement.STANDARD,
        0,
        null,
        appropriations);
  }

  /** The valid scenario with option {@code id} changed by {@code change}. */
  static Scenario withOption(String id, UnaryOperator<SolutionOption.Builder> change) {
    Scenario valid = valid();
    return valid.toBuilder()
        .options(
            replace(
                valid.options(), SolutionOption::id, id, o -> change.apply(o.toBuilder()).build()))
        .build();
  }

  /** The valid scenario with partner {@code id} replaced by {@code replacement}. */
  static Scenario withPartner(String id, Partner replacement) {
    Scenario valid = valid();
    return valid.toBuilder()
        .partners(replace(valid.partners(), Partner::id, id, p -> replacement))
        .build();
  }

  /** The valid scenario with gap {@code id} replaced by {@code replacement}. */
  static Scenario withGap(String id, CapabilityGap replacement) {
    Scenario valid = valid();
    return valid.toBuilder()
        .gaps(replace(valid.gaps(), CapabilityGap::id, id, g -> replacement))
        .build();
  }

  /** The valid scenario with program {@code id} replaced by {@code replacement}. */
  static Scenario withProgram(String id, Program replacement) {
    Scenario valid = valid();
    return valid.toBuilder()
        .programs(replace(valid.programs(), Program::id, id, p -> replacement))
        .build();
  }

  private static <T> List<T> replace(
      List<T> entities, Function<T, String> idOf, String id, UnaryOperator<T> change) {
    List<T> result = new ArrayList<>();
    boolean found = false;
    for (T entity : entities) {
      if (idOf.apply(entity).equals(id)) {
        result.add(change.apply(entity));
        found = true;
      } else {
        result.add(entity);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("no entity '" + id + "' in the fixture");
    }
    return result;
  }
}
