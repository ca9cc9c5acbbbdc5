package org.scplan.whatif;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.support.Copies;

/**
 * What changed between two plans: options added, cut, moved in time or paid by another program;
 * risk reduced by partner and by combatant command; obligations by program and fiscal year; and
 * totals. Pure and exact: every figure is taken from the two plans, so the breakdowns reconcile
 * with the plans' totals (dollars exactly; points up to floating-point summation order, which
 * {@link #riskReducedChangeByPartnerSum()} makes checkable).
 *
 * @param scenarioBefore id of the first plan's scenario
 * @param scenarioAfter id of the second plan's scenario
 * @param changes every option whose funding differs, sorted by option id
 * @param unchangedFunded options funded identically (same program and start) in both plans
 * @param riskByPartner points retired per partner id in either plan, sorted by partner id
 * @param riskByCombatantCommand points retired per combatant command, sorted by name; empty when
 *     the partners' commands were not given
 * @param moneyByProgramAndFiscalYear dollars obligated per program and FY in either plan, sorted
 * @param riskReducedBefore the first plan's risk reduced, in points
 * @param riskReducedAfter the second plan's risk reduced, in points
 * @param weightAtStakeBefore the first plan's total weight at stake, in points
 * @param weightAtStakeAfter the second plan's total weight at stake, in points
 * @param obligatedBefore dollars the first plan obligates
 * @param obligatedAfter dollars the second plan obligates
 * @param lapsedBefore dollars lapsing in the first plan
 * @param lapsedAfter dollars lapsing in the second plan
 */
