package org.scplan.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
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
import org.scplan.scenario.Policy;
import org.scplan.scenario.Prerequisite;
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
 * Round trips of random scenarios with extreme values: numbers at the ends of their ranges, doubles
 * without a short decimal form, negative zero, strings with escapes and non-ASCII text.
 */
class ScenarioJsonRoundTripTest {
  private static final int SCENARIOS = 200;
  private static final String CHARACTERS = "aZ09-_ .\"\\/\n\t\u0000\u001féß—€😀";
  private static final double[] DOUBLES = {
    0.0, -0.0, 1.0, 0.1, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300
  };
  private static final long[] LONGS = {0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE};
  private static final int[] INTS = {0, -1, 2027, Integer.MIN_VALUE, Integer.MAX_VALUE};

  @Test
  void write_randomScenarios_readBackEqualAndRewriteIdentically() {
    Random random = new Random(20_270_101L);
    for (int i = 0; i < SCENARIOS; i++) {
      Scenario scenario = new Generator(random).scenario();

      String json = ScenarioJson.write(scenario);
      Scenario read = ScenarioJson.read(json, "random-" + i + ".json");

      assertThat(read).as("scenario %d:%n%s", i, json).isEqualTo(scenario);
      assertThat(ScenarioJson.write(read)).isEqualTo(json);
    }
  }

  /** Random values, each kind with its extremes drawn often. */
  private static final class Generator {
    private final Random random;

    Generator(Random random) {
      this.random = random;
    }

    Scenario scenario() {
      Scenario.Builder builder =
          Scenario.builder(text(), new PlanningHorizon(anInt(), anInt()))
              .name(nullable(this::text))
              .policy(random.nextBoolean() ? null : policy());
      repeat(() -> builder.endState(new EndState(text(), text(), aDouble())));
      repeat(() -> builder.lineOfEffort(new LineOfEffort(text(), text(), text(), aDouble())));
      repeat(() -> builder.objective(new Objective(text(), text(), text(), anInt(), aDouble())));
      repeat(
          () ->
              builder.securityCooperationOffice(
                  new SecurityCooperationOffice(text(), text(), aDouble())));
      repeat(() -> builder.partner(partner()));
      repeat(() -> builder.gap(gap()));
      repeat(() -> builder.option(option()));
      repeat(() -> builder.program(program()));
      repeat(() -> builder.balanceRule(balanceRule()));
      repeat(
          () ->
              builder.lockedDecision(
                  new LockedDecision(text(), text(), anInt(), nullable(this::text))));
      return builder.build();
    }

    private Policy policy() {
      Map<Integer, Double> tierWeights = new HashMap<>();
      repeat(() -> tierWeights.put(anInt(), aDouble()));
      Map<RoleType, Double> roleTypeWeights = new HashMap<>();
      for (RoleType type : subset(RoleType.class)) {
        roleTypeWeights.put(type, aDouble());
      }
      return new Policy(
          tierWeights,
          roleTypeWeights,
          aDouble(),
          list(this::aDouble),
          anInt(),
          aDouble(),
          anInt(),
          aDouble(),
          aLong());
    }

    private Partner partner() {
      Map<String, Double> desire = new HashMap<>();
      repeat(() -> desire.put(text(), aDouble()));
      return new Partner(
          text(),
          text(),
          pick(CombatantCommand.class),
          anInt(),
          aDouble(),
          desire,
          nullable(this::aLong),
          nullable(this::aLong),
          pick(VettingStatus.class),
          text());
    }

    private CapabilityGap gap() {
      return new CapabilityGap(
          text(),
          text(),
          text(),
          text(),
          pick(RoleType.class),
          nullable(this::text),
          new RiskAssessment(anInt(), anInt(), anInt()),
          new Urgency(anInt(), aDouble()),
          aDouble(),
          subset(Stakeholder.class));
    }

    private SolutionOption option() {
      return new SolutionOption(
          text(),
          text(),
          nullable(this::text),
          pick(DotmlpfDomain.class),
          pick(ActivityType.class),
          aDouble(),
          list(this::aLong),
          anInt(),
          nullable(this::anInt),
          nullable(this::anInt),
          list(this::text),
          list(() -> new Prerequisite(text(), anInt())),
          nullable(this::text),
          aDouble(),
          aLong(),
          anInt(),
          list(this::text));
    }

    private Program program() {
      ProgramEligibility eligibility =
          random.nextBoolean()
              ? null
              : new ProgramEligibility(
                  subset(ActivityType.class),
                  subset(DotmlpfDomain.class),
                  subset(CombatantCommand.class),
                  list(this::text),
                  list(this::text));
      return new Program(
          text(),
          text(),
          nullable(this::text),
          pick(FundingTitle.class),
          pick(ObligationRule.class),
          nullable(this::anInt),
          eligibility,
          pick(VettingRequirement.class),
          anInt(),
          nullable(this::aLong),
          list(() -> new Appropriation(anInt(), aLong(), nullable(this::anInt))));
    }

    private BalanceRule balanceRule() {
      return new BalanceRule(
          text(),
          nullable(this::text),
          list(this::text),
          pick(BalanceScope.class),
          nullable(this::aDouble),
          nullable(this::aDouble),
          nullable(this::aLong),
          nullable(this::aLong));
    }

    private String text() {
      int[] codePoints = CHARACTERS.codePoints().toArray();
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(6); i > 0; i--) {
        text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
      }
      return text.toString();
    }

    private double aDouble() {
      if (random.nextBoolean()) {
        return DOUBLES[random.nextInt(DOUBLES.length)];
      }
      double bits;
      do {
        bits = Double.longBitsToDouble(random.nextLong());
      } while (!Double.isFinite(bits));
      return bits;
    }

    private long aLong() {
      return random.nextBoolean() ? LONGS[random.nextInt(LONGS.length)] : random.nextLong();
    }

    private int anInt() {
      return random.nextBoolean() ? INTS[random.nextInt(INTS.length)] : random.nextInt();
    }

    private <T> T nullable(Supplier<T> value) {
      return random.nextInt(3) == 0 ? null : value.get();
    }

    private <E extends Enum<E>> E pick(Class<E> type) {
      E[] constants = type.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    }

    private <E extends Enum<E>> Set<E> subset(Class<E> type) {
      Set<E> subset = EnumSet.noneOf(type);
      for (E constant : type.getEnumConstants()) {
        if (random.nextBoolean()) {
          subset.add(constant);
        }
      }
      return subset;
    }

    private <T> List<T> list(Supplier<T> element) {
      List<T> list = new ArrayList<>();
      repeat(() -> list.add(element.get()));
      return list;
    }

    private void repeat(Runnable action) {
      for (int i = random.nextInt(4); i > 0; i--) {
        action.run();
      }
    }
  }
}
