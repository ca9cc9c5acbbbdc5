package org.scplan.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
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
import org.scplan.valuation.Candidate;
import org.scplan.valuation.Valuation;

/**
 * Seeded random scenarios for cross-checks and property tests. {@link #tiny(long)} makes scenarios
 * small enough to enumerate exhaustively (at most 8 options over 2–3 fiscal years) that still
 * exercise every rule: both obligation rules, 1-year, 2-year and no-year money, prerequisites,
 * exclusion groups, every capacity, caps and balance rules. All money is in whole thousands of
 * dollars so the model's rounding to $1,000 units is exact.
 */
public final class RandomScenarios {
  private static final String[] ROLES = {"maritime-security", "border-security", "peacekeeping"};

  /** Most assignments a tiny scenario needs enumerated, so exhaustive checks stay fast. */
  public static final long MAXIMUM_ASSIGNMENTS = 2_000_000L;

  private RandomScenarios() {}

  /** A tiny scenario for {@code seed}: the same seed always gives the same scenario. */
  public static Scenario tiny(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int first = 2027;
    int years = 2 + random.nextInt(2);
    PlanningHorizon horizon = new PlanningHorizon(first, first + years - 1);
    Scenario.Builder builder =
        Scenario.builder("tiny-" + seed, horizon).name("Tiny scenario " + seed);
    builder.endState(new EndState("es-1", "Stable region", 1.0));
    builder.lineOfEffort(new LineOfEffort("loe-1", "Security", "es-1", 1.0));
    builder.lineOfEffort(
        new LineOfEffort("loe-2", "Institutions", "es-1", 0.5 + random.nextInt(3) * 0.5));
    builder.objective(
        new Objective(
            "imo-1", "Secure borders", "loe-1", first + years - 1 + random.nextInt(2), 1.0));
    builder.objective(new Objective("imo-2", "Govern the force", "loe-2", first + years, 1.2));

    int partnerCount = 1 + random.nextInt(2);
    for (int p = 0; p < partnerCount; p++) {
      builder.securityCooperationOffice(
          new SecurityCooperationOffice(
              "sco-" + p, "SCO " + p, random.nextInt(4) == 0 ? 4 + random.nextInt(6) : 100));
      builder.partner(
          new Partner(
              "p-" + p,
              "Partner " + p,
              p == 0 ? CombatantCommand.AFRICOM : CombatantCommand.SOUTHCOM,
              1 + random.nextInt(4),
              0.4 + 0.1 * random.nextInt(6),
              Map.of(
                  ROLES[0],
                  0.5 + 0.1 * random.nextInt(6),
                  ROLES[1],
                  0.3 + 0.1 * random.nextInt(8),
                  ROLES[2],
                  0.1 * random.nextInt(11)),
              random.nextInt(3) == 0 ? thousands(random, 300, 2_000) : null,
              random.nextInt(4) == 0 ? thousands(random, 20, 200) : null,
              random.nextInt(6) == 0 ? VettingStatus.RESTRICTED : VettingStatus.CLEAR,
              "sco-" + p));
    }

    int programCount = 1 + random.nextInt(3);
    List<Program> programs = new ArrayList<>();
    for (int q = 0; q < programCount; q++) {
      boolean fullAtStart = random.nextInt(3) == 0;
      List<Appropriation> appropriations = new ArrayList<>();
      for (int y = 0; y < years; y++) {
        if (random.nextInt(5) > 0) {
          int kind = random.nextInt(4);
          Integer available = kind == 0 ? null : kind == 1 ? 2 : 1;
          appropriations.add(
              new Appropriation(first + y, thousands(random, 100, 1_500), available));
        }
      }
      if (random.nextInt(5) == 0) {
        appropriations.add(new Appropriation(first - 1, thousands(random, 100, 800), 2));
      }
      programs.add(
          new Program(
              "prog-" + q,
              "Program " + q,
              fullAtStart ? "10 U.S.C. 333" : "O&M",
              q % 2 == 0 ? FundingTitle.TITLE_10 : FundingTitle.TITLE_22,
              fullAtStart ? ObligationRule.FULL_AT_START : ObligationRule.INCREMENTAL,
              fullAtStart ? 1 + random.nextInt(3) : null,
              random.nextInt(4) == 0
                  ? new ProgramEligibility(
                      EnumSet.of(ActivityType.TRAINING, ActivityType.EQUIPMENT),
                      Set.of(),
                      Set.of(),
                      List.of(),
                      List.of())
                  : ProgramEligibility.UNRESTRICTED,
              random.nextInt(4) == 0 ? VettingRequirement.STRICT : VettingRequirement.STANDARD,
              random.nextInt(4) == 0 ? 1 : 0,
              random.nextInt(4) == 0 ? thousands(random, 200, 900) : null,
              appropriations));
    }
    programs.forEach(builder::program);

    int gapCount = 1 + random.nextInt(4);
    for (int g = 0; g < gapCount; g++) {
      String partner = "p-" + random.nextInt(partnerCount);
      builder.gap(
          new CapabilityGap(
              "g-" + g,
              partner,
              random.nextBoolean() ? "imo-1" : "imo-2",
              ROLES[random.nextInt(2)],
              RoleType.values()[random.nextInt(3)],
              "Gap " + g,
              new RiskAssessment(
                  1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5)),
              new Urgency(first + random.nextInt(years), 0.1 * random.nextInt(6)),
              random.nextInt(5) == 0 ? 0.25 : 0.0,
              random.nextBoolean()
                  ? EnumSet.of(Stakeholder.DOD, Stakeholder.PARTNER)
                  : EnumSet.of(Stakeholder.DOD)));
    }

