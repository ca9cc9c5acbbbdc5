package org.scplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scplan.explain.Rule;
import org.scplan.explain.RuleKind;
import org.scplan.plan.Plan;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.BalanceScope;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;
import org.scplan.valuation.Candidate;

/**
 * The limit rows against the rules as docs/MODEL.md §3–5 state them, recomputed here from the
 * scenario's records in exact dollars: each row's bounds and its use by the greedy plan, found by
 * the rule each row names; and the soonest-expiring-first draw against the plan's own lapse.
 */
class LimitRowsTest {
  private static final String SCENARIOS = "org.scplan.engine.AllocationInstanceTest#scenarios";

  @ParameterizedTest(name = "{0}")
  @MethodSource(SCENARIOS)
  void rowsOfAPlan_boundAndCountWhatEachRuleSays(String name, Scenario scenario) {
    AllocationInstance instance = exact(scenario);
    LimitRows rows = new LimitRows(instance);
    int[] chosen = GreedySearch.run(instance).chosenCandidate();
    long[] use = new long[rows.count()];
    for (int o = 0; o < chosen.length; o++) {
      for (int c = 0; c < instance.candidates[o].length; c++) {
        int[] previous = {-1};
        boolean funded = chosen[o] == c;
        rows.forEachTerm(
            o,
            c,
            LimitRows.ALL,
            (row, coefficient) -> {
              assertThat(row).as("terms in increasing row order").isGreaterThan(previous[0]);
              assertThat(coefficient).as("row %d", row).isNotZero();
              previous[0] = row;
              if (funded) {
                use[row] += coefficient;
              }
            });
      }
    }
    Expected expected = new Expected(scenario, instance, chosen);
    Map<RuleKind, Integer> rowsByKind = new HashMap<>();
    for (int row = 0; row < rows.count(); row++) {
      if (rows.family(row) == LimitRows.Family.PROGRAM_MONEY) {
        String key = programId(instance, rows.subject(row)) + "@" + fiscalYear(instance, row, rows);
        assertThat(use[row]).as("money %s", key).isEqualTo(expected.money(key));
        continue;
      }
      Rule rule = rows.rule(row);
      rowsByKind.merge(rule.kind(), 1, Integer::sum);
      assertThat(new long[] {rows.lower(row), use[row], rows.upper(row)})
          .as("%s", rule.name())
          .containsExactly(expected.bounds(rule)[0], expected.use(rule), expected.bounds(rule)[1]);
    }
    assertThat(rowsByKind.keySet())
        .as("every family has rows")
        .contains(
            RuleKind.ABSORPTIVE_CAPACITY,
            RuleKind.SUSTAINMENT_BUDGET,
            RuleKind.SCO_STAFF,
            RuleKind.BALANCE_MAXIMUM_SHARE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(SCENARIOS)
  void soonestExpiringFirst_lapsesWhatThePlanLapses(String name, Scenario scenario) {
    AllocationInstance instance = exact(scenario);
    GreedySearch.Result greedy = GreedySearch.run(instance);
    ResourceLedger ledger = new ResourceLedger(instance);
    int[] chosen = greedy.chosenCandidate();
    for (int o = 0; o < chosen.length; o++) {
      if (chosen[o] >= 0) {
        ledger.apply(o, chosen[o], 1);
      }
    }
    long lapsed = 0;
    for (int p = 0; p < instance.programs.length; p++) {
      long[] remaining = new long[instance.appropriations[p].length];
      long[] unpaid = ledger.rows().pay(p, ledger.needs(p), remaining, null);
      assertThat(unpaid).as("program %d", p).containsOnly(0L);
      lapsed += ledger.lapsedUnits(p);
    }
    Plan plan = greedy.toPlan(instance, 0.0);
    assertThat(lapsed).isEqualTo(plan.totals().totalLapsed());
  }

  private static AllocationInstance exact(Scenario scenario) {
    return Preparation.prepare(scenario).inExactDollars();
  }

  private static String programId(AllocationInstance instance, int program) {
    return instance.programs[program].id();
  }

  private static int fiscalYear(AllocationInstance instance, int row, LimitRows rows) {
    return instance.firstFiscalYear + rows.year(row);
  }

  /** The rules recomputed from the scenario's records, keyed by the ids and FY a rule names. */
  private static final class Expected {
    private final Scenario scenario;
    private final Map<String, Long> sums = new HashMap<>();
    private final int first;
    private final int last;

    Expected(Scenario scenario, AllocationInstance instance, int[] chosen) {
      this.scenario = scenario;
      first = scenario.horizon().firstFiscalYear();
      last = scenario.horizon().lastFiscalYear();
      Map<String, String> partnerOfGap = new HashMap<>();
      scenario.gaps().forEach(gap -> partnerOfGap.put(gap.id(), gap.partnerId()));
      Map<String, String> scoOfPartner = new HashMap<>();
      scenario.partners().forEach(partner -> scoOfPartner.put(partner.id(), partner.scoId()));
      for (int o = 0; o < chosen.length; o++) {
        if (chosen[o] < 0) {
          continue;
        }
        SolutionOption option = scenario.options().get(o);
        Candidate candidate = instance.valuation.candidates(option.id()).get(chosen[o]);
        Program program = program(candidate.programId());
        String partner = partnerOfGap.get(option.gapId());
        int start = candidate.startFiscalYear();
        for (int fy = first; fy <= last; fy++) {
          int offset = fy - start;
          boolean runs = offset >= 0 && offset < option.durationYears();
          long cost = runs ? option.cost(offset) : 0;
          long obligated =
              program.obligationRule() == ObligationRule.FULL_AT_START
                  ? (offset == 0 ? option.totalCost() : 0)
                  : cost;
          add("money " + program.id() + "@" + fy, obligated);
          add(RuleKind.ABSORPTIVE_CAPACITY + partner + "@" + fy, cost);
          add(RuleKind.PROGRAM_PARTNER_CAP + program.id() + partner + "@" + fy, obligated);
          if (candidate.completionFiscalYear() < fy) {
            add(RuleKind.SUSTAINMENT_BUDGET + partner + "@" + fy, option.sustainmentCostPerYear());
          }
          if (runs) {
            add(
                RuleKind.SCO_STAFF + scoOfPartner.get(partner) + "@" + fy,
                (long) Math.ceil(option.scoWorkloadPersonWeeksPerYear() * 10 - 1e-9));
          }
          for (BalanceRule rule : scenario.balanceRules()) {
            String period = rule.scope() == BalanceScope.PER_FISCAL_YEAR ? "@" + fy : "@horizon";
            add("all " + rule.id() + period, obligated);
            if (rule.covers(option.tags())) {
              add("covered " + rule.id() + period, obligated);
            }
          }
        }
      }
    }

    private void add(String key, long amount) {
      sums.merge(key, amount, Long::sum);
    }

    private long sum(String key) {
      return sums.getOrDefault(key, 0L);
    }

    long money(String programAtYear) {
      return sum("money " + programAtYear);
    }

    private Program program(String id) {
      return scenario.programs().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private BalanceRule balanceRule(String id) {
      return scenario.balanceRules().stream()
          .filter(r -> r.id().equals(id))
          .findFirst()
          .orElseThrow();
    }

    private String at(Rule rule) {
      return "@" + (rule.fiscalYear() == null ? "horizon" : rule.fiscalYear());
    }

    long use(Rule rule) {
      return switch (rule.kind()) {
        case ABSORPTIVE_CAPACITY, SUSTAINMENT_BUDGET, SCO_STAFF ->
            sum(rule.kind() + rule.subjectId() + at(rule));
        case PROGRAM_PARTNER_CAP ->
            sum(rule.kind() + rule.subjectId() + rule.partnerId() + at(rule));
        case BALANCE_MINIMUM_AMOUNT, BALANCE_MAXIMUM_AMOUNT ->
            sum("covered " + rule.subjectId() + at(rule));
        case BALANCE_MINIMUM_SHARE, BALANCE_MAXIMUM_SHARE -> {
          BalanceRule balance = balanceRule(rule.subjectId());
          double share =
              rule.kind() == RuleKind.BALANCE_MINIMUM_SHARE
                  ? balance.minimumShare()
                  : balance.maximumShare();
          yield 10_000L * sum("covered " + rule.subjectId() + at(rule))
              - Math.round(share * 10_000) * sum("all " + rule.subjectId() + at(rule));
        }
        default -> throw new AssertionError("not a limit: " + rule);
      };
    }

    long[] bounds(Rule rule) {
      long none = Long.MIN_VALUE;
      long open = Long.MAX_VALUE;
      return switch (rule.kind()) {
        case ABSORPTIVE_CAPACITY ->
            new long[] {none, partner(rule.subjectId()).absorptiveCapacityPerYear()};
        case SUSTAINMENT_BUDGET ->
            new long[] {none, partner(rule.subjectId()).sustainmentBudgetPerYear()};
        case SCO_STAFF -> {
          SecurityCooperationOffice office =
              scenario.securityCooperationOffices().stream()
                  .filter(s -> s.id().equals(rule.subjectId()))
                  .findFirst()
                  .orElseThrow();
          yield new long[] {
            none, (long) Math.floor(office.staffCapacityPersonWeeksPerYear() * 10 + 1e-9)
          };
        }
        case PROGRAM_PARTNER_CAP ->
            new long[] {none, program(rule.subjectId()).perPartnerAnnualCap()};
        case BALANCE_MINIMUM_SHARE -> new long[] {0, open};
        case BALANCE_MAXIMUM_SHARE -> new long[] {none, 0};
        case BALANCE_MINIMUM_AMOUNT ->
            new long[] {balanceRule(rule.subjectId()).minimumAmount(), open};
        case BALANCE_MAXIMUM_AMOUNT ->
            new long[] {none, balanceRule(rule.subjectId()).maximumAmount()};
        default -> throw new AssertionError("not a limit: " + rule);
      };
    }

    private Partner partner(String id) {
      List<Partner> partners = scenario.partners();
      return partners.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
  }
}
