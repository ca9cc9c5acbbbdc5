package org.scplan.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.scenario.RiskAssessment;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;

/**
 * Draws one sample of a scenario's uncertain inputs. The sample depends only on the base scenario,
 * the {@link Uncertainty}, the sweep seed and the run index, never on which thread or machine draws
 * it.
 */
public final class ScenarioSampler {
  private ScenarioSampler() {}

  /**
   * The run's random stream: a {@link SplittableRandom} seeded from the sweep seed and the run
   * index by a 64-bit mix, so neighbouring runs get unrelated streams.
   */
  static SplittableRandom streamFor(long seed, int runIndex) {
    long z = seed * 0x9E3779B97F4A7C15L + runIndex;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  /**
   * The scenario of run {@code runIndex}: costs, risk scores, propensities and appropriations drawn
   * from {@code uncertainty} around {@code base}.
   */
  public static Scenario sample(Scenario base, Uncertainty uncertainty, long seed, int runIndex) {
    SplittableRandom random = streamFor(seed, runIndex);
    List<SolutionOption> options = new ArrayList<>(base.options().size());
    for (SolutionOption option : base.options()) {
      double factor =
          uncertainty.costOverrunMedian()
              * Math.exp(uncertainty.costOverrunLogSd() * gaussian(random));
      long[] profile = new long[option.durationYears()];
      for (int i = 0; i < profile.length; i++) {
        profile[i] = Math.max(0, Math.round(option.cost(i) * factor));
      }
      options.add(option.toBuilder().costProfile(profile).build());
    }
    List<CapabilityGap> gaps = new ArrayList<>(base.gaps().size());
    for (CapabilityGap gap : base.gaps()) {
      RiskAssessment risk = gap.risk();
      RiskAssessment shifted =
          new RiskAssessment(
              shift(risk.likelihood(), uncertainty.riskShiftProbability(), random),
              shift(risk.consequence(), uncertainty.riskShiftProbability(), random),
              risk.politicalRiskOfNotProviding());
      gaps.add(
          new CapabilityGap(
              gap.id(),
              gap.partnerId(),
              gap.objectiveId(),
              gap.role(),
              gap.roleType(),
              gap.description(),
              shifted,
              gap.urgency(),
              gap.thirdPartyCoverage(),
              gap.sweetSpot()));
    }
    List<Partner> partners = new ArrayList<>(base.partners().size());
    for (Partner partner : base.partners()) {
      double propensity =
          Math.max(
              0.05,
              Math.min(1.0, partner.propensity() + uncertainty.propensitySd() * gaussian(random)));
      partners.add(
          new Partner(
              partner.id(),
              partner.name(),
              partner.combatantCommand(),
              partner.priorityTier(),
              propensity,
              partner.desireByRole(),
              partner.absorptiveCapacityPerYear(),
              partner.sustainmentBudgetPerYear(),
              partner.vettingStatus(),
              partner.scoId()));
    }
    List<Program> programs = new ArrayList<>(base.programs().size());
    for (Program program : base.programs()) {
      List<Appropriation> appropriations = new ArrayList<>();
      for (Appropriation appropriation : program.appropriations()) {
        long amount = appropriation.amount();
        if (random.nextDouble() < uncertainty.cutProbability()) {
          double cut =
              uncertainty.cutMinimum()
                  + random.nextDouble() * (uncertainty.cutMaximum() - uncertainty.cutMinimum());
          amount = Math.round(amount * (1 - cut));
        }
        appropriations.add(
            new Appropriation(appropriation.fiscalYear(), amount, appropriation.yearsAvailable()));
      }
      programs.add(
          new Program(
              program.id(),
              program.name(),
              program.authority(),
              program.title(),
              program.obligationRule(),
              program.maxSpanYears(),
              program.eligibility(),
              program.vettingRequirement(),
              program.planningLeadTimeYears(),
              program.perPartnerAnnualCap(),
              appropriations));
    }
    return base.toBuilder()
        .options(options)
        .gaps(gaps)
        .partners(partners)
        .programs(programs)
        .build();
  }

  private static int shift(int score, double probability, SplittableRandom random) {
    double draw = random.nextDouble();
    int moved = draw < probability / 2 ? score - 1 : draw < probability ? score + 1 : score;
    return Math.max(1, Math.min(5, moved));
  }

  /** A standard normal draw (Box–Muller), from two uniforms of the run's own stream. */
  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
