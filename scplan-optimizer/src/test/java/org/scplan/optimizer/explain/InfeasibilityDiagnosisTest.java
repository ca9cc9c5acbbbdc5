package org.scplan.optimizer.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.explain.InfeasibilityDiagnosis;
import org.scplan.explain.PlanExplanation;
import org.scplan.explain.Rule;
import org.scplan.explain.RuleKind;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanStatus;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.valuation.Candidate;
import org.scplan.valuation.ReasonCode;
import org.scplan.valuation.Valuation;

/**
 * A theater with three planted conflicting rules: two locked decisions of one partner that each fit
 * its absorptive capacity alone but not together in their common start FY. The diagnosis must name
 * exactly those three rules.
 */
class InfeasibilityDiagnosisTest {
  private static final ExplainerConfig CONFIG =
      ExplainerConfig.builder().deterministicTimeLimit(5.0).counterfactuals(0).build();

  /** The planted conflict: the scenario and the three rules it plants. */
  record Planted(Scenario scenario, List<RuleKey> rules) {}

  /** What identifies a rule independently of its wording. */
  record RuleKey(RuleKind kind, String subjectId, Integer fiscalYear) {
    static RuleKey of(Rule rule) {
      return new RuleKey(rule.kind(), rule.subjectId(), rule.fiscalYear());
    }
  }

  static Planted plant() {
    Scenario theater = NotionalTheater.scenario();
    Valuation valuation = Valuation.of(theater);
    for (Partner partner : theater.partners()) {
      List<SolutionOption> ones = new ArrayList<>();
      for (SolutionOption option : theater.options()) {
        String partnerOfGap =
            theater.gaps().stream()
                .filter(g -> g.id().equals(option.gapId()))
                .findFirst()
                .get()
                .partnerId();
        if (partnerOfGap.equals(partner.id())
            && option.durationYears() == 1
            && option.prerequisites().isEmpty()
            && option.exclusionGroup() == null
            && option.sustainmentCostPerYear() == 0
            && !valuation.candidates(option.id()).isEmpty()) {
          ones.add(option);
        }
      }
      for (int i = 0; i < ones.size(); i++) {
        for (int j = i + 1; j < ones.size(); j++) {
          SolutionOption a = ones.get(i);
          SolutionOption b = ones.get(j);
          if (a.gapId().equals(b.gapId())) {
            continue;
          }
          for (Candidate ca : valuation.candidates(a.id())) {
            for (Candidate cb : valuation.candidates(b.id())) {
              if (ca.startFiscalYear() != cb.startFiscalYear()
                  || ca.programId().equals(cb.programId())) {
                continue;
              }
              long capacity = Math.max(a.totalCost(), b.totalCost());
              Partner lowered =
                  new Partner(
                      partner.id(),
                      partner.name(),
                      partner.combatantCommand(),
                      partner.priorityTier(),
                      partner.propensity(),
                      partner.desireByRole(),
                      capacity,
                      partner.sustainmentBudgetPerYear(),
                      partner.vettingStatus(),
                      partner.scoId());
              List<Partner> partners = new ArrayList<>(theater.partners());
              partners.set(partners.indexOf(partner), lowered);
              Scenario planted =
                  theater.toBuilder()
                      .partners(partners)
                      .lockedDecisions(
                          List.of(
                              new LockedDecision(
                                  a.id(), ca.programId(), ca.startFiscalYear(), "planted"),
                              new LockedDecision(
                                  b.id(), cb.programId(), cb.startFiscalYear(), "planted")))
                      .build();
              return new Planted(
                  planted,
                  List.of(
                      new RuleKey(RuleKind.LOCKED_DECISION, a.id(), ca.startFiscalYear()),
                      new RuleKey(RuleKind.LOCKED_DECISION, b.id(), cb.startFiscalYear()),
                      new RuleKey(
                          RuleKind.ABSORPTIVE_CAPACITY, partner.id(), ca.startFiscalYear())));
            }
          }
        }
      }
    }
    throw new AssertionError(
        "the theater has no pair of one-year options to plant a conflict with");
  }

  @Test
  void diagnose_threePlantedConflictingRules_namesExactlyThem() {
    Planted planted = plant();
    InfeasibilityDiagnosis diagnosis = Explainer.create(CONFIG).diagnose(planted.scenario());
    assertThat(diagnosis.infeasible()).isTrue();
    assertThat(diagnosis.minimal()).isTrue();
    assertThat(diagnosis.conflictingRules())
        .extracting(RuleKey::of)
        .containsExactlyInAnyOrderElementsOf(planted.rules());
    assertThat(diagnosis.words()).contains("3 rules cannot all hold together");
    System.out.printf(
        "Planted conflict diagnosed in %d solves: %s%n", diagnosis.solves(), diagnosis.ruleNames());
  }

  @Test
  void explain_infeasibleScenario_givesADiagnosisNotAStackTrace() {
    Planted planted = plant();
    Plan plan =
        Allocator.create(
                AllocatorConfig.builder()
                    .workers(1)
                    .timeLimit(Duration.ofSeconds(120))
                    .deterministicTimeLimit(5.0)
                    .build())
            .allocate(planted.scenario());
    assertThat(plan.status()).isEqualTo(PlanStatus.INFEASIBLE);
    PlanExplanation explanation = Explainer.create(CONFIG).explain(planted.scenario(), plan);
    assertThat(explanation.diagnosis()).isNotNull();
    assertThat(explanation.diagnosis().conflictingRules())
        .extracting(RuleKey::of)
        .containsExactlyInAnyOrderElementsOf(planted.rules());
    assertThat(explanation.unfunded())
        .allSatisfy(u -> assertThat(u.code()).isEqualTo(ReasonCode.NO_PLAN));
    assertThat(explanation.text()).contains("Infeasibility diagnosis").contains("locked decision");
  }

