package org.scplan.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.BalanceScope;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Prerequisite;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;
import org.scplan.valuation.ReasonCode;

/**
 * Re-verifies a {@link Plan} against its {@link Scenario} from the planning rules of {@code
 * docs/MODEL.md} alone, dollar by dollar and fiscal year by fiscal year. It is the project's safety
 * net: every plan the optimizer or the greedy baseline returns must pass it. It is written
 * independently of the code that produces plans: it uses only the scenario and plan records and the
 * JDK, and recomputes every figure (eligibility, candidate starts, costs, obligations, values,
 * appropriation use, totals) itself.
 *
 * <pre>{@code
 * List<PlanViolation> violations = PlanChecker.check(scenario, plan); // empty: the plan is valid
 * PlanChecker.verify(scenario, plan); // or throw IllegalStateException listing every violation
 * }</pre>
 *
 * <h2>Assumptions and guarantees</h2>
 *
 * <p>The scenario is assumed to have passed validation (ids unique, references resolve, values in
 * range). The plan is not trusted at all: unknown option, gap, partner, program or appropriation
 * ids, duplicated or missing entries, negative or overflowing amounts and NaN values are reported
 * as violations, never thrown (sums of amounts taken from the plan saturate at the bounds of {@code
 * long}). Should an unexpected runtime error still occur while checking one part, it is reported as
 * an {@code UNCHECKED} violation naming the part, and the other parts are still checked. Only
 * {@code null} arguments throw.
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li><b>Zero entries.</b> Every per-FY or per-id map of dollars or points in the plan ({@link
 *       FundedOption#costByFiscalYear()}, {@link FundedOption#obligationsByFiscalYear()}, every
 *       {@link PlanTotals} map, including the inner maps of {@code
 *       obligationsByProgramAndFiscalYear}) is compared after dropping zero entries: a missing key
 *       counts as 0, so a producer may include or omit zero-dollar years and ids. A program whose
 *       inner FY map is empty or all zeros equals a missing program.
 *   <li><b>Money</b> is compared exactly in whole dollars ({@code long}; {@link Math#addExact} for
 *       sums of scenario amounts; balance rules in {@link BigInteger}).
 *   <li><b>Points</b> (values, weights, closures, residual risk, risk reduced) match when they
 *       differ by at most 1e-9 absolutely or 1e-9 relative to the larger magnitude; NaN never
 *       matches.
 *   <li><b>Person-weeks</b> are summed exactly (in {@link BigDecimal}) and may exceed an SCO's
 *       capacity by at most 1e-9.
 *   <li><b>Duplicate-FY appropriations.</b> A draw names its appropriation by program and
 *       appropriation FY only. When a program has several appropriations of the same FY, the
 *       checker treats them as one group: a draw must be available under at least one of them, and
 *       the group's draws must be assignable to its members without overspending any member or
 *       using one outside its period of availability (as members share their first FY, their
 *       availability intervals are nested, so this is checked exactly by: for every obligation FY
 *       {@code m}, draws made in {@code m} or later ≤ the amounts of members still available in
 *       {@code m}). The group's {@link AppropriationUse} entries are matched to members by amount
 *       and last available FY; their {@code obligated} figures must sum to the group's draws and be
 *       such an assignment; lapse is then computed from each entry's own {@code obligated}. For the
 *       usual single appropriation per program and FY this is simply: draws ≤ amount, each draw in
 *       an FY of availability, {@code obligated} = the draws.
 *   <li><b>Plans without a solution</b> (status {@link PlanStatus#INFEASIBLE} or {@link
 *       PlanStatus#UNKNOWN}) must fund nothing and give every option reason {@link
 *       ReasonCode#NO_PLAN}; their gap outcomes, appropriation uses, totals and headline figures
 *       must still be those of the empty plan (every gap at value 0, nothing obligated). Limits,
 *       balance rules, locked decisions and reason codes are not checked for them (an empty plan
 *       may legitimately break a minimum or a lock: that is why there is no plan).
 * </ul>
 *
 * <h2>Rule codes</h2>
 *
 * <ul>
 *   <li>{@code SCENARIO}: {@link Plan#scenarioId()} is the scenario's id.
 *   <li>{@code COVERAGE}: every scenario option appears exactly once among funded and unfunded
 *       options; no unknown option ids; each entry's gap and partner ids are the option's; both
 *       lists are sorted by option id.
 *   <li>{@code STATUS}: INFEASIBLE/UNKNOWN plans fund nothing and use only NO_PLAN;
 *       OPTIMAL/FEASIBLE plans never use NO_PLAN.
 *   <li>{@code ELIGIBILITY}: the funding program exists and passes the 8 eligibility rules.
 *   <li>{@code START_WINDOW}: candidate rules 1–2: start within max(horizon first FY + program
 *       planning lead time, earliest start) … min(latest start, horizon last FY); INCREMENTAL costs
 *       all inside the horizon.
 *   <li>{@code POLICY_EXCLUSION}: a funded option is not excluded by a policy threshold (desire,
 *       risk score, providing risk).
 *   <li>{@code COMPLETION}: {@code completionFiscalYear} = start + lead time + duration − 1.
 *   <li>{@code COST}: {@code costByFiscalYear} is the whole cost profile laid on the calendar from
 *       the start (years after the horizon included).
 *   <li>{@code OBLIGATION}: {@code obligationsByFiscalYear} follows the program's obligation rule
 *       (INCREMENTAL: the cost by FY; FULL_AT_START: the total cost in the start FY).
 *   <li>{@code DRAW_AMOUNT}: every draw is &gt; 0.
 *   <li>{@code DRAW_AVAILABILITY}: every draw names an appropriation of the option's program that
 *       is available in the draw's obligation FY; and (candidate rule 3) in every FY in which the
 *       option obligates money its program has an appropriation available.
 *   <li>{@code DRAW_SUM}: per option and FY, the draws sum exactly to the obligations.
 *   <li>{@code APPROPRIATION_OVERSPENT}: per appropriation, the draws of all options ≤ its amount
 *       (per group for duplicate FYs, see above).
 *   <li>{@code APPROPRIATION_USE}: exactly one entry per scenario appropriation, sorted by program
 *       id then FY; amount and last available FY (null for no-year money) match; {@code obligated}
 *       = the draws; {@code lapsed} = amount − obligated when the last available FY ≤ the horizon's
 *       last FY, else 0; {@code availableAfterHorizon} = amount − obligated otherwise, else 0.
 *   <li>{@code ABSORPTIVE_CAPACITY}: per partner and horizon FY, Σ cost ≤ absorptive capacity.
 *   <li>{@code SUSTAINMENT}: per partner and horizon FY h, Σ sustainment cost of its funded options
 *       completed before h ≤ sustainment budget.
 *   <li>{@code PROGRAM_CAP}: per program, partner and horizon FY, Σ obligations ≤ the program's
 *       per-partner annual cap.
 *   <li>{@code SCO_CAPACITY}: per SCO and horizon FY h, Σ workload of its partners' funded options
 *       running in h (start ≤ h ≤ start + duration − 1) ≤ staff capacity.
 *   <li>{@code BALANCE_RULE}: per rule and horizon FY (or over the horizon), with exact integers:
 *       {@code 10000 × covered ≥ round(minimumShare × 10000) × total}, {@code 10000 × covered ≤
 *       round(maximumShare × 10000) × total}, {@code covered ≥ minimumAmount}, {@code covered ≤
 *       maximumAmount}, over obligations in the horizon's FYs.
 *   <li>{@code EXCLUSION_GROUP}: at most one funded option per exclusion group (groups are
 *       identified by name across the whole scenario).
 *   <li>{@code PREREQUISITE}: a funded option's prerequisites are funded and start at least their
 *       lag earlier.
 *   <li>{@code LOCKED_DECISION}: every locked decision is funded by exactly its program from
 *       exactly its start FY; {@link FundedOption#locked()} is true exactly for locked options.
 *   <li>{@code VALUE}: each funded option's value = value(o, t) and is &gt; 0 (candidate rule 4);
 *       {@link Plan#totalWeightAtStake()} = Σ gap weights; {@link Plan#riskReduced()} = Σ gap
 *       values.
 *   <li>{@code GAP_OUTCOME}: exactly one outcome per scenario gap, sorted by gap id, with the gap's
 *       partner, weight, maximum value, value = min(maximum value, Σ values of its funded options),
 *       closure = min(1, Σ closures), residual risk = weight − value.
 *   <li>{@code TOTALS}: every {@link PlanTotals} map and figure recomputed from the funding
 *       decisions (obligations by partner, SCO, program, FY and program × FY; risk reduced by
 *       partner; total obligated; total lapsed).
 *   <li>{@code UNFUNDED_REASON}: reason codes that state a fact are true: INELIGIBLE (no program is
 *       eligible), EXCLUDED_BY_POLICY (a threshold excludes the option), NO_VALUE (value 0 for
 *       every start FY of the horizon inside the option's own start window), NO_START_YEAR (no
 *       eligible program has a candidate start), BLOCKED_BY_PREREQUISITE (a prerequisite is not
 *       funded, or no candidate start respects the funded prerequisites' starts and lags),
 *       EXCLUDED_BY_ALTERNATIVE (another option of its exclusion group is funded),
 *       GAP_ALREADY_CLOSED (its gap already holds its maximum value, within 1e-9 points).
 *       CROWDED_OUT is not checked.
 *   <li>{@code UNCHECKED}: a part of the plan could not be checked because of an unexpected error;
 *       never expected, always a failure.
 * </ul>
 *
 * <p>The checker does not verify optimality, which appropriation a producer chose to draw from when
 * several were available (the "expiring soonest first" order of MODEL §3), the wording of reason
 * details, or {@link SolverStatistics}.
 *
 * <p>Runs in time roughly linear in the size of the plan and scenario (hash maps throughout), so it
 * can check 10,000-option plans. Stateless and thread-safe.
 */