    int optionCount = 1 + random.nextInt(8);
    List<SolutionOption> options = new ArrayList<>();
    for (int o = 0; o < optionCount; o++) {
      int duration = 1 + random.nextInt(Math.min(2, years));
      long[] costs = new long[duration];
      for (int i = 0; i < duration; i++) {
        costs[i] = thousands(random, 50, 700);
      }
      SolutionOption.Builder option =
          SolutionOption.builder("o-" + o, "g-" + random.nextInt(gapCount))
              .name("Option " + o)
              .activityType(random.nextBoolean() ? ActivityType.TRAINING : ActivityType.ADVISING)
              .domain(random.nextBoolean() ? DotmlpfDomain.TRAINING : DotmlpfDomain.ORGANIZATION)
              .closure(0.2 + 0.1 * random.nextInt(9))
              .costProfile(costs)
              .leadTimeYears(random.nextInt(4) == 0 ? 1 : 0)
              .scoWorkloadPersonWeeksPerYear(random.nextInt(3) == 0 ? 1.5 + random.nextInt(4) : 0.0)
              .sustainmentCostPerYear(random.nextInt(3) == 0 ? thousands(random, 10, 80) : 0)
              .providingRisk(1 + random.nextInt(4))
              .tags(random.nextBoolean() ? "loe:institutions" : "loe:security");
      if (random.nextInt(3) == 0) {
        option.programIds("prog-" + random.nextInt(programCount));
      }
      if (random.nextInt(4) == 0) {
        int start = first + random.nextInt(years);
        option.startWindow(start, start + random.nextInt(2));
      }
      if (o > 0 && random.nextInt(4) == 0) {
        option.prerequisite("o-" + random.nextInt(o), random.nextInt(2));
      }
      if (random.nextInt(3) == 0) {
        option.exclusionGroup("alt-" + random.nextInt(2));
      }
      options.add(option.build());
    }
    builder.options(options);

    if (random.nextInt(3) == 0) {
      int bounds = 1 + random.nextInt(7);
      builder.balanceRule(
          new BalanceRule(
              "br-institutions",
              "Institution building share",
              List.of("loe:institutions"),
              random.nextBoolean() ? BalanceScope.HORIZON : BalanceScope.PER_FISCAL_YEAR,
              (bounds & 1) != 0 ? 0.2 : null,
              (bounds & 2) != 0 ? 0.7 : null,
              null,
              (bounds & 4) != 0 ? thousands(random, 300, 1_500) : null));
    }
    Scenario scenario = builder.build();
    // Keep the promise of enumerability: prerequisites only point to earlier options, so the
    // last option can always go.
    while (options.size() > 1 && assignments(scenario) > MAXIMUM_ASSIGNMENTS) {
      options.remove(options.size() - 1);
      scenario = builder.options(options).build();
    }
    if (random.nextInt(5) == 0) {
      SolutionOption locked = options.get(random.nextInt(options.size()));
      List<Candidate> candidates = Valuation.of(scenario).candidates(locked.id());
      if (!candidates.isEmpty()) {
        Candidate pick = candidates.get(random.nextInt(candidates.size()));
        scenario =
            scenario.toBuilder()
                .lockedDecision(
                    new LockedDecision(
                        locked.id(), pick.programId(), pick.startFiscalYear(), "obligated"))
                .build();
      }
    }
    return scenario;
  }

  /**
   * Assignments an exhaustive search must visit: the product over options of 1 + the number of
   * (program, start FY) candidates.
   */
  public static long assignments(Scenario scenario) {
    Valuation valuation = Valuation.of(scenario);
    long product = 1;
    for (SolutionOption option : scenario.options()) {
      product = Math.multiplyExact(product, 1 + valuation.candidates(option.id()).size());
    }
    return product;
  }

  private static long thousands(SplittableRandom random, int low, int high) {
    return 1_000L * (low + random.nextInt(high - low + 1));
  }
}
