package org.scplan.optimizer.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.explain.BindingLimit;
import org.scplan.explain.CrowdingCause;
import org.scplan.explain.PlanExplanation;
import org.scplan.explain.Rule;
import org.scplan.explain.RuleKind;
import org.scplan.explain.UnfundedExplanation;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.settings.SolverSettings;
import org.scplan.plan.FundedOption;
import org.scplan.plan.FundingDecision;
import org.scplan.plan.GapOutcome;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanAssembler;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.plan.SolverStatistics;
import org.scplan.plan.UnfundedOption;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.valuation.ReasonCode;
import org.scplan.valuation.Valuation;

/**
 * Reasons on the embedded theater: every unfunded option has one, and every "crowded out" reason is
 * true, checked independently: raising exactly the named limits by the stated shortfalls lets the
 * option in beside every funded option (the independent {@link PlanChecker} accepts the plan), its
 * gap is really closed, or it really fits.
 */
class ExplainerTheaterTest {
  private static Scenario theater;
  private static Plan plan;
  private static PlanExplanation explanation;

  @BeforeAll
  static void explainOnce() {
    theater = NotionalTheater.scenario();
    plan =
        Allocator.create(
                AllocatorConfig.builder()
                    .workers(1)
                    .timeLimit(Duration.ofSeconds(300))
                    .deterministicTimeLimit(0.5)
                    .build())
            .allocate(theater)
            .withoutTimings();
    explanation =
        Explainer.create(ExplainerConfig.builder().marginalValues(false).counterfactuals(0).build())
            .explain(theater, plan);
  }

  @Test
  void explain_theater_givesEveryUnfundedOptionAReason() {
    assertThat(plan.unfundedOptions()).hasSizeGreaterThanOrEqualTo(theater.options().size() / 3);
    assertThat(explanation.unfunded())
        .extracting(UnfundedExplanation::optionId)
        .containsExactlyElementsOf(
            plan.unfundedOptions().stream().map(UnfundedOption::optionId).toList());
    assertThat(explanation.unfunded())
        .allSatisfy(
            u -> {
              assertThat(u.detail()).isNotBlank();
              assertThat(u.code()).isNotEqualTo(ReasonCode.NO_PLAN);
              if (u.code() == ReasonCode.CROWDED_OUT) {
                assertThat(u.cause()).isNotNull();
              }
            });
    assertThat(explanation.unfunded())
        .filteredOn(u -> u.cause() == CrowdingCause.BINDING_LIMITS)
        .isNotEmpty()
        .allSatisfy(u -> assertThat(u.bindingLimits()).isNotEmpty());
    // The refined plan keeps every rule, reasons that state facts included.
    assertThat(PlanChecker.check(theater, explanation.plan())).isEmpty();
    System.out.printf(
        "Theater reasons: %d unfunded, %d with a reason; by code and cause: %s%n",
        plan.unfundedOptions().size(),
        explanation.unfunded().stream().filter(u -> !u.detail().isBlank()).count(),
        explanation.unfunded().stream()
            .collect(
                Collectors.groupingBy(
                    u -> u.code() + (u.cause() == null ? "" : "/" + u.cause()),
                    java.util.TreeMap::new,
                    Collectors.counting())));
  }

  @Test
  void explain_theater_crowdedOutReasonsAreTrue() {
    int checked = 0;
    for (UnfundedExplanation u : explanation.unfunded()) {
      if (u.code() != ReasonCode.CROWDED_OUT) {
        continue;
      }
      checked++;
      switch (u.cause()) {
        case BINDING_LIMITS -> {
          Scenario raised = raiseLimits(theater, u.bindingLimits());
          Plan withIt = planWith(raised, u);
          assertThat(PlanChecker.check(raised, withIt))
              .as("%s fits once %s are raised", u.optionId(), u.bindingLimits())
              .isEmpty();
          // And each named limit matters: the option does not fit with the original limits.
          assertThat(PlanChecker.check(theater, planWith(theater, u)))
              .as("%s does not fit with the limits as they are", u.optionId())
              .isNotEmpty();
        }
        case GAP_ALREADY_CLOSED -> {
          GapOutcome gap =
              plan.gaps().stream().filter(g -> g.gapId().equals(u.gapId())).findFirst().get();
          assertThat(gap.value())
              .isCloseTo(gap.maximumValue(), org.assertj.core.data.Offset.offset(1e-9));
        }
        case FITS_BUT_NOT_FOUND -> {
          Plan withIt = planWith(theater, u);
          assertThat(PlanChecker.check(theater, withIt)).isEmpty();
          assertThat(withIt.riskReduced()).isGreaterThan(plan.riskReduced());
        }
        default -> throw new AssertionError("unexpected cause " + u.cause());
      }
    }
    assertThat(checked).isPositive();
    System.out.printf("Theater crowded-out reasons checked true: %d%n", checked);
  }

  @Test
  void explain_theaterTwiceWithSameSeed_givesIdenticalBytes() {
    Explainer explainer =
        Explainer.create(
            ExplainerConfig.builder()
                .marginalValues(false)
                .counterfactuals(2)
                .deterministicTimeLimit(0.2)
                .solver(
                    SolverSettings.builder()
                        .workers(1)
                        .seed(11)
                        .timeLimit(Duration.ofSeconds(120))
                        .build())
                .build());
    String first = org.scplan.json.ExplanationJson.write(explainer.explain(theater, plan));
    String second = org.scplan.json.ExplanationJson.write(explainer.explain(theater, plan));
    assertThat(second).isEqualTo(first);
    assertThat(first).contains("\"counterfactuals\"").contains("\"basis\": \"NEIGHBOURHOOD\"");
  }