  /**
   * Two locked one-year options of different partners drawing on one program in the horizon's first
   * FY, whose only appropriation available then is lowered to the larger of their costs: each fits
   * alone, not both. The diagnosis must name the appropriation (program, FY, amount) beside them.
   */
  static Planted plantAppropriation() {
    Scenario theater = NotionalTheater.scenario();
    Valuation valuation = Valuation.of(theater);
    int first = theater.horizon().firstFiscalYear();
    for (Program program : theater.programs()) {
      List<Appropriation> available =
          program.appropriations().stream().filter(a -> a.availableIn(first)).toList();
      if (available.size() != 1 || available.get(0).fiscalYear() != first) {
        continue;
      }
      List<SolutionOption> ones = new ArrayList<>();
      List<Candidate> starts = new ArrayList<>();
      for (SolutionOption option : theater.options()) {
        if (option.durationYears() != 1
            || !option.prerequisites().isEmpty()
            || option.exclusionGroup() != null
            || option.sustainmentCostPerYear() != 0) {
          continue;
        }
        valuation.candidates(option.id()).stream()
            .filter(c -> c.programId().equals(program.id()) && c.startFiscalYear() == first)
            .findFirst()
            .ifPresent(
                candidate -> {
                  ones.add(option);
                  starts.add(candidate);
                });
      }
      for (int i = 0; i < ones.size(); i++) {
        for (int j = i + 1; j < ones.size(); j++) {
          SolutionOption a = ones.get(i);
          SolutionOption b = ones.get(j);
          if (partnerOf(theater, a).equals(partnerOf(theater, b))) {
            continue;
          }
          long amount = Math.max(a.totalCost(), b.totalCost());
          List<Appropriation> appropriations = new ArrayList<>();
          for (Appropriation appropriation : program.appropriations()) {
            appropriations.add(
                appropriation == available.get(0)
                    ? new Appropriation(first, amount, appropriation.yearsAvailable())
                    : appropriation);
          }
          List<Program> programs = new ArrayList<>(theater.programs());
          programs.set(
              programs.indexOf(program),
              program.toBuilder().appropriations(appropriations).build());
          Scenario planted =
              theater.toBuilder()
                  .programs(programs)
                  .lockedDecisions(
                      List.of(
                          new LockedDecision(a.id(), program.id(), first, "planted"),
                          new LockedDecision(b.id(), program.id(), first, "planted")))
                  .build();
          return new Planted(
              planted,
              List.of(
                  new RuleKey(RuleKind.LOCKED_DECISION, a.id(), first),
                  new RuleKey(RuleKind.LOCKED_DECISION, b.id(), first),
                  new RuleKey(RuleKind.APPROPRIATION, program.id(), first)));
        }
      }
    }
    throw new AssertionError("the theater has no pair of one-year options to overrun a program");
  }

  private static String partnerOf(Scenario scenario, SolutionOption option) {
    return scenario.gaps().stream()
        .filter(g -> g.id().equals(option.gapId()))
        .findFirst()
        .get()
        .partnerId();
  }

  @Test
  void diagnose_lockedDecisionsOverrunningOneAppropriation_namesTheAppropriation() {
    Planted planted = plantAppropriation();
    InfeasibilityDiagnosis diagnosis = Explainer.create(CONFIG).diagnose(planted.scenario());
    assertThat(diagnosis.infeasible()).isTrue();
    assertThat(diagnosis.conflictingRules())
        .extracting(RuleKey::of)
        .containsExactlyInAnyOrderElementsOf(planted.rules());
    Rule appropriation =
        diagnosis.conflictingRules().stream()
            .filter(rule -> rule.kind() == RuleKind.APPROPRIATION)
            .findFirst()
            .orElseThrow();
    Program program =
        planted.scenario().programs().stream()
            .filter(p -> p.id().equals(appropriation.subjectId()))
            .findFirst()
            .orElseThrow();
    long amount =
        program.appropriations().stream()
            .filter(a -> a.fiscalYear() == appropriation.fiscalYear())
            .findFirst()
            .orElseThrow()
            .amount();
    assertThat(diagnosis.ruleNames())
        .anySatisfy(
            name ->
                assertThat(name)
                    .contains("program '" + program.name() + "' FY" + appropriation.fiscalYear())
                    .contains(String.format(java.util.Locale.ROOT, "$%,d", amount)));
  }

  @Test
  void explain_infeasibleScenario_listsTheUnfundedOptionsOnOneLine() {
    Planted planted = plant();
    Plan plan =
        Allocator.create(AllocatorConfig.builder().workers(1).deterministicTimeLimit(5.0).build())
            .allocate(planted.scenario());
    PlanExplanation explanation = Explainer.create(CONFIG).explain(planted.scenario(), plan);
    String text = explanation.text();
    assertThat(text)
        .contains("all " + planted.scenario().options().size() + " options [NO_PLAN]: ");
    assertThat(text.split("\\[NO_PLAN\\]", -1)).hasSize(2);
  }

  @Test
  void diagnose_feasibleScenario_findsNoConflict() {
    InfeasibilityDiagnosis diagnosis =
        Explainer.create(CONFIG).diagnose(NotionalTheater.scenario());
    assertThat(diagnosis.infeasible()).isFalse();
    assertThat(diagnosis.conflictingRules()).isEmpty();
  }
}
