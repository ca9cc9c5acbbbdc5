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
import org.scplan.uncertainty.Distribution;
import org.scplan.uncertainty.Uncertainty;

/**
 * Draws one sample of a scenario's uncertain inputs. The sample depends only on the base scenario,
 * the {@link Uncertainty}, the sweep seed and the run index, never on which thread or machine draws
 * it. Each input draws from its own stream split off the run's, so an input that is off or drawn
 * from another distribution leaves the other inputs' draws as they were; an input that is off keeps
 * the base scenario's values exactly.
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
    SplittableRandom run = streamFor(seed, runIndex);
    // Split in a fixed order whatever is off, so each input's stream is the same in every file.
    SplittableRandom costs = run.split();
    SplittableRandom risks = run.split();
    SplittableRandom propensities = run.split();
    SplittableRandom cuts = run.split();
    Scenario.Builder sample = base.toBuilder();
    if (!(uncertainty.costOverrun() instanceof Distribution.Off)) {
      sample.options(overrun(base.options(), uncertainty.costOverrun(), costs));
    }
    if (!(uncertainty.riskScore() instanceof Distribution.Off)) {
      sample.gaps(rescored(base.gaps(), uncertainty.riskScore(), risks));
    }
    if (!(uncertainty.propensity() instanceof Distribution.Off)) {
      sample.partners(shaken(base.partners(), uncertainty.propensity(), propensities));
    }
    if (!(uncertainty.appropriationCut() instanceof Distribution.Off)) {
      sample.programs(cut(base.programs(), uncertainty.appropriationCut(), cuts));
    }
    return sample.build();
  }

  private static List<SolutionOption> overrun(
      List<SolutionOption> base, Distribution factor, SplittableRandom random) {
    List<SolutionOption> options = new ArrayList<>(base.size());
    for (SolutionOption option : base) {
      double multiplier = Math.max(0, factor.draw(random));
      long[] profile = new long[option.durationYears()];
      for (int i = 0; i < profile.length; i++) {
        profile[i] = Math.max(0, Math.round(option.cost(i) * multiplier));
      }
      options.add(option.toBuilder().costProfile(profile).build());
    }
    return options;
  }

  private static List<CapabilityGap> rescored(
      List<CapabilityGap> base, Distribution step, SplittableRandom random) {
    List<CapabilityGap> gaps = new ArrayList<>(base.size());
    for (CapabilityGap gap : base) {
      RiskAssessment risk = gap.risk();
      RiskAssessment shifted =
          new RiskAssessment(
              shift(risk.likelihood(), step.draw(random)),
              shift(risk.consequence(), step.draw(random)),
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
    return gaps;
  }

  private static List<Partner> shaken(
      List<Partner> base, Distribution change, SplittableRandom random) {
    List<Partner> partners = new ArrayList<>(base.size());
    for (Partner partner : base) {
      double propensity = Math.max(0.05, Math.min(1.0, partner.propensity() + change.draw(random)));
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
    return partners;
  }

  private static List<Program> cut(
      List<Program> base, Distribution fraction, SplittableRandom random) {
    List<Program> programs = new ArrayList<>(base.size());
    for (Program program : base) {
      List<Appropriation> appropriations = new ArrayList<>();
      for (Appropriation appropriation : program.appropriations()) {
        double cut = Math.max(0, Math.min(1, fraction.draw(random)));
        appropriations.add(
            new Appropriation(
                appropriation.fiscalYear(),
                cut == 0 ? appropriation.amount() : Math.round(appropriation.amount() * (1 - cut)),
                appropriation.yearsAvailable()));
      }
      programs.add(program.toBuilder().appropriations(appropriations).build());
    }
    return programs;
  }

  private static int shift(int score, double step) {
    return (int) Math.max(1, Math.min(5, score + Math.round(step)));
  }
}