  /** The plan's decisions plus the explained option at its analysed program and start. */
  private static Plan planWith(Scenario scenario, UnfundedExplanation u) {
    List<FundingDecision> decisions = new ArrayList<>();
    for (FundedOption funded : plan.fundedOptions()) {
      decisions.add(
          new FundingDecision(funded.optionId(), funded.programId(), funded.startFiscalYear()));
    }
    decisions.add(new FundingDecision(u.optionId(), u.programId(), u.startFiscalYear()));
    return PlanAssembler.assemble(
        Valuation.of(scenario),
        decisions,
        PlanStatus.FEASIBLE,
        SolverStatistics.builder("test").build(),
        "");
  }

  /** The scenario with each named limit raised by its shortfall (shares: the bound dropped). */
  static Scenario raiseLimits(Scenario scenario, List<BindingLimit> limits) {
    Scenario.Builder builder = scenario.toBuilder();
    List<Program> programs = new ArrayList<>(scenario.programs());
    List<Partner> partners = new ArrayList<>(scenario.partners());
    List<BalanceRule> rules = new ArrayList<>(scenario.balanceRules());
    List<SecurityCooperationOffice> offices =
        new ArrayList<>(scenario.securityCooperationOffices());
    for (BindingLimit limit : limits) {
      Rule rule = limit.rule();
      long dollars = (long) Math.ceil(limit.shortfall());
      switch (rule.kind()) {
        case APPROPRIATION -> {
          int p = indexOf(programs.stream().map(Program::id).toList(), rule.subjectId());
          Program program = programs.get(p);
          List<Appropriation> lines = new ArrayList<>();
          boolean done = false;
          for (Appropriation line : program.appropriations()) {
            if (!done && line.fiscalYear() == rule.fiscalYear()) {
              lines.add(
                  new Appropriation(
                      line.fiscalYear(), line.amount() + dollars, line.yearsAvailable()));
              done = true;
            } else {
              lines.add(line);
            }
          }
          programs.set(p, program.toBuilder().appropriations(lines).build());
        }
        case PROGRAM_PARTNER_CAP -> {
          int p = indexOf(programs.stream().map(Program::id).toList(), rule.subjectId());
          Program program = programs.get(p);
          programs.set(
              p,
              program.toBuilder()
                  .perPartnerAnnualCap(program.perPartnerAnnualCap() + dollars)
                  .build());
        }
        case ABSORPTIVE_CAPACITY, SUSTAINMENT_BUDGET -> {
          int i = indexOf(partners.stream().map(Partner::id).toList(), rule.subjectId());
          Partner p = partners.get(i);
          boolean absorptive = rule.kind() == RuleKind.ABSORPTIVE_CAPACITY;
          partners.set(
              i,
              new Partner(
                  p.id(),
                  p.name(),
                  p.combatantCommand(),
                  p.priorityTier(),
                  p.propensity(),
                  p.desireByRole(),
                  absorptive
                      ? p.absorptiveCapacityPerYear() + dollars
                      : p.absorptiveCapacityPerYear(),
                  absorptive
                      ? p.sustainmentBudgetPerYear()
                      : p.sustainmentBudgetPerYear() + dollars,
                  p.vettingStatus(),
                  p.scoId()));
        }
        case SCO_STAFF -> {
          int i =
              indexOf(
                  offices.stream().map(SecurityCooperationOffice::id).toList(), rule.subjectId());
          SecurityCooperationOffice office = offices.get(i);
          offices.set(
              i,
              new SecurityCooperationOffice(
                  office.id(),
                  office.name(),
                  office.staffCapacityPersonWeeksPerYear() + limit.shortfall() + 1e-6));
        }
        case BALANCE_MAXIMUM_AMOUNT, BALANCE_MAXIMUM_SHARE, BALANCE_MINIMUM_SHARE -> {
          int i = indexOf(rules.stream().map(BalanceRule::id).toList(), rule.subjectId());
          BalanceRule b = rules.get(i);
          rules.set(
              i,
              new BalanceRule(
                  b.id(),
                  b.description(),
                  b.tags(),
                  b.scope(),
                  rule.kind() == RuleKind.BALANCE_MINIMUM_SHARE ? null : b.minimumShare(),
                  rule.kind() == RuleKind.BALANCE_MAXIMUM_SHARE ? null : b.maximumShare(),
                  b.minimumAmount(),
                  rule.kind() == RuleKind.BALANCE_MAXIMUM_AMOUNT
                      ? Long.valueOf(b.maximumAmount() + dollars)
                      : b.maximumAmount()));
        }
        default -> throw new AssertionError("not a limit: " + rule);
      }
    }
    Scenario raised = builder.programs(programs).partners(partners).balanceRules(rules).build();
    return new Scenario(
        raised.id(),
        raised.name(),
        raised.horizon(),
        raised.policy(),
        raised.endStates(),
        raised.linesOfEffort(),
        raised.objectives(),
        offices,
        raised.partners(),
        raised.gaps(),
        raised.options(),
        raised.programs(),
        raised.balanceRules(),
        raised.lockedDecisions());
  }

  private static int indexOf(List<String> ids, String id) {
    int i = ids.indexOf(id);
    assertThat(i).as("id %s", id).isNotNegative();
    return i;
  }

  static Set<String> names(List<Rule> rules) {
    return rules.stream().map(Rule::name).collect(Collectors.toSet());
  }
}