public final class PlanChecker {

  private static final double POINT_TOLERANCE = 1e-9;
  private static final BigDecimal PERSON_WEEK_TOLERANCE = new BigDecimal("1e-9");
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  private final Scenario scenario;

  /** Points below its maximum value at which a gap still counts as closed (doubles' noise). */
  private static final double GAP_CLOSED_TOLERANCE = 1e-9;

  private final Plan plan;
  private final PlanCheckerRules rules;
  private final boolean hasPlan;
  private final int firstFiscalYear;
  private final int lastFiscalYear;
  private final List<PlanViolation> violations = new ArrayList<>();

  /** First funded entry of each known option, by option id, in plan order. */
  private final Map<String, Decision> decisions = new LinkedHashMap<>();

  /** Funded entries of known options, first occurrence, before the per-option check. */
  private final Map<String, FundedOption> fundedEntries = new LinkedHashMap<>();

  /** Unfunded entries of known options that are not also funded, first occurrence. */
  private final Map<String, UnfundedOption> unfundedEntries = new LinkedHashMap<>();

  /** The scenario's appropriations grouped by program and FY, in scenario order. */
  private final Map<AppropriationKey, AppropriationGroup> groups = new LinkedHashMap<>();

  private Set<String> fundedGroups;
  private long expectedTotalLapsed;
  private boolean totalLapsedKnown = true;

  private PlanChecker(Scenario scenario, Plan plan) {
    this.scenario = scenario;
    this.plan = plan;
    this.rules = new PlanCheckerRules(scenario);
    this.hasPlan = plan.status().hasPlan();
    this.firstFiscalYear = scenario.horizon().firstFiscalYear();
    this.lastFiscalYear = scenario.horizon().lastFiscalYear();
    for (Program program : scenario.programs()) {
      for (Appropriation appropriation : program.appropriations()) {
        groups
            .computeIfAbsent(
                new AppropriationKey(program.id(), appropriation.fiscalYear()),
                key -> new AppropriationGroup())
            .members
            .add(appropriation);
      }
    }
  }