public record PlanDiff(
    String scenarioBefore,
    String scenarioAfter,
    List<FundingChange> changes,
    int unchangedFunded,
    List<RiskChange> riskByPartner,
    List<RiskChange> riskByCombatantCommand,
    List<MoneyChange> moneyByProgramAndFiscalYear,
    double riskReducedBefore,
    double riskReducedAfter,
    double weightAtStakeBefore,
    double weightAtStakeAfter,
    long obligatedBefore,
    long obligatedAfter,
    long lapsedBefore,
    long lapsedAfter) {

  public PlanDiff {
    changes = Copies.list(changes);
    riskByPartner = Copies.list(riskByPartner);
    riskByCombatantCommand = Copies.list(riskByCombatantCommand);
    moneyByProgramAndFiscalYear = Copies.list(moneyByProgramAndFiscalYear);
  }

  /** The diff without combatant commands (plans alone do not name them). */
  public static PlanDiff between(Plan before, Plan after) {
    return between(before, after, Map.of());
  }

  /**
   * The diff, with risk by combatant command taken from the partners of both scenarios (a partner
   * in both takes its command in {@code afterScenario}).
   */
  public static PlanDiff between(
      Scenario beforeScenario, Plan before, Scenario afterScenario, Plan after) {
    Map<String, String> commands = new TreeMap<>();
    for (Partner partner : beforeScenario.partners()) {
      commands.put(partner.id(), partner.combatantCommand().name());
    }
    for (Partner partner : afterScenario.partners()) {
      commands.put(partner.id(), partner.combatantCommand().name());
    }
    return between(before, after, commands);
  }

  /**
   * The diff, with risk by combatant command from {@code commandByPartner} (partner id to command
   * name; empty: no breakdown by command).
   *
   * @throws IllegalArgumentException if the map is not empty and lacks a partner that retires risk
   *     in either plan
   */
  public static PlanDiff between(Plan before, Plan after, Map<String, String> commandByPartner) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(commandByPartner, "commandByPartner");
    Map<String, FundedOption> fundedBefore = new TreeMap<>();
    before.fundedOptions().forEach(f -> fundedBefore.put(f.optionId(), f));
    Map<String, FundedOption> fundedAfter = new TreeMap<>();
    after.fundedOptions().forEach(f -> fundedAfter.put(f.optionId(), f));
    Set<String> optionIds = new TreeSet<>(fundedBefore.keySet());
    optionIds.addAll(fundedAfter.keySet());
    List<FundingChange> changes = new ArrayList<>();
    int unchanged = 0;
    for (String optionId : optionIds) {
      FundedOption a = fundedBefore.get(optionId);
      FundedOption b = fundedAfter.get(optionId);
      FundingChange.Kind kind;
      if (a == null) {
        kind = FundingChange.Kind.ADDED;
      } else if (b == null) {
        kind = FundingChange.Kind.CUT;
      } else {
        boolean moved = a.startFiscalYear() != b.startFiscalYear();
        boolean reprogrammed = !a.programId().equals(b.programId());
        if (!moved && !reprogrammed) {
          unchanged++;
          continue;
        }
        kind =
            moved && reprogrammed
                ? FundingChange.Kind.MOVED_AND_CHANGED_PROGRAM
                : moved ? FundingChange.Kind.MOVED : FundingChange.Kind.CHANGED_PROGRAM;
      }
      FundedOption any = a == null ? b : a;
      changes.add(
          new FundingChange(
              optionId,
              any.gapId(),
              any.partnerId(),
              kind,
              a == null ? null : a.programId(),
              b == null ? null : b.programId(),
              a == null ? null : a.startFiscalYear(),
              b == null ? null : b.startFiscalYear(),
              a == null ? 0 : a.totalObligated(),
              b == null ? 0 : b.totalObligated(),
              a == null ? 0 : a.value(),
              b == null ? 0 : b.value()));
    }

    Map<String, Double> partnerBefore = before.totals().riskReducedByPartner();
    Map<String, Double> partnerAfter = after.totals().riskReducedByPartner();
    Set<String> partners = new TreeSet<>(partnerBefore.keySet());
    partners.addAll(partnerAfter.keySet());
    List<RiskChange> byPartner = new ArrayList<>();
    Map<String, double[]> byCommand = new TreeMap<>();
    for (String partner : partners) {
      double b = partnerBefore.getOrDefault(partner, 0.0);
      double a = partnerAfter.getOrDefault(partner, 0.0);
      byPartner.add(new RiskChange(partner, b, a));
      if (!commandByPartner.isEmpty()) {
        String command = commandByPartner.get(partner);
        if (command == null) {
          throw new IllegalArgumentException(
              "no combatant command given for partner '"
                  + partner
                  + "', which appears in the plans; give both scenarios or none");
        }
        double[] sums = byCommand.computeIfAbsent(command, k -> new double[2]);
        sums[0] += b;
        sums[1] += a;
      }
    }
    List<RiskChange> byCommandList = new ArrayList<>();
    byCommand.forEach(
        (command, sums) -> byCommandList.add(new RiskChange(command, sums[0], sums[1])));

    Map<String, Map<Integer, Long>> moneyBefore =
        before.totals().obligationsByProgramAndFiscalYear();
    Map<String, Map<Integer, Long>> moneyAfter = after.totals().obligationsByProgramAndFiscalYear();
    Set<String> programs = new TreeSet<>(moneyBefore.keySet());
    programs.addAll(moneyAfter.keySet());
    List<MoneyChange> money = new ArrayList<>();
    for (String program : programs) {
      Map<Integer, Long> b = moneyBefore.getOrDefault(program, Map.of());
      Map<Integer, Long> a = moneyAfter.getOrDefault(program, Map.of());
      Set<Integer> years = new TreeSet<>(b.keySet());
      years.addAll(a.keySet());
      for (int year : years) {
        money.add(
            new MoneyChange(program, year, b.getOrDefault(year, 0L), a.getOrDefault(year, 0L)));
      }
    }
    return new PlanDiff(
        before.scenarioId(),
        after.scenarioId(),
        changes,
        unchanged,
        byPartner,
        byCommandList,
        money,
        before.riskReduced(),
        after.riskReduced(),
        before.totalWeightAtStake(),
        after.totalWeightAtStake(),
        before.totals().totalObligated(),
        after.totals().totalObligated(),
        before.totals().totalLapsed(),
        after.totals().totalLapsed());
  }

  /** {@code riskReducedAfter − riskReducedBefore}, in points. */
  public double riskReducedChange() {
    return riskReducedAfter - riskReducedBefore;
  }

  /** {@code obligatedAfter − obligatedBefore}, in dollars. */
  public long obligatedChange() {
    return obligatedAfter - obligatedBefore;
  }

  /** {@code lapsedAfter − lapsedBefore}, in dollars. */
  public long lapsedChange() {
    return lapsedAfter - lapsedBefore;
  }

  /**
   * The per-partner changes summed exactly (in decimal, without rounding), in points: equal to
   * {@link #riskReducedChange()} up to the rounding of the plans' own double sums.
   */
  public double riskReducedChangeByPartnerSum() {
    BigDecimal sum = BigDecimal.ZERO;
    for (RiskChange change : riskByPartner) {
      sum =
          sum.add(BigDecimal.valueOf(change.after())).subtract(BigDecimal.valueOf(change.before()));
    }
    return sum.doubleValue();
  }

  /** The per-program-and-FY changes summed, in dollars: equals {@link #obligatedChange()}. */
  public long obligatedChangeByProgramSum() {
    long sum = 0;
    for (MoneyChange change : moneyByProgramAndFiscalYear) {
      sum += change.change();
    }
    return sum;
  }

  /**
   * How many options this diff moves or re-programs (funded in both plans, differently) that draw
   * on no appropriation that differs between the two scenarios, in either plan: moves the change
   * did not touch directly. Appropriations are told apart by program and FY.
   */
  public int movesOffChangedMoney(
      Scenario beforeScenario, Plan before, Scenario afterScenario, Plan after) {
    Map<String, Appropriation> money = new TreeMap<>();
    for (Program program : beforeScenario.programs()) {
      program.appropriations().forEach(a -> money.put(program.id() + "@" + a.fiscalYear(), a));
    }
    Set<String> changed = new TreeSet<>();
    Set<String> seen = new TreeSet<>();
    for (Program program : afterScenario.programs()) {
      for (Appropriation a : program.appropriations()) {
        String key = program.id() + "@" + a.fiscalYear();
        seen.add(key);
        if (!a.equals(money.get(key))) {
          changed.add(key);
        }
      }
    }
    money.keySet().stream().filter(k -> !seen.contains(k)).forEach(changed::add);
    int count = 0;
    for (FundingChange change : changes) {
      if (change.kind() == FundingChange.Kind.ADDED || change.kind() == FundingChange.Kind.CUT) {
        continue;
      }
      FundedOption a = before.funded(change.optionId()).orElseThrow();
      FundedOption b = after.funded(change.optionId()).orElseThrow();
      if (a.draws().stream()
              .noneMatch(d -> changed.contains(a.programId() + "@" + d.appropriationFiscalYear()))
          && b.draws().stream()
              .noneMatch(
                  d -> changed.contains(b.programId() + "@" + d.appropriationFiscalYear()))) {
        count++;
      }
    }
    return count;
  }

  /** The changes of one kind. */
  public List<FundingChange> changes(FundingChange.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }
}