  /**
   * Every way {@code plan} breaks the rules of {@code scenario}; empty when the plan is valid.
   * Violations come in a deterministic order (by rule family, then plan order).
   *
   * @param scenario a scenario that passed validation
   * @param plan any plan, typically one produced for {@code scenario}
   * @return the violations found, never null
   * @throws NullPointerException if an argument is null (a bad plan never throws)
   */
  public static List<PlanViolation> check(Scenario scenario, Plan plan) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(plan, "plan");
    return new PlanChecker(scenario, plan).run();
  }

  /**
   * Throws unless {@code plan} satisfies every rule of {@code scenario}: for tests and for the
   * allocators' self-checks.
   *
   * @param scenario a scenario that passed validation
   * @param plan the plan to verify
   * @throws IllegalStateException listing every violation, one per line, if there is any
   * @throws NullPointerException if an argument is null
   */
  public static void verify(Scenario scenario, Plan plan) {
    List<PlanViolation> found = check(scenario, plan);
    if (!found.isEmpty()) {
      StringBuilder message =
          new StringBuilder("Plan for scenario '")
              .append(scenario.id())
              .append("' (status ")
              .append(plan.status())
              .append(", engine ")
              .append(plan.solver().engine())
              .append(") breaks ")
              .append(found.size())
              .append(found.size() == 1 ? " rule:" : " rules:");
      for (PlanViolation violation : found) {
        message.append("\n  - ").append(violation);
      }
      throw new IllegalStateException(message.toString());
    }
  }

  private List<PlanViolation> run() {
    section("SCENARIO", this::checkScenarioId);
    section("COVERAGE", this::checkCoverage);
    section("STATUS", this::checkStatus);
    checkFundedOptions();
    section("APPROPRIATION_OVERSPENT", this::checkOverspending);
    section("APPROPRIATION_USE", this::checkAppropriationUses);
    if (hasPlan) {
      section("ABSORPTIVE_CAPACITY", this::checkAbsorptiveCapacity);
      section("SUSTAINMENT", this::checkSustainment);
      section("PROGRAM_CAP", this::checkProgramCaps);
      section("SCO_CAPACITY", this::checkScoCapacity);
      section("BALANCE_RULE", this::checkBalanceRules);
    }
    section("EXCLUSION_GROUP", this::checkExclusionGroups);
    section("PREREQUISITE", this::checkPrerequisites);
    section("LOCKED_DECISION", this::checkLockedDecisions);
    Map<String, Double> gapValues = new HashMap<>();
    section("GAP_OUTCOME", () -> checkGapOutcomes(gapValues));
    section("TOTALS", () -> checkTotals(gapValues));
    if (hasPlan) {
      section("UNFUNDED_REASON", this::checkUnfundedReasons);
    }
    return List.copyOf(violations);
  }

  /** Runs one part of the check; an unexpected runtime error becomes an UNCHECKED violation. */
  private void section(String rule, Runnable part) {
    try {
      part.run();
    } catch (RuntimeException e) {
      add("UNCHECKED", "plan", rule + " could not be checked: " + e);
    }
  }

  private void add(String rule, String location, String message) {
    violations.add(new PlanViolation(rule, location, message));
  }

  // ------------------------------------------------------------------------ scenario id

  private void checkScenarioId() {
    if (!scenario.id().equals(plan.scenarioId())) {
      add(
          "SCENARIO",
          "plan",
          "plan is for scenario '" + plan.scenarioId() + "', not '" + scenario.id() + "'");
    }
  }

  // ----------------------------------------------------------------------- coverage

  private void checkCoverage() {
    checkSorted(plan.fundedOptions(), FundedOption::optionId, "funded options");
    checkSorted(plan.unfundedOptions(), UnfundedOption::optionId, "unfunded options");
    Map<String, Integer> funded = new HashMap<>();
    Map<String, Integer> unfunded = new HashMap<>();
    for (FundedOption entry : plan.fundedOptions()) {
      funded.merge(entry.optionId(), 1, Integer::sum);
      SolutionOption option = rules.option(entry.optionId());
      if (option == null) {
        add(
            "COVERAGE",
            optionAt(entry.optionId()),
            "funded option is not an option of the scenario");
        continue;
      }
      checkEntryIds(option, entry.gapId(), entry.partnerId(), "funded");
      fundedEntries.putIfAbsent(option.id(), entry);
    }
    for (UnfundedOption entry : plan.unfundedOptions()) {
      unfunded.merge(entry.optionId(), 1, Integer::sum);
      SolutionOption option = rules.option(entry.optionId());
      if (option == null) {
        add(
            "COVERAGE",
            optionAt(entry.optionId()),
            "unfunded option is not an option of the scenario");
        continue;
      }
      checkEntryIds(option, entry.gapId(), entry.partnerId(), "unfunded");
      if (!fundedEntries.containsKey(option.id())) {
        unfundedEntries.putIfAbsent(option.id(), entry);
      }
    }
    for (SolutionOption option : scenario.options()) {
      int asFunded = funded.getOrDefault(option.id(), 0);
      int asUnfunded = unfunded.getOrDefault(option.id(), 0);
      if (asFunded + asUnfunded == 0) {
        add(
            "COVERAGE",
            optionAt(option.id()),
            "missing: the option is neither funded nor unfunded with a reason");
      } else if (asFunded + asUnfunded > 1) {
        add(
            "COVERAGE",
            optionAt(option.id()),
            "listed "
                + (asFunded + asUnfunded)
                + " times ("
                + asFunded
                + " funded, "
                + asUnfunded
                + " unfunded); every option must appear exactly once");
      }
    }
  }

  private <T> void checkSorted(List<T> entries, Function<T, String> id, String what) {
    for (int i = 1; i < entries.size(); i++) {
      String previous = id.apply(entries.get(i - 1));
      String current = id.apply(entries.get(i));
      if (previous.compareTo(current) > 0) {
        add(
            "COVERAGE",
            "plan",
            what
                + " are not sorted by option id: '"
                + current
                + "' comes after '"
                + previous
                + "'");
        return;
      }
    }
  }

  private void checkEntryIds(SolutionOption option, String gapId, String partnerId, String kind) {
    CapabilityGap gap = rules.gapOf(option);
    String expectedPartner = gap == null ? null : gap.partnerId();
    if (!option.gapId().equals(gapId)) {
      add(
          "COVERAGE",
          optionAt(option.id()),
          kind
              + " entry names gap "
              + quote(gapId)
              + ", but the option's gap is '"
              + option.gapId()
              + "'");
    }
    if (!Objects.equals(expectedPartner, partnerId)) {
      add(
          "COVERAGE",
          optionAt(option.id()),
          kind
              + " entry names partner "
              + quote(partnerId)
              + ", but the option's partner is "
              + quote(expectedPartner));
    }
  }

  // ------------------------------------------------------------------------- status

  private void checkStatus() {
    if (!hasPlan) {
      if (!plan.fundedOptions().isEmpty()) {
        add(
            "STATUS",
            "plan",
            "status "
                + plan.status()
                + " means no plan was found, but "
                + plan.fundedOptions().size()
                + " options are funded");
      }
      for (UnfundedOption entry : plan.unfundedOptions()) {
        if (entry.reason().code() != ReasonCode.NO_PLAN) {
          add(
              "STATUS",
              optionAt(entry.optionId()),
              "status "
                  + plan.status()
                  + " requires reason NO_PLAN, but the reason is "
                  + entry.reason().code());
        }
      }
    } else {
      for (UnfundedOption entry : plan.unfundedOptions()) {
        if (entry.reason().code() == ReasonCode.NO_PLAN) {
          add(
              "STATUS",
              optionAt(entry.optionId()),
              "reason NO_PLAN is only for plans with status INFEASIBLE or UNKNOWN, but the status is "
                  + plan.status());
        }
      }
    }
  }

  // ------------------------------------------------------------------ funded options

  private void checkFundedOptions() {
    for (FundedOption entry : fundedEntries.values()) {
      try {
        checkFundedOption(entry);
      } catch (RuntimeException e) {
        add("UNCHECKED", optionAt(entry.optionId()), "could not be checked: " + e);
      }
    }
  }

  private void checkFundedOption(FundedOption entry) {
    SolutionOption option = rules.option(entry.optionId());
    String at = optionAt(option.id());
    int start = entry.startFiscalYear();
    Program program = rules.program(entry.programId());
    // Recompute the decision's figures from the scenario first, so that later parts (limits,
    // values, totals) see the option even if a check below reports something unexpected.
    long completion = rules.completion(option, start);
    SortedMap<Integer, Long> costs = rules.costByFiscalYear(option, start);
    SortedMap<Integer, Long> obligations =
        program == null ? null : rules.obligationsByFiscalYear(option, program, start);
    double value = rules.value(option, start);
    decisions.put(
        option.id(),
        new Decision(
            entry,
            option,
            program,
            start,
            completion,
            costs,
            obligations,
            value,
            rules.partnerOf(option)));

    if (program == null) {
      add(
          "ELIGIBILITY",
          at,
          "program " + quote(entry.programId()) + " is not a program of the scenario");
    } else {
      for (String failure : rules.eligibilityFailures(option, program)) {
        add("ELIGIBILITY", at, "program '" + program.id() + "' is not eligible: " + failure);
      }
      String window = rules.windowFailure(option, program, start);
      if (window != null) {
        add(
            "START_WINDOW",
            at + " FY" + start,
            window + "; FY" + start + " is not a candidate start");
      }
    }
    for (String exclusion : rules.policyExclusions(option)) {
      add("POLICY_EXCLUSION", at, "funded although excluded by policy: " + exclusion);
    }
    if (entry.completionFiscalYear() != completion) {
      add(
          "COMPLETION",
          at,
          "completion FY"
              + entry.completionFiscalYear()
              + ", expected FY"
              + completion
              + " (start FY"
              + start
              + " + lead time "
              + option.leadTimeYears()
              + " + duration "
              + option.durationYears()
              + " - 1)");
    }
    compareYearMaps(
        "COST",
        at,
        "cost",
        costs,
        entry.costByFiscalYear(),
        " (cost profile laid from FY" + start + ")");
    if (program != null) {
      compareYearMaps(
          "OBLIGATION",
          at,
          "obligations",
          obligations,
          entry.obligationsByFiscalYear(),
          " ("
              + program.obligationRule()
              + " program '"
              + program.id()
              + "', start FY"
              + start
              + ")");
      for (Map.Entry<Integer, Long> obligation : obligations.entrySet()) {
        if (obligation.getValue() > 0
            && !rules.hasAppropriationAvailable(program, obligation.getKey())) {
          add(
              "DRAW_AVAILABILITY",
              at + " FY" + obligation.getKey(),
              "program '"
                  + program.id()
                  + "' has no appropriation available in FY"
                  + obligation.getKey()
                  + ", in which the option obligates "
                  + dollars(obligation.getValue())
                  + "; FY"
                  + start
                  + " is not a candidate start");
        }
      }
    }
    if (!(value > 0)) {
      add(
          "VALUE",
          at,
          "the option has no value when started in FY"
              + start
              + " (completion FY"
              + completion
              + "); FY"
              + start
              + " is not a candidate start");
    }
    if (!close(entry.value(), value)) {
      CapabilityGap gap = rules.gapOf(option);
      add(
          "VALUE",
          at,
          "value "
              + entry.value()
              + " points, expected "
              + value
              + " (weight "
              + (gap == null ? 0.0 : rules.weight(gap))
              + " x closure "
              + option.closure()
              + " x timeliness "
              + rules.timeliness(option, start)
              + " x success "
              + (gap == null ? 0.0 : rules.success(gap))
              + " x (1 - providing-risk penalty "
              + rules.providingRiskPenalty(option.providingRisk())
              + "))");
    }
    if (program != null) {
      checkDraws(entry, program, obligations);
    }
  }

  private void checkDraws(
      FundedOption entry, Program program, SortedMap<Integer, Long> obligations) {
    String at = optionAt(entry.optionId());
    SortedMap<Integer, Long> drawn = new TreeMap<>();
    for (AppropriationDraw draw : entry.draws()) {
      int year = draw.obligationFiscalYear();
      String yearAt = at + " FY" + year;
      String what =
          "draw of "
              + dollars(draw.amount())
              + " on appropriation FY"
              + draw.appropriationFiscalYear();
      if (draw.amount() <= 0) {
        add("DRAW_AMOUNT", yearAt, what + " is not positive");
      }
      drawn.merge(year, draw.amount(), PlanChecker::plus);
      AppropriationGroup group =
          groups.get(new AppropriationKey(program.id(), draw.appropriationFiscalYear()));
      if (group == null) {
        add(
            "DRAW_AVAILABILITY",
            yearAt,
            what
                + ": program '"
                + program.id()
                + "' has no appropriation of FY"
                + draw.appropriationFiscalYear());
      } else if (!group.availableIn(year)) {
        add(
            "DRAW_AVAILABILITY",
            yearAt,
            what
                + ": program '"
                + program.id()
                + "' appropriation FY"
                + draw.appropriationFiscalYear()
                + " is available "
                + group.availability()
                + ", not in FY"
                + year);
      } else {
        group.demand.merge(year, draw.amount(), PlanChecker::plus);
      }
    }
    TreeSet<Integer> years = new TreeSet<>(obligations.keySet());
    years.addAll(drawn.keySet());
    for (int year : years) {
      long expected = obligations.getOrDefault(year, 0L);
      long actual = drawn.getOrDefault(year, 0L);
      if (expected != actual) {
        add(
            "DRAW_SUM",
            at + " FY" + year,
            "draws total "
                + dollars(actual)
                + " but the option obligates "
                + dollars(expected)
                + " in FY"
                + year);
      }
    }
  }

  // ------------------------------------------------------------------ appropriations

  private void checkOverspending() {
    for (Map.Entry<AppropriationKey, AppropriationGroup> item : groups.entrySet()) {
      AppropriationGroup group = item.getValue();
      if (group.demand.isEmpty()) {
        continue;
      }
      List<long[]> capacities = new ArrayList<>();
      for (Appropriation member : group.members) {
        capacities.add(new long[] {member.lastAvailableFiscalYear(), member.amount()});
      }
      String shortfall = assignmentShortfall(group, capacities, "amount", "amounts");
      if (shortfall != null) {
        add("APPROPRIATION_OVERSPENT", appropriationAt(item.getKey()), shortfall);
      }
    }
  }

  /**
   * Whether the group's draws can be assigned to members with these (last available FY, capacity)
   * pairs; null when they can, else why not. Members share their first FY and every recorded draw
   * is available under some member, so availability sets are nested and Hall's condition reduces
   * to: for each obligation FY m, draws in m or later ≤ capacity of members with last FY ≥ m.
   */
  private static String assignmentShortfall(
      AppropriationGroup group, List<long[]> capacities, String singular, String plural) {
    // capacities: {last available FY (Integer.MAX_VALUE for no-year money), capacity in dollars}
    Integer[] years = group.demand.keySet().toArray(new Integer[0]);
    long[] demandFrom = new long[years.length];
    long running = 0;
    for (int i = years.length - 1; i >= 0; i--) {
      running = plus(running, group.demand.get(years[i]));
      demandFrom[i] = running;
    }
    for (int i = 0; i < years.length; i++) {
      long capacity = 0;
      for (long[] member : capacities) {
        if (member[0] >= years[i]) {
          capacity = plus(capacity, member[1]);
        }
      }
      if (demandFrom[i] > capacity) {
        long excess = minus(demandFrom[i], capacity);
        if (i == 0 && capacities.size() == 1) {
          return "draws total "
              + dollars(demandFrom[i])
              + ", exceeding the "
              + singular
              + " "
              + dollars(capacity)
              + " by "
              + dollars(excess);
        }
        return "draws made in FY"
            + years[i]
            + " or later total "
            + dollars(demandFrom[i])
            + ", but the "
            + plural
            + " of this FY's appropriations still available in FY"
            + years[i]
            + " total only "
            + dollars(capacity)
            + " (short by "
            + dollars(excess)
            + ")";
      }
    }
    return null;
  }

  private void checkAppropriationUses() {
    List<AppropriationUse> uses = plan.appropriations();
    for (int i = 1; i < uses.size(); i++) {
      AppropriationUse previous = uses.get(i - 1);
      AppropriationUse current = uses.get(i);
      int byProgram = compareNullable(previous.programId(), current.programId());
      if (byProgram > 0 || (byProgram == 0 && previous.fiscalYear() > current.fiscalYear())) {
        add(
            "APPROPRIATION_USE",
            "plan",
            "appropriation uses are not sorted by program id then FY: "
                + appropriationAt(new AppropriationKey(current.programId(), current.fiscalYear()))
                + " comes after "
                + appropriationAt(
                    new AppropriationKey(previous.programId(), previous.fiscalYear())));
        break;
      }
    }
    Map<AppropriationKey, List<AppropriationUse>> byKey = new LinkedHashMap<>();
    for (AppropriationUse use : uses) {
      byKey
          .computeIfAbsent(
              new AppropriationKey(use.programId(), use.fiscalYear()), key -> new ArrayList<>())
          .add(use);
    }
    for (Map.Entry<AppropriationKey, AppropriationGroup> item : groups.entrySet()) {
      List<AppropriationUse> entries = byKey.remove(item.getKey());
      checkGroupUses(item.getKey(), item.getValue(), entries == null ? List.of() : entries);
    }
    for (Map.Entry<AppropriationKey, List<AppropriationUse>> unknown : byKey.entrySet()) {
      add(
          "APPROPRIATION_USE",
          appropriationAt(unknown.getKey()),
          "not an appropriation of the scenario");
    }
  }

  private void checkGroupUses(
      AppropriationKey key, AppropriationGroup group, List<AppropriationUse> entries) {
    String at = appropriationAt(key);
    List<Appropriation> members = group.members;
    boolean single = members.size() == 1;
    long drawn = 0;
    for (long amount : group.demand.values()) {
      drawn = plus(drawn, amount);
    }
    if (entries.size() != members.size()) {
      add(
          "APPROPRIATION_USE",
          at,
          entries.size()
              + (entries.size() == 1 ? " entry" : " entries")
              + " for "
              + members.size()
              + (single ? " appropriation" : " appropriations of this FY")
              + "; every appropriation needs exactly one");
    }
    // Pair members with entries: exact (amount, last FY) matches first, then the rest in order.
    AppropriationUse[] paired = new AppropriationUse[members.size()];
    boolean[] taken = new boolean[entries.size()];
    for (int m = 0; m < members.size(); m++) {
      for (int e = 0; e < entries.size(); e++) {
        if (!taken[e]
            && entries.get(e).amount() == members.get(m).amount()
            && Objects.equals(
                entries.get(e).lastAvailableFiscalYear(), lastAvailable(members.get(m)))) {
          paired[m] = entries.get(e);
          taken[e] = true;
          break;
        }
      }
    }
    int next = 0;
    for (int m = 0; m < members.size(); m++) {
      while (paired[m] == null && next < entries.size()) {
        if (!taken[next]) {
          paired[m] = entries.get(next);
          taken[next] = true;
        }
        next++;
      }
    }
    long obligatedSum = 0;
    boolean allPaired = true;
    List<long[]> obligatedCapacities = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      Appropriation member = members.get(m);
      AppropriationUse use = paired[m];
      if (use == null) {
        allPaired = false;
        if (single) {
          addExpectedLapse(member, drawn);
        } else {
          totalLapsedKnown = false;
        }
        continue;
      }
      if (use.amount() != member.amount()) {
        add(
            "APPROPRIATION_USE",
            at,
            "amount "
                + dollars(use.amount())
                + ", but the appropriation is "
                + dollars(member.amount()));
      }
      if (!Objects.equals(use.lastAvailableFiscalYear(), lastAvailable(member))) {
        add(
            "APPROPRIATION_USE",
            at,
            "last available FY "
                + fiscalYearOrNone(use.lastAvailableFiscalYear())
                + ", but the appropriation's is "
                + fiscalYearOrNone(lastAvailable(member)));
      }
      long obligated;
      if (single) {
        obligated = drawn;
        if (use.obligated() != drawn) {
          add(
              "APPROPRIATION_USE",
              at,
              "obligated "
                  + dollars(use.obligated())
                  + ", but the draws on it total "
                  + dollars(drawn));
        }
      } else {
        obligated = use.obligated();
        if (use.obligated() < 0 || use.obligated() > member.amount()) {
          add(
              "APPROPRIATION_USE",
              at,
              "obligated "
                  + dollars(use.obligated())
                  + " is outside $0.."
                  + dollars(member.amount()).substring(1)
                  + " for the appropriation of "
                  + dollars(member.amount()));
        }
        obligatedSum = plus(obligatedSum, use.obligated());
        obligatedCapacities.add(new long[] {member.lastAvailableFiscalYear(), use.obligated()});
      }
      long rest = minus(member.amount(), obligated);
      boolean lapses = member.lastAvailableFiscalYear() <= lastFiscalYear;
      long lapsed = lapses ? rest : 0;
      long after = lapses ? 0 : rest;
      if (use.lapsed() != lapsed) {
        add(
            "APPROPRIATION_USE",
            at,
            "lapsed "
                + dollars(use.lapsed())
                + ", expected "
                + dollars(lapsed)
                + (lapses
                    ? " (amount "
                        + dollars(member.amount())
                        + " - obligated "
                        + dollars(obligated)
                        + ", last available FY"
                        + member.lastAvailableFiscalYear()
                        + " inside the horizon)"
                    : " (still available after the horizon)"));
      }
      if (use.availableAfterHorizon() != after) {
        add(
            "APPROPRIATION_USE",
            at,
            "available after the horizon "
                + dollars(use.availableAfterHorizon())
                + ", expected "
                + dollars(after)
                + (lapses
                    ? " (its availability ends inside the horizon)"
                    : " (amount "
                        + dollars(member.amount())
                        + " - obligated "
                        + dollars(obligated)
                        + ")"));
      }
      expectedTotalLapsed = plus(expectedTotalLapsed, lapsed);
    }
    if (!single && allPaired) {
      if (obligatedSum != drawn) {
        add(
            "APPROPRIATION_USE",
            at,
            "obligated totals "
                + dollars(obligatedSum)
                + " over the appropriations of this FY, but the draws on them total "
                + dollars(drawn));
      } else {
        String shortfall =
            assignmentShortfall(
                group, obligatedCapacities, "obligated figure", "obligated figures");
        if (shortfall != null) {
          add(
              "APPROPRIATION_USE",
              at,
              "the obligated figures cannot match the draws: " + shortfall);
        }
      }
    }
  }

  private void addExpectedLapse(Appropriation member, long obligated) {
    if (member.lastAvailableFiscalYear() <= lastFiscalYear) {
      expectedTotalLapsed = plus(expectedTotalLapsed, minus(member.amount(), obligated));
    }
  }

  private static Integer lastAvailable(Appropriation appropriation) {
    return appropriation.noYear() ? null : appropriation.lastAvailableFiscalYear();
  }

  // ------------------------------------------------------------------------- limits

  private void checkAbsorptiveCapacity() {
    Map<String, long[]> costs = new HashMap<>();
    for (Decision decision : decisions.values()) {
      if (decision.partner == null) {
        continue;
      }
      long[] byYear = costs.computeIfAbsent(decision.partner.id(), id -> new long[horizonLength()]);
      addInHorizon(byYear, decision.costs);
    }
    for (Partner partner : scenario.partners()) {
      long[] byYear = costs.get(partner.id());
      Long capacity = partner.absorptiveCapacityPerYear();
      if (byYear == null || capacity == null) {
        continue;
      }
      reportOverLimit(
          "ABSORPTIVE_CAPACITY", partner, byYear, capacity, "cost ", "absorptive capacity ");
    }
  }

  /** One violation per horizon FY in which a partner's use exceeds its per-FY limit in dollars. */
  private void reportOverLimit(
      String rule, Partner partner, long[] byYear, long limit, String used, String limitName) {
    for (int i = 0; i < byYear.length; i++) {
      if (byYear[i] > limit) {
        add(
            rule,
            partnerAt(partner.id()) + " FY" + (firstFiscalYear + i),
            used
                + dollars(byYear[i])
                + " exceeds "
                + limitName
                + dollars(limit)
                + " by "
                + dollars(byYear[i] - limit));
      }
    }
  }

  private void checkSustainment() {
    Map<String, long[]> sustainment = new HashMap<>();
    for (Decision decision : decisions.values()) {
      if (decision.partner == null || decision.option.sustainmentCostPerYear() == 0) {
        continue;
      }
      long[] byYear =
          sustainment.computeIfAbsent(decision.partner.id(), id -> new long[horizonLength()]);
      for (int i = 0; i < byYear.length; i++) {
        if (decision.completion < firstFiscalYear + i) {
          byYear[i] = Math.addExact(byYear[i], decision.option.sustainmentCostPerYear());
        }
      }
    }
    for (Partner partner : scenario.partners()) {
      long[] byYear = sustainment.get(partner.id());
      Long budget = partner.sustainmentBudgetPerYear();
      if (byYear == null || budget == null) {
        continue;
      }
      reportOverLimit(
          "SUSTAINMENT",
          partner,
          byYear,
          budget,
          "sustainment of completed options ",
          "the sustainment budget ");
    }
  }

  private void checkProgramCaps() {
    Map<String, Map<String, long[]>> obligations = new HashMap<>();
    for (Decision decision : decisions.values()) {
      if (decision.program == null
          || decision.partner == null
          || decision.program.perPartnerAnnualCap() == null) {
        continue;
      }
      long[] byYear =
          obligations
              .computeIfAbsent(decision.program.id(), id -> new HashMap<>())
              .computeIfAbsent(decision.partner.id(), id -> new long[horizonLength()]);
      addInHorizon(byYear, decision.obligations);
    }
    for (Program program : scenario.programs()) {
      Map<String, long[]> byPartner = obligations.get(program.id());
      if (byPartner == null) {
        continue;
      }
      long cap = program.perPartnerAnnualCap();
      for (Partner partner : scenario.partners()) {
        long[] byYear = byPartner.get(partner.id());
        if (byYear == null) {
          continue;
        }
        for (int i = 0; i < byYear.length; i++) {
          if (byYear[i] > cap) {
            add(
                "PROGRAM_CAP",
                "program '"
                    + program.id()
                    + "' "
                    + partnerAt(partner.id())
                    + " FY"
                    + (firstFiscalYear + i),
                "obligations "
                    + dollars(byYear[i])
                    + " exceed the per-partner annual cap "
                    + dollars(cap)
                    + " by "
                    + dollars(byYear[i] - cap));
          }
        }
      }
    }
  }

  private void checkScoCapacity() {
    Map<String, BigDecimal[]> workload = new HashMap<>();
    for (Decision decision : decisions.values()) {
      double weeks = decision.option.scoWorkloadPersonWeeksPerYear();
      if (decision.partner == null || weeks == 0) {
        continue;
      }
      BigDecimal[] byYear =
          workload.computeIfAbsent(
              decision.partner.scoId(),
              id -> {
                BigDecimal[] zeros = new BigDecimal[horizonLength()];
                java.util.Arrays.fill(zeros, BigDecimal.ZERO);
                return zeros;
              });
      long lastRunning = (long) decision.start + decision.option.durationYears() - 1;
      for (int i = 0; i < byYear.length; i++) {
        long year = (long) firstFiscalYear + i;
        if (decision.start <= year && year <= lastRunning) {
          byYear[i] = byYear[i].add(exact(weeks));
        }
      }
    }
    for (SecurityCooperationOffice office : scenario.securityCooperationOffices()) {
      BigDecimal[] byYear = workload.get(office.id());
      if (byYear == null) {
        continue;
      }
      BigDecimal capacity = exact(office.staffCapacityPersonWeeksPerYear());
      for (int i = 0; i < byYear.length; i++) {
        if (byYear[i].subtract(capacity).compareTo(PERSON_WEEK_TOLERANCE) > 0) {
          add(
              "SCO_CAPACITY",
              "SCO '" + office.id() + "' FY" + (firstFiscalYear + i),
              "workload "
                  + byYear[i].doubleValue()
                  + " person-weeks exceeds staff capacity "
                  + office.staffCapacityPersonWeeksPerYear()
                  + " by "
                  + byYear[i].subtract(capacity).doubleValue());
        }
      }
    }
  }

  private void checkBalanceRules() {
    for (BalanceRule rule : scenario.balanceRules()) {
      long[] covered = new long[horizonLength()];
      long[] total = new long[horizonLength()];
      for (Decision decision : decisions.values()) {
        if (decision.obligations == null) {
          continue;
        }
        addInHorizon(total, decision.obligations);
        if (rule.covers(decision.option.tags())) {
          addInHorizon(covered, decision.obligations);
        }
      }
      if (rule.scope() == BalanceScope.HORIZON) {
        long coveredSum = 0;
        long totalSum = 0;
        for (int i = 0; i < covered.length; i++) {
          coveredSum = Math.addExact(coveredSum, covered[i]);
          totalSum = Math.addExact(totalSum, total[i]);
        }
        checkBalance(rule, "balance rule '" + rule.id() + "' horizon", coveredSum, totalSum);
      } else {
        for (int i = 0; i < covered.length; i++) {
          checkBalance(
              rule,
              "balance rule '" + rule.id() + "' FY" + (firstFiscalYear + i),
              covered[i],
              total[i]);
        }
      }
    }
  }

  private void checkBalance(BalanceRule rule, String at, long covered, long total) {
    BigInteger coveredScaled = TEN_THOUSAND.multiply(BigInteger.valueOf(covered));
    BigInteger totalBig = BigInteger.valueOf(total);
    String share =
        "covered obligations "
            + dollars(covered)
            + " are "
            + percent(covered, total)
            + " of all obligations "
            + dollars(total);
    if (rule.minimumShare() != null) {
      long basisPoints = Math.round(rule.minimumShare() * 10_000);
      if (coveredScaled.compareTo(BigInteger.valueOf(basisPoints).multiply(totalBig)) < 0) {
        add(
            "BALANCE_RULE",
            at,
            share + ", below the minimum share " + basisPointsAsPercent(basisPoints));
      }
    }
    if (rule.maximumShare() != null) {
      long basisPoints = Math.round(rule.maximumShare() * 10_000);
      if (coveredScaled.compareTo(BigInteger.valueOf(basisPoints).multiply(totalBig)) > 0) {
        add(
            "BALANCE_RULE",
            at,
            share + ", above the maximum share " + basisPointsAsPercent(basisPoints));
      }
    }
    if (rule.minimumAmount() != null && covered < rule.minimumAmount()) {
      add(
          "BALANCE_RULE",
          at,
          "covered obligations "
              + dollars(covered)
              + " are below the minimum amount "
              + dollars(rule.minimumAmount())
              + " by "
              + dollars(rule.minimumAmount() - covered));
    }
    if (rule.maximumAmount() != null && covered > rule.maximumAmount()) {
      add(
          "BALANCE_RULE",
          at,
          "covered obligations "
              + dollars(covered)
              + " exceed the maximum amount "
              + dollars(rule.maximumAmount())
              + " by "
              + dollars(covered - rule.maximumAmount()));
    }
  }

  // ---------------------------------------------------------------------- structure

  private void checkExclusionGroups() {
    Map<String, List<String>> funded = new LinkedHashMap<>();
    for (Decision decision : decisions.values()) {
      String group = decision.option.exclusionGroup();
      if (group != null) {
        funded.computeIfAbsent(group, g -> new ArrayList<>()).add(decision.option.id());
      }
    }
    for (Map.Entry<String, List<String>> group : funded.entrySet()) {
      if (group.getValue().size() > 1) {
        add(
            "EXCLUSION_GROUP",
            "exclusion group '" + group.getKey() + "'",
            group.getValue().size()
                + " options funded ("
                + String.join(", ", group.getValue())
                + "); at most one may be");
      }
    }
  }

  private void checkPrerequisites() {
    for (Decision decision : decisions.values()) {
      for (Prerequisite prerequisite : decision.option.prerequisites()) {
        Decision first = decisions.get(prerequisite.optionId());
        if (first == null) {
          add(
              "PREREQUISITE",
              optionAt(decision.option.id()),
              "funded, but its prerequisite '" + prerequisite.optionId() + "' is not funded");
        } else if ((long) decision.start < (long) first.start + prerequisite.lagYears()) {
          add(
              "PREREQUISITE",
              optionAt(decision.option.id()),
              "starts FY"
                  + decision.start
                  + ", but its prerequisite '"
                  + prerequisite.optionId()
                  + "' starts FY"
                  + first.start
                  + " with a lag of "
                  + prerequisite.lagYears()
                  + " years: FY"
                  + ((long) first.start + prerequisite.lagYears())
                  + " at the earliest");
        }
      }
    }
  }

  private void checkLockedDecisions() {
    Set<String> locked = new HashSet<>();
    for (LockedDecision lock : scenario.lockedDecisions()) {
      locked.add(lock.optionId());
      if (!hasPlan) {
        continue;
      }
      Decision decision = decisions.get(lock.optionId());
      String what =
          "locked decision (program '"
              + lock.programId()
              + "', start FY"
              + lock.startFiscalYear()
              + ")";
      if (decision == null) {
        add("LOCKED_DECISION", optionAt(lock.optionId()), what + " is not funded");
        continue;
      }
      if (!lock.programId().equals(decision.entry.programId())) {
        add(
            "LOCKED_DECISION",
            optionAt(lock.optionId()),
            what + " is funded by program " + quote(decision.entry.programId()));
      }
      if (lock.startFiscalYear() != decision.start) {
        add("LOCKED_DECISION", optionAt(lock.optionId()), what + " starts FY" + decision.start);
      }
    }
    for (Decision decision : decisions.values()) {
      boolean expected = locked.contains(decision.option.id());
      if (decision.entry.locked() != expected) {
        add(
            "LOCKED_DECISION",
            optionAt(decision.option.id()),
            expected
                ? "locked flag is false, but the option is a locked decision"
                : "locked flag is true, but the option is not a locked decision");
      }
    }
  }

  // ------------------------------------------------------------------------- values

  private void checkGapOutcomes(Map<String, Double> gapValues) {
    Map<String, double[]> sums = new HashMap<>();
    for (Decision decision : decisions.values()) {
      double[] sum = sums.computeIfAbsent(decision.option.gapId(), id -> new double[2]);
      sum[0] += decision.value;
      sum[1] += decision.option.closure();
    }
    List<GapOutcome> outcomes = plan.gaps();
    for (int i = 1; i < outcomes.size(); i++) {
      if (compareNullable(outcomes.get(i - 1).gapId(), outcomes.get(i).gapId()) > 0) {
        add(
            "GAP_OUTCOME",
            "plan",
            "gap outcomes are not sorted by gap id: "
                + quote(outcomes.get(i).gapId())
                + " comes after "
                + quote(outcomes.get(i - 1).gapId()));
        break;
      }
    }
    Map<String, GapOutcome> byId = new HashMap<>();
    for (GapOutcome outcome : outcomes) {
      if (byId.putIfAbsent(outcome.gapId(), outcome) != null) {
        add("GAP_OUTCOME", gapAt(outcome.gapId()), "listed more than once");
      } else if (rules.gap(outcome.gapId()) == null) {
        add("GAP_OUTCOME", gapAt(outcome.gapId()), "not a gap of the scenario");
      }
    }
    double totalWeight = 0;
    double riskReduced = 0;
    for (CapabilityGap gap : scenario.gaps()) {
      double weight = rules.weight(gap);
      double maximumValue = rules.maximumValue(gap);
      double[] sum = sums.getOrDefault(gap.id(), new double[2]);
      double value = Math.min(maximumValue, sum[0]);
      double closure = Math.min(1.0, sum[1]);
      totalWeight += weight;
      riskReduced += value;
      gapValues.put(gap.id(), value);
      GapOutcome outcome = byId.get(gap.id());
      String at = gapAt(gap.id());
      if (outcome == null) {
        add("GAP_OUTCOME", at, "missing: every gap needs exactly one outcome");
        continue;
      }
      if (!gap.partnerId().equals(outcome.partnerId())) {
        add(
            "GAP_OUTCOME",
            at,
            "partner "
                + quote(outcome.partnerId())
                + ", but the gap's partner is '"
                + gap.partnerId()
                + "'");
      }
      comparePoints(at, "weight", outcome.weight(), weight, () -> "");
      comparePoints(
          at,
          "maximum value",
          outcome.maximumValue(),
          maximumValue,
          () -> " (weight x success " + rules.success(gap) + ")");
      comparePoints(
          at,
          "value",
          outcome.value(),
          value,
          () ->
              " (min(maximum value " + maximumValue + ", funded options' values " + sum[0] + "))");
      comparePoints(
          at,
          "closure",
          outcome.closure(),
          closure,
          () -> " (min(1, funded options' closures " + sum[1] + "))");
      comparePoints(
          at, "residual risk", outcome.residualRisk(), weight - value, () -> " (weight - value)");
    }
    if (!close(plan.totalWeightAtStake(), totalWeight)) {
      add(
          "VALUE",
          "plan",
          "total weight at stake "
              + plan.totalWeightAtStake()
              + " points, expected "
              + totalWeight
              + " (sum of gap weights)");
    }
    if (!close(plan.riskReduced(), riskReduced)) {
      add(
          "VALUE",
          "plan",
          "risk reduced "
              + plan.riskReduced()
              + " points, expected "
              + riskReduced
              + " (sum of gap values)");
    }
  }

  /** Compares a gap's figure; {@code how} explains the expected one, built only for a violation. */
  private void comparePoints(
      String at, String what, double actual, double expected, Supplier<String> how) {
    if (!close(actual, expected)) {
      add("GAP_OUTCOME", at, what + " " + actual + ", expected " + expected + how.get());
    }
  }

  // ------------------------------------------------------------------------- totals

  private void checkTotals(Map<String, Double> gapValues) {
    Map<String, Long> byPartner = new HashMap<>();
    Map<String, Long> bySco = new HashMap<>();
    Map<String, Long> byProgram = new HashMap<>();
    Map<Integer, Long> byYear = new HashMap<>();
    Map<String, Map<Integer, Long>> byProgramAndYear = new HashMap<>();
    long total = 0;
    for (Decision decision : decisions.values()) {
      if (decision.obligations == null) {
        continue;
      }
      for (Map.Entry<Integer, Long> obligation : decision.obligations.entrySet()) {
        long amount = obligation.getValue();
        total = Math.addExact(total, amount);
        if (decision.partner != null) {
          byPartner.merge(decision.partner.id(), amount, Math::addExact);
          bySco.merge(decision.partner.scoId(), amount, Math::addExact);
        }
        byProgram.merge(decision.program.id(), amount, Math::addExact);
        byYear.merge(obligation.getKey(), amount, Math::addExact);
        byProgramAndYear
            .computeIfAbsent(decision.program.id(), id -> new HashMap<>())
            .merge(obligation.getKey(), amount, Math::addExact);
      }
    }
    PlanTotals totals = plan.totals();
    compareMoneyMaps(
        "totals obligationsByPartner",
        byPartner,
        totals.obligationsByPartner(),
        PlanChecker::quote);
    compareMoneyMaps(
        "totals obligationsBySco", bySco, totals.obligationsBySco(), PlanChecker::quote);
    compareMoneyMaps(
        "totals obligationsByProgram",
        byProgram,
        totals.obligationsByProgram(),
        PlanChecker::quote);
    compareMoneyMaps(
        "totals obligationsByFiscalYear",
        byYear,
        totals.obligationsByFiscalYear(),
        year -> "FY" + year);
    Set<String> programs = new TreeSet<>(byProgramAndYear.keySet());
    programs.addAll(totals.obligationsByProgramAndFiscalYear().keySet());
    for (String program : programs) {
      compareMoneyMaps(
          "totals obligationsByProgramAndFiscalYear '" + program + "'",
          byProgramAndYear.getOrDefault(program, Map.of()),
          totals.obligationsByProgramAndFiscalYear().getOrDefault(program, Map.of()),
          year -> "FY" + year);
    }
    Map<String, Double> riskByPartner = new HashMap<>();
    for (CapabilityGap gap : scenario.gaps()) {
      Double value = gapValues.get(gap.id());
      if (value != null) {
        riskByPartner.merge(gap.partnerId(), value, Double::sum);
      }
    }
    Set<String> partners = new TreeSet<>(riskByPartner.keySet());
    partners.addAll(totals.riskReducedByPartner().keySet());
    for (String partner : partners) {
      double expected = riskByPartner.getOrDefault(partner, 0.0);
      double actual = totals.riskReducedByPartner().getOrDefault(partner, 0.0);
      if (!close(actual, expected)) {
        add(
            "TOTALS",
            "totals riskReducedByPartner '" + partner + "'",
            actual + " points, expected " + expected);
      }
    }
    if (totals.totalObligated() != total) {
      add(
          "TOTALS",
          "totals totalObligated",
          dollars(totals.totalObligated()) + ", expected " + dollars(total));
    }
    if (totalLapsedKnown && totals.totalLapsed() != expectedTotalLapsed) {
      add(
          "TOTALS",
          "totals totalLapsed",
          dollars(totals.totalLapsed()) + ", expected " + dollars(expectedTotalLapsed));
    }
  }

  private <K extends Comparable<K>> void compareMoneyMaps(
      String at, Map<K, Long> expected, Map<K, Long> actual, Function<K, String> keyName) {
    Set<K> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (K key : keys) {
      long want = expected.getOrDefault(key, 0L);
      long have = actual.getOrDefault(key, 0L);
      if (want != have) {
        add("TOTALS", at + " " + keyName.apply(key), dollars(have) + ", expected " + dollars(want));
      }
    }
  }

  // ---------------------------------------------------------------- unfunded reasons

  private void checkUnfundedReasons() {
    for (UnfundedOption entry : unfundedEntries.values()) {
      try {
        checkUnfundedReason(entry);
      } catch (RuntimeException e) {
        add("UNCHECKED", optionAt(entry.optionId()) + " reason", "could not be checked: " + e);
      }
    }
  }

  private void checkUnfundedReason(UnfundedOption entry) {
    SolutionOption option = rules.option(entry.optionId());
    String at = optionAt(option.id());
    ReasonCode code = entry.reason().code();
    switch (code) {
      case INELIGIBLE -> {
        Program eligible = rules.anyEligibleProgram(option);
        if (eligible != null) {
          add(
              "UNFUNDED_REASON",
              at,
              "reason INELIGIBLE, but program '" + eligible.id() + "' is eligible");
        }
      }
      case EXCLUDED_BY_POLICY -> {
        if (rules.policyExclusions(option).isEmpty()) {
          add(
              "UNFUNDED_REASON",
              at,
              "reason EXCLUDED_BY_POLICY, but no policy threshold excludes the option");
        }
      }
      case NO_VALUE -> {
        long from =
            Math.max(
                firstFiscalYear,
                option.earliestStartFiscalYear() == null
                    ? firstFiscalYear
                    : option.earliestStartFiscalYear());
        long to = rules.latestStart(option);
        for (long start = from; start <= to; start++) {
          double value = rules.value(option, start);
          if (value > 0) {
            add(
                "UNFUNDED_REASON",
                at,
                "reason NO_VALUE, but the option is worth "
                    + value
                    + " points when started in FY"
                    + start);
            break;
          }
        }
      }
      case NO_START_YEAR -> {
        PlanCheckerRules.Candidate candidate = rules.anyCandidate(option, Long.MIN_VALUE);
        if (candidate != null) {
          add(
              "UNFUNDED_REASON",
              at,
              "reason NO_START_YEAR, but program '"
                  + candidate.program().id()
                  + "' could start it in FY"
                  + candidate.start());
        }
      }
      case BLOCKED_BY_PREREQUISITE -> checkBlockedByPrerequisite(option, at);
      case EXCLUDED_BY_ALTERNATIVE -> {
        String group = option.exclusionGroup();
        if (group == null || !fundedGroups().contains(group)) {
          add(
              "UNFUNDED_REASON",
              at,
              group == null
                  ? "reason EXCLUDED_BY_ALTERNATIVE, but the option has no exclusion group"
                  : "reason EXCLUDED_BY_ALTERNATIVE, but no other option of exclusion group '"
                      + group
                      + "' is funded");
        }
      }
      case GAP_ALREADY_CLOSED -> {
        CapabilityGap gap = rules.gap(option.gapId());
        double sum = 0;
        for (Decision decision : decisions.values()) {
          if (decision.option.gapId().equals(option.gapId())) {
            sum += decision.value;
          }
        }
        double maximumValue = rules.maximumValue(gap);
        if (sum < maximumValue - GAP_CLOSED_TOLERANCE) {
          add(
              "UNFUNDED_REASON",
              at,
              "reason GAP_ALREADY_CLOSED, but gap '"
                  + gap.id()
                  + "' holds "
                  + sum
                  + " of its maximum value "
                  + maximumValue
                  + " points");
        }
      }
      default -> {
        // CROWDED_OUT names limits in words, not checked here (docs/MODEL.md §7); NO_PLAN is
        // checked by STATUS.
      }
    }
  }

  /** Exclusion groups with a funded option (an unfunded option is never among the decisions). */
  private Set<String> fundedGroups() {
    if (fundedGroups == null) {
      fundedGroups = new HashSet<>();
      for (Decision decision : decisions.values()) {
        if (decision.option.exclusionGroup() != null) {
          fundedGroups.add(decision.option.exclusionGroup());
        }
      }
    }
    return fundedGroups;
  }

  private void checkBlockedByPrerequisite(SolutionOption option, String at) {
    if (option.prerequisites().isEmpty()) {
      add(
          "UNFUNDED_REASON",
          at,
          "reason BLOCKED_BY_PREREQUISITE, but the option has no prerequisite");
      return;
    }
    long notBefore = Long.MIN_VALUE;
    for (Prerequisite prerequisite : option.prerequisites()) {
      Decision first = decisions.get(prerequisite.optionId());
      if (first == null) {
        return; // an unfunded prerequisite blocks it
      }
      notBefore = Math.max(notBefore, (long) first.start + prerequisite.lagYears());
    }
    PlanCheckerRules.Candidate candidate = rules.anyCandidate(option, notBefore);
    if (candidate != null) {
      add(
          "UNFUNDED_REASON",
          at,
          "reason BLOCKED_BY_PREREQUISITE, but every prerequisite is funded early enough for program '"
              + candidate.program().id()
              + "' to start it in FY"
              + candidate.start());
    }
  }

  // ------------------------------------------------------------------------ helpers

  private int horizonLength() {
    return Math.max(0, lastFiscalYear - firstFiscalYear + 1);
  }

  /** Adds the horizon years of a by-FY map into an array indexed from the horizon's first FY. */
  private void addInHorizon(long[] byYear, Map<Integer, Long> amounts) {
    if (amounts == null) {
      return;
    }
    for (Map.Entry<Integer, Long> amount : amounts.entrySet()) {
      long index = (long) amount.getKey() - firstFiscalYear;
      if (index >= 0 && index < byYear.length) {
        byYear[(int) index] = Math.addExact(byYear[(int) index], amount.getValue());
      }
    }
  }

  /** Compares by-FY dollar maps after dropping zero entries, one violation per differing FY. */
  private void compareYearMaps(
      String rule,
      String at,
      String what,
      Map<Integer, Long> expected,
      Map<Integer, Long> actual,
      String how) {
    Set<Integer> years = new TreeSet<>(expected.keySet());
    years.addAll(actual.keySet());
    for (int year : years) {
      long want = expected.getOrDefault(year, 0L);
      long have = actual.getOrDefault(year, 0L);
      if (want != have) {
        add(
            rule,
            at + " FY" + year,
            what + " " + dollars(have) + ", expected " + dollars(want) + how);
      }
    }
  }

  /**
   * Sum of amounts taken from the plan, saturating at the bounds of {@code long}: a plan with
   * absurd amounts is reported, never thrown on (a saturated sum exceeds every real amount).
   */
  private static long plus(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }

  private static long minus(long a, long b) {
    return b == Long.MIN_VALUE ? plus(plus(a, Long.MAX_VALUE), 1) : plus(a, -b);
  }

  static boolean close(double actual, double expected) {
    double difference = Math.abs(actual - expected);
    return difference <= POINT_TOLERANCE
        || difference <= POINT_TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected));
  }

  private static BigDecimal exact(double value) {
    return Double.isFinite(value) ? new BigDecimal(value) : BigDecimal.valueOf(Long.MAX_VALUE);
  }

  private static int compareNullable(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  /** Whole dollars with thousands separators: {@code $12,500,000}, {@code -$5}. */
  static String dollars(long amount) {
    String digits = amount < 0 ? Long.toString(amount).substring(1) : Long.toString(amount);
    StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3 + 2);
    if (amount < 0) {
      text.append('-');
    }
    text.append('$');
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        text.append(',');
      }
      text.append(digits.charAt(i));
    }
    return text.toString();
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "n/a %" : String.format(Locale.ROOT, "%.4f%%", 100.0 * part / whole);
  }

  private static String basisPointsAsPercent(long basisPoints) {
    return String.format(Locale.ROOT, "%.2f%%", basisPoints / 100.0);
  }

  private static String quote(Object id) {
    return id == null ? "(none)" : "'" + id + "'";
  }

  private static String fiscalYearOrNone(Integer year) {
    return year == null ? "(none: no-year money)" : "FY" + year;
  }

  private static String optionAt(String optionId) {
    return "option " + quote(optionId);
  }

  private static String partnerAt(String partnerId) {
    return "partner " + quote(partnerId);
  }

  private static String gapAt(String gapId) {
    return "gap " + quote(gapId);
  }

  private static String appropriationAt(AppropriationKey key) {
    return "program " + quote(key.programId()) + " appropriation FY" + key.fiscalYear();
  }

  /** A funded option as the checker sees it: the plan's decision plus recomputed figures. */
  private static final class Decision {
    final FundedOption entry;
    final SolutionOption option;
    final Partner partner;

    /** Null when the plan names an unknown program. */
    final Program program;

    final int start;
    final long completion;
    final SortedMap<Integer, Long> costs;

    /** Null when the program is unknown. */
    final SortedMap<Integer, Long> obligations;

    final double value;

    Decision(
        FundedOption entry,
        SolutionOption option,
        Program program,
        int start,
        long completion,
        SortedMap<Integer, Long> costs,
        SortedMap<Integer, Long> obligations,
        double value,
        Partner partnerOf) {
      this.entry = entry;
      this.option = option;
      this.program = program;
      this.start = start;
      this.completion = completion;
      this.costs = costs;
      this.obligations = obligations;
      this.value = value;
      this.partner = partnerOf;
    }
  }

  private record AppropriationKey(String programId, int fiscalYear) {}

  /** The appropriations of one program and FY (usually one), with the plan's draws on them. */
  private static final class AppropriationGroup {
    final List<Appropriation> members = new ArrayList<>(1);

    /** Draws by obligation FY, only draws available under some member. */
    final SortedMap<Integer, Long> demand = new TreeMap<>();

    boolean availableIn(int fiscalYear) {
      for (Appropriation member : members) {
        if (member.availableIn(fiscalYear)) {
          return true;
        }
      }
      return false;
    }

    String availability() {
      List<String> periods = new ArrayList<>();
      for (Appropriation member : members) {
        periods.add(
            member.noYear()
                ? "FY" + member.fiscalYear() + " onward (no-year)"
                : "FY" + member.fiscalYear() + "-FY" + member.lastAvailableFiscalYear());
      }
      return String.join(" or ", periods);
    }
  }
}
