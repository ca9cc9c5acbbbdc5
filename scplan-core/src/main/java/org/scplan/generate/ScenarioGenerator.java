package org.scplan.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
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
import org.scplan.scenario.Objective;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.PlanningHorizon;
import org.scplan.scenario.Policy;
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
 * Builds realistic synthetic scenarios from a {@link GeneratorConfig}, deterministically: the same
 * config gives an equal scenario (and the same JSON bytes) in every JVM, because all randomness
 * comes from one {@link SplittableRandom} seeded with {@link GeneratorConfig#seed()} and drawn in a
 * fixed order. Every scenario passes {@link org.scplan.validation.ScenarioValidator}.
 *
 * <p>What it builds, modelled on the embedded {@link org.scplan.examples.NotionalTheater}:
 *
 * <ul>
 *   <li>Partners spread over the combatant commands in proportion to the number of countries in
 *       each area of responsibility; priority tiers 1–4 (10/25/40/25 %), propensities 0.35–0.95,
 *       political will per role (one in ten below the policy minimum), vetting 85 % clear, 10 %
 *       restricted, 5 % failed; one SCO each, whose staff covers 40–80 % of the workload of all the
 *       partner's options; absorptive capacities and sustainment budgets for most partners.
 *   <li>4 end states, 8 lines of effort (each with a role such as border security or peacekeeping)
 *       and 16 objectives with deadlines around the horizon's end.
 *   <li>Per partner 10–16 capability gaps (configurable), each with 2–4 options: the first enables
 *       (assessment, training, engagement), the others build on it; 40 % of later options require
 *       the first one ("train before equip"), 5 % require an earlier option of another gap of the
 *       same partner; 35 % of gaps with three or more options make two of them alternatives (an
 *       exclusion group). Costs are log-uniform per activity kind, scaled per partner and phased
 *       over 1–3 fiscal years.
 *   <li>A program catalogue modelled on the public facts of {@code
 *       data/sc-programs/sc_program_facts.csv}: 10 U.S.C. 333 (obligated in full at the start, 3-FY
 *       span, 1-year money, a year of planning lead time), 332, 284 (SOUTHCOM and INDOPACOM only),
 *       OHDACA (2-year money with a carried-over balance), IMET (1-year money plus a no-year
 *       slice), FMF (full at start, 2-year money, per-partner annual cap), PKO/GPOI (strict
 *       vetting, a partner list), NADR (2-year) and combatant command engagement funds; beyond
 *       those nine, regional lines limited to one combatant command and country earmarks limited to
 *       a few partners.
 *   <li>Appropriations sized so that the money over the horizon is {@link
 *       GeneratorConfig#tightness()} times the cost of the options each program could fund (an
 *       option's cost shared evenly among its eligible programs), per program ±20 % and per year
 *       ±15 %, and each FY at least the median of the largest one-FY obligation of the options the
 *       program could fund, so that small scenarios stay plannable.
 *   <li>Balance rules: materiel at most 60 % of obligations in each FY and, from 20 partners on, no
 *       combatant command above 45 % of obligations over the horizon. No minimum shares: a minimum
 *       share is met only by funding its own options first, which the greedy baseline (one option
 *       at a time) cannot do, so it would leave the solver without a hint.
 * </ul>
 *
 * <p>Money is in whole dollars, rounded to $10,000 for costs and $100,000 for appropriations, so
 * the default $1,000 model resolution is exact.
 */
public final class ScenarioGenerator {

  /**
   * Countries per combatant command's area of responsibility, from {@code
   * shared/data/sc-programs/gcc_aor.csv} (AFRICOM 53, CENTCOM 21 in the current list, EUCOM 51,
   * INDOPACOM 36, SOUTHCOM 31, NORTHCOM 3 sovereign states). Embedded so the generator needs no
   * data file at run time.
   */
  static final Map<CombatantCommand, Integer> AOR_COUNTRIES = aorCountries();

  private static final long COST_ROUNDING = 10_000L;
  private static final long MONEY_ROUNDING = 100_000L;
  private static final long SMALL_CONSTRUCTION_CAP = 1_950_000L;

  private ScenarioGenerator() {}

  /**
   * Generates the scenario described by {@code config}.
   *
   * @return a valid scenario: money in dollars, time in fiscal years, staff in person-weeks
   */
  public static Scenario generate(GeneratorConfig config) {
    return new Run(config).build();
  }

  private static Map<CombatantCommand, Integer> aorCountries() {
    Map<CombatantCommand, Integer> counts = new EnumMap<>(CombatantCommand.class);
    counts.put(CombatantCommand.AFRICOM, 53);
    counts.put(CombatantCommand.CENTCOM, 21);
    counts.put(CombatantCommand.EUCOM, 51);
    counts.put(CombatantCommand.INDOPACOM, 36);
    counts.put(CombatantCommand.NORTHCOM, 3);
    counts.put(CombatantCommand.SOUTHCOM, 31);
    return Collections.unmodifiableMap(counts);
  }

  /** An activity kind: type, domain, cost range in dollars at cost scale 1, durations in FYs. */
  private enum Kind {
    ASSESSMENT(ActivityType.ASSESSMENT, DotmlpfDomain.ORGANIZATION, "assessment", 100, 400, 1, 1),
    ENGAGEMENT(
        ActivityType.ENGAGEMENT, DotmlpfDomain.POLICY, "key leader engagement", 50, 300, 1, 1),
    TRAINING(ActivityType.TRAINING, DotmlpfDomain.TRAINING, "training course", 500, 3_000, 1, 2),
    EDUCATION(
        ActivityType.EDUCATION,
        DotmlpfDomain.LEADERSHIP_AND_EDUCATION,
        "professional military education seats",
        150,
        900,
        1,
        3),
    EQUIPMENT(
        ActivityType.EQUIPMENT, DotmlpfDomain.MATERIEL, "equipment package", 2_000, 12_000, 1, 3),
    ADVISING(ActivityType.ADVISING, DotmlpfDomain.ORGANIZATION, "advisor team", 500, 2_500, 2, 3),
    EXERCISE(ActivityType.EXERCISE, DotmlpfDomain.TRAINING, "combined exercise", 200, 1_500, 1, 1),
    CONSTRUCTION(
        ActivityType.CONSTRUCTION,
        DotmlpfDomain.FACILITIES,
        "small-scale construction",
        500,
        1_900,
        1,
        2),
    HUMANITARIAN(
        ActivityType.HUMANITARIAN_ASSISTANCE,
        DotmlpfDomain.FACILITIES,
        "civic aid project",
        200,
        1_000,
        1,
        1),
    INSTITUTION(
        ActivityType.INSTITUTION_BUILDING,
        DotmlpfDomain.DOCTRINE,
        "ministry reform",
        300,
        1_500,
        2,
        3);

    final ActivityType activityType;
    final DotmlpfDomain domain;
    final String label;
    final long minimumThousands;
    final long maximumThousands;
    final int minimumYears;
    final int maximumYears;

    Kind(
        ActivityType activityType,
        DotmlpfDomain domain,
        String label,
        long minimumThousands,
        long maximumThousands,
        int minimumYears,
        int maximumYears) {
      this.activityType = activityType;
      this.domain = domain;
      this.label = label;
      this.minimumThousands = minimumThousands;
      this.maximumThousands = maximumThousands;
      this.minimumYears = minimumYears;
      this.maximumYears = maximumYears;
    }
  }

  /** A line of effort: its id suffix, name, end state, role served, and the kinds that serve it. */
  private record Line(
      String slug, String name, int endState, String role, boolean governance, List<Kind> kinds) {}

  private static final String[][] END_STATES = {
    {"es-veo", "Violent extremist organizations cannot threaten partners or US interests"},
    {"es-sovereignty", "Partners control their borders and waters"},
    {"es-institutions", "Partner defense institutions are accountable and sustain their forces"},
    {"es-stability", "Partners contribute to regional stability and crisis response"}
  };

  private static final List<Line> LINES =
      List.of(
          new Line(
              "counter-veo",
              "Counter-VEO",
              0,
              "counter-terrorism",
              false,
              List.of(Kind.ASSESSMENT, Kind.TRAINING, Kind.EQUIPMENT, Kind.ADVISING)),
          new Line(
              "border",
              "Border security",
              1,
              "border-security",
              false,
              List.of(Kind.ASSESSMENT, Kind.TRAINING, Kind.EQUIPMENT, Kind.CONSTRUCTION)),
          new Line(
              "maritime",
              "Maritime security",
              1,
              "maritime-security",
              false,
              List.of(Kind.TRAINING, Kind.EQUIPMENT, Kind.CONSTRUCTION, Kind.EXERCISE)),
          new Line(
              "counter-narcotics",
              "Counter-narcotics and transnational crime",
              0,
              "counter-drug",
              false,
              List.of(Kind.ENGAGEMENT, Kind.TRAINING, Kind.EQUIPMENT)),
          new Line(
              "dib",
              "Defense institution building",
              2,
              "defense-institutions",
              true,
              List.of(Kind.ASSESSMENT, Kind.ADVISING, Kind.INSTITUTION, Kind.ENGAGEMENT)),
          new Line(
              "pme",
              "Professional military education",
              2,
              "professional-education",
              true,
              List.of(Kind.ENGAGEMENT, Kind.EDUCATION, Kind.EDUCATION)),
          new Line(
              "peacekeeping",
              "Peacekeeping readiness",
              3,
              "peacekeeping",
              false,
              List.of(Kind.TRAINING, Kind.EQUIPMENT, Kind.EXERCISE)),
          new Line(
              "humanitarian",
              "Humanitarian assistance and disaster response",
              3,
              "humanitarian",
              false,
              List.of(Kind.ASSESSMENT, Kind.HUMANITARIAN, Kind.CONSTRUCTION, Kind.EXERCISE)));

  /** A program kind of the catalogue; regional lines and earmarks are instances of one. */
  private record ProgramKind(
      String slug,
      String name,
      String authority,
      FundingTitle title,
      ObligationRule rule,
      Integer maxSpanYears,
      Set<ActivityType> activityTypes,
      Set<DotmlpfDomain> domains,
      Set<CombatantCommand> commands,
      VettingRequirement vetting,
      int planningLeadTimeYears,
      Long perPartnerAnnualCap,
      Integer yearsAvailable,
      double noYearShare,
      double carriedOverShare,
      boolean partnerList) {}

  private static final List<ProgramKind> CATALOGUE =
      List.of(
          new ProgramKind(
              "333",
              "Build Partner Capacity (Section 333)",
              "10 U.S.C. 333",
              FundingTitle.TITLE_10,
              ObligationRule.FULL_AT_START,
              3,
              EnumSet.of(
                  ActivityType.ASSESSMENT,
                  ActivityType.TRAINING,
                  ActivityType.EQUIPMENT,
                  ActivityType.CONSTRUCTION),
              EnumSet.of(
                  DotmlpfDomain.ORGANIZATION,
                  DotmlpfDomain.TRAINING,
                  DotmlpfDomain.MATERIEL,
                  DotmlpfDomain.FACILITIES),
              EnumSet.noneOf(CombatantCommand.class),
              VettingRequirement.STANDARD,
              1,
              null,
              1,
              0,
              0,
              false),
          new ProgramKind(
              "332",
              "Defense Institution Building (Section 332)",
              "10 U.S.C. 332",
              FundingTitle.TITLE_10,
              ObligationRule.INCREMENTAL,
              null,
              EnumSet.of(
                  ActivityType.ADVISING,
                  ActivityType.INSTITUTION_BUILDING,
                  ActivityType.EDUCATION,
                  ActivityType.ASSESSMENT),
              EnumSet.of(
                  DotmlpfDomain.DOCTRINE,
                  DotmlpfDomain.ORGANIZATION,
                  DotmlpfDomain.LEADERSHIP_AND_EDUCATION,
                  DotmlpfDomain.PERSONNEL,
                  DotmlpfDomain.POLICY),
              EnumSet.noneOf(CombatantCommand.class),
              VettingRequirement.STANDARD,
              0,
              null,
              1,
              0,
              0,
              false),
          new ProgramKind(
              "284",
              "Counter-drug and counter-transnational organized crime support (Section 284)",
              "10 U.S.C. 284",
              FundingTitle.TITLE_10,
              ObligationRule.INCREMENTAL,
              null,
              EnumSet.of(
                  ActivityType.ASSESSMENT,
                  ActivityType.TRAINING,
                  ActivityType.EQUIPMENT,
                  ActivityType.CONSTRUCTION),
              EnumSet.noneOf(DotmlpfDomain.class),
              EnumSet.of(CombatantCommand.SOUTHCOM, CombatantCommand.INDOPACOM),
              VettingRequirement.STANDARD,
              0,
              null,
              1,
              0,
              0,
              false),
          new ProgramKind(
              "ohdaca",
              "Overseas Humanitarian, Disaster, and Civic Aid",
              "10 U.S.C. 2561 (OHDACA)",
              FundingTitle.TITLE_10,
              ObligationRule.INCREMENTAL,
              null,
              EnumSet.of(
                  ActivityType.HUMANITARIAN_ASSISTANCE,
                  ActivityType.CONSTRUCTION,
                  ActivityType.ASSESSMENT),
              EnumSet.noneOf(DotmlpfDomain.class),
              EnumSet.noneOf(CombatantCommand.class),
              VettingRequirement.NONE,
              0,
              null,
              2,
              0,
              0.05,
              false),
          new ProgramKind(
              "imet",
              "International Military Education and Training",
              "Foreign Assistance Act sec. 541",
              FundingTitle.TITLE_22,
              ObligationRule.INCREMENTAL,
              null,
              EnumSet.of(ActivityType.EDUCATION, ActivityType.TRAINING),
              EnumSet.of(DotmlpfDomain.LEADERSHIP_AND_EDUCATION, DotmlpfDomain.TRAINING),
              EnumSet.noneOf(CombatantCommand.class),
              VettingRequirement.STANDARD,
              0,
              null,
              1,
              0.08,
              0,
              false),
          new ProgramKind(
              "fmf",
              "Foreign Military Financing",
              "Arms Export Control Act sec. 23",
              FundingTitle.TITLE_22,
              ObligationRule.FULL_AT_START,
              3,
              EnumSet.of(ActivityType.EQUIPMENT, ActivityType.TRAINING),
              EnumSet.of(DotmlpfDomain.MATERIEL, DotmlpfDomain.TRAINING),
              EnumSet.noneOf(CombatantCommand.class),
              VettingRequirement.STANDARD,
              1,
              12_000_000L,
              2,
              0,
              0,
              false),
          new ProgramKind(
              "pko-gpoi",
              "Peacekeeping Operations (Global Peace Operations Initiative)",
              "Foreign Assistance Act ch. 6 (PKO)",
              FundingTitle.TITLE_22,
              ObligationRule.INCREMENTAL,
              null,
              EnumSet.of(ActivityType.TRAINING, ActivityType.EQUIPMENT, ActivityType.EXERCISE),
              EnumSet.of(DotmlpfDomain.TRAINING, DotmlpfDomain.MATERIEL),
              EnumSet.noneOf(CombatantCommand.class),
              VettingRequirement.STRICT,
              0,
              null,
              2,
              0,
              0,
              true),
          new ProgramKind(
              "nadr-ata",
              "Nonproliferation, Anti-terrorism, Demining and Related Programs (ATA)",
              "Foreign Assistance Act ch. 8",
              FundingTitle.TITLE_22,
              ObligationRule.INCREMENTAL,
              null,
              EnumSet.of(ActivityType.TRAINING, ActivityType.EQUIPMENT),
              EnumSet.of(DotmlpfDomain.TRAINING, DotmlpfDomain.MATERIEL),
              EnumSet.noneOf(CombatantCommand.class),
              VettingRequirement.STANDARD,
              1,
              null,
              2,
              0,
              0,
              false),
          new ProgramKind(
              "ccmd-engagement",
              "Combatant command engagement and exercise fund",
              "10 U.S.C. 321 and combatant command O&M",
              FundingTitle.TITLE_10,
              ObligationRule.INCREMENTAL,
              null,
              EnumSet.of(ActivityType.ENGAGEMENT, ActivityType.EXERCISE, ActivityType.ASSESSMENT),
              EnumSet.noneOf(DotmlpfDomain.class),
              EnumSet.noneOf(CombatantCommand.class),
              VettingRequirement.NONE,
              0,
              null,
              1,
              0,
              0,
              false));

  /** Program kinds used for country earmarks, in turn. */
  private static final List<String> EARMARK_KINDS = List.of("fmf", "333", "imet", "nadr-ata");

  private static final String[] SYLLABLES = {
    "ba", "kel", "mar", "sor", "va", "du", "ves", "tar", "so", "qa", "di", "ran", "zer", "hat",
    "cor", "les", "mark", "ver", "de", "mer", "ri", "lu", "kai", "ta", "ra", "nor", "el", "vin",
    "ost", "al", "bel", "gar", "thu", "ne", "pol", "ka", "ru", "sen", "mo", "lin"
  };

  private static final String[] SUFFIXES = {"ia", "a", "land", "istan", "ora", "ania", "ica", "en"};

  /** One generation: the random stream and everything drawn so far. */
  private static final class Run {
    private final GeneratorConfig config;
    private final SplittableRandom random;
    private final int firstFiscalYear;
    private final int lastFiscalYear;
    private final List<Objective> objectives = new ArrayList<>();
    private final List<Partner> partners = new ArrayList<>();
    private final List<SecurityCooperationOffice> offices = new ArrayList<>();
    private final List<CapabilityGap> gaps = new ArrayList<>();
    private final List<SolutionOption> options = new ArrayList<>();
    private final Map<String, Partner> partnerOfOption = new LinkedHashMap<>();
    private final Map<String, Boolean> optionUsable = new LinkedHashMap<>();
    private final List<ProgramDraft> programs = new ArrayList<>();

    /**
     * Per program, the median of the largest single-FY obligations of the options it could fund:
     * the least it gets in a FY, so that small scenarios stay plannable (at preset sizes the
     * tightness share is far above it).
     */
    private long[] smallestYearAmount;

    /** Dollars appropriated to all programs together. */
    private long totalMoney;

    Run(GeneratorConfig config) {
      this.config = config;
      this.random = new SplittableRandom(config.seed());
      this.firstFiscalYear = config.firstFiscalYear();
      this.lastFiscalYear = config.firstFiscalYear() + config.horizonYears() - 1;
    }

    Scenario build() {
      Scenario.Builder builder =
          Scenario.builder(
                  String.format(
                      Locale.ROOT,
                      "generated-%d-partners-seed-%d",
                      config.partners(),
                      config.seed()),
                  new PlanningHorizon(firstFiscalYear, lastFiscalYear))
              .name(
                  String.format(
                      Locale.ROOT,
                      "Generated: %d partners, %d programs, tightness %.2f, seed %d, FY%d–FY%d",
                      config.partners(),
                      config.programs(),
                      config.tightness(),
                      config.seed(),
                      firstFiscalYear,
                      lastFiscalYear))
              .policy(Policy.defaults());
      addStrategy(builder);
      List<String> names = partnerNames();
      for (int i = 0; i < config.partners(); i++) {
        addPartner(i, names.get(i));
      }
      draftPrograms();
      smallestYearAmount = new long[programs.size()];
      double[] demand = demandByProgram();
      for (int p = 0; p < programs.size(); p++) {
        ProgramDraft draft = programs.get(p);
        List<Appropriation> money = appropriations(draft, demand[p], smallestYearAmount[p]);
        for (Appropriation appropriation : money) {
          totalMoney += appropriation.amount();
        }
        builder.program(draft.toProgram(money));
      }
      offices.forEach(builder::securityCooperationOffice);
      partners.forEach(builder::partner);
      gaps.forEach(builder::gap);
      options.forEach(builder::option);
      addBalanceRules(builder);
      return builder.build();
    }

    // ------------------------------------------------------------ strategy

    private void addStrategy(Scenario.Builder builder) {
      for (String[] endState : END_STATES) {
        builder.endState(new EndState(endState[0], endState[1], uniform2(0.8, 1.2)));
      }
      for (Line line : LINES) {
        String loeId = "loe-" + line.slug();
        builder.lineOfEffort(
            new LineOfEffort(
                loeId, line.name(), END_STATES[line.endState()][0], uniform2(0.8, 1.2)));
        for (int k = 1; k <= 2; k++) {
          Objective objective =
              new Objective(
                  "imo-" + line.slug() + "-" + k,
                  line.name() + ": intermediate objective " + k,
                  loeId,
                  lastFiscalYear + random.nextInt(-1, 3),
                  uniform2(0.8, 1.2));
          objectives.add(objective);
          builder.objective(objective);
        }
      }
    }

    // ------------------------------------------------------------ partners, gaps, options

    private List<String> partnerNames() {
      List<String> names = new ArrayList<>();
      Set<String> used = new HashSet<>();
      for (int i = 0; i < config.partners(); i++) {
        String base =
            SYLLABLES[random.nextInt(SYLLABLES.length)]
                + SYLLABLES[random.nextInt(SYLLABLES.length)]
                + SUFFIXES[random.nextInt(SUFFIXES.length)];
        String name = Character.toUpperCase(base.charAt(0)) + base.substring(1);
        String unique = name;
        for (int n = 2; !used.add(unique); n++) {
          unique = name + " " + roman(n);
        }
        names.add(unique);
      }
      return names;
    }

    private void addPartner(int index, String name) {
      String id = String.format(Locale.ROOT, "p-%04d", index + 1);
      CombatantCommand command = command();
      int tier = pick(new double[] {0.10, 0.25, 0.40, 0.25}) + 1;
      VettingStatus vetting = VettingStatus.values()[pick(new double[] {0.85, 0.10, 0.05})];
      Map<String, Double> desire = new TreeMap<>();
      for (Line line : LINES) {
        desire.put(
            line.role(), random.nextDouble() < 0.1 ? uniform2(0.05, 0.15) : uniform2(0.3, 1.0));
      }
      double costScale = Math.exp(random.nextDouble(Math.log(0.5), Math.log(2.0)));
      double propensity = uniform2(0.35, 0.95);
      String scoId = "sco-" + id;
      int gapCount =
          random.nextInt(config.minimumGapsPerPartner(), config.maximumGapsPerPartner() + 1);
      List<SolutionOption> partnerOptions = new ArrayList<>();
      Partner draft =
          new Partner(id, name, command, tier, propensity, desire, null, null, vetting, scoId);
      for (int g = 0; g < gapCount; g++) {
        addGap(draft, g, costScale, partnerOptions);
      }
      double workload = 0;
      double demandPerYear = 0;
      long sustainment = 0;
      for (SolutionOption option : partnerOptions) {
        workload += option.scoWorkloadPersonWeeksPerYear() * option.durationYears();
        demandPerYear += option.totalCost();
        sustainment += option.sustainmentCostPerYear();
      }
      workload /= config.horizonYears();
      demandPerYear /= config.horizonYears();
      Long absorptive =
          random.nextDouble() < 0.8
              ? roundMoney(demandPerYear * random.nextDouble(0.3, 0.7))
              : null;
      Long sustainmentBudget =
          random.nextDouble() < 0.6 && sustainment > 0
              ? roundMoney(sustainment * random.nextDouble(0.2, 0.6))
              : null;
      double staff = Math.max(4, Math.round(workload * random.nextDouble(0.4, 0.8)));
      offices.add(
          new SecurityCooperationOffice(
              scoId, "Office of Security Cooperation, US Embassy " + name, staff));
      Partner partner =
          new Partner(
              id,
              name,
              command,
              tier,
              propensity,
              desire,
              absorptive,
              sustainmentBudget,
              vetting,
              scoId);
      partners.add(partner);
      for (SolutionOption option : partnerOptions) {
        partnerOfOption.put(option.id(), partner);
      }
    }

    private void addGap(
        Partner partner, int index, double costScale, List<SolutionOption> partnerOptions) {
      Line line = LINES.get(pick(new double[] {0.16, 0.16, 0.14, 0.12, 0.12, 0.10, 0.10, 0.10}));
      String gapId = String.format(Locale.ROOT, "g-%s-%02d", partner.id().substring(2), index + 1);
      Objective objective = objectives.get(LINES.indexOf(line) * 2 + random.nextInt(2));
      RoleType roleType =
          line.governance()
              ? RoleType.GOVERNANCE
              : random.nextDouble() < 0.7 ? RoleType.PRIMARY : RoleType.SUPPORTING;
      RiskAssessment risk =
          new RiskAssessment(
              1 + pick(new double[] {0.10, 0.20, 0.35, 0.25, 0.10}),
              1 + pick(new double[] {0.05, 0.20, 0.35, 0.25, 0.15}),
              1 + pick(new double[] {0.25, 0.30, 0.25, 0.15, 0.05}));
      int latestNeedBy = Math.min(lastFiscalYear, objective.deadlineFiscalYear());
      Urgency urgency =
          new Urgency(random.nextInt(firstFiscalYear + 1, latestNeedBy + 1), uniform2(0.05, 0.35));
      double coverage =
          random.nextDouble() < 0.8 ? 0.0 : new double[] {0.2, 0.3, 0.5}[random.nextInt(3)];
      Set<Stakeholder> sweetSpot = EnumSet.of(Stakeholder.DOD);
      if (random.nextBoolean()) {
        sweetSpot.add(Stakeholder.STATE);
      }
      if (random.nextBoolean()) {
        sweetSpot.add(Stakeholder.PARTNER);
      }
      CapabilityGap gap =
          new CapabilityGap(
              gapId,
              partner.id(),
              objective.id(),
              line.role(),
              roleType,
              partner.name() + ": " + line.name().toLowerCase(Locale.ROOT) + " gap " + (index + 1),
              risk,
              urgency,
              coverage,
              sweetSpot);
      gaps.add(gap);
      boolean usableGap =
          partner.desire(line.role()) >= Policy.defaults().minimumDesire()
              && risk.riskScore() >= Policy.defaults().minimumRiskScore();
      int count = random.nextInt(2, 5);
      boolean alternatives = count >= 3 && random.nextDouble() < 0.35;
      String firstId = null;
      for (int k = 0; k < count; k++) {
        Kind kind =
            k == 0
                ? line.kinds().get(0)
                : line.kinds().get(1 + random.nextInt(line.kinds().size() - 1));
        String optionId = gapId.replaceFirst("^g-", "o-") + "-" + (char) ('a' + k);
        long[] profile =
            phase(cost(kind, costScale), random.nextInt(kind.minimumYears, kind.maximumYears + 1));
        long total = 0;
        for (long dollars : profile) {
          total += dollars;
        }
        boolean fielded = kind == Kind.EQUIPMENT || kind == Kind.CONSTRUCTION;
        boolean alternative = alternatives && (k == 1 || k == 2);
        SolutionOption.Builder option =
            SolutionOption.builder(optionId, gapId)
                .name(kind.label + " for " + partner.name() + " (" + line.name() + ")")
                .domain(kind.domain)
                .activityType(kind.activityType)
                .closure(alternative ? uniform2(0.6, 1.0) : uniform2(0.3, 0.7))
                .costProfile(profile)
                .leadTimeYears(fielded ? random.nextInt(2) : 0)
                .scoWorkloadPersonWeeksPerYear(0.5 * random.nextInt(2, 13))
                .sustainmentCostPerYear(
                    fielded ? roundCost(total * random.nextDouble(0.03, 0.08)) : 0)
                .providingRisk(1 + pick(new double[] {0.40, 0.30, 0.18, 0.09, 0.03}))
                .tags(
                    "loe:" + line.slug(),
                    "domain:" + kind.domain,
                    "activity:" + kind.activityType,
                    "ccmd:" + partner.combatantCommand());
        if (random.nextDouble() < 0.15) {
          option.startWindow(firstFiscalYear + 1, null);
        }
        if (alternative) {
          option.exclusionGroup("xg-" + gapId.substring(2));
        }
        if (k > 0 && random.nextDouble() < 0.4) {
          option.prerequisite(firstId, random.nextInt(2));
        } else if (!partnerOptions.isEmpty() && random.nextDouble() < 0.05) {
          option.prerequisite(partnerOptions.get(random.nextInt(partnerOptions.size())).id(), 0);
        }
        SolutionOption built = option.build();
        if (k == 0) {
          firstId = optionId;
        }
        options.add(built);
        partnerOptions.add(built);
        optionUsable.put(
            optionId,
            usableGap
                && coverage < 1
                && built.providingRisk() <= Policy.defaults().maximumProvidingRisk());
      }
    }

    private long cost(Kind kind, double costScale) {
      double thousands =
          Math.exp(
              random.nextDouble(Math.log(kind.minimumThousands), Math.log(kind.maximumThousands)));
      long dollars = roundCost(thousands * 1_000 * costScale);
      return kind == Kind.CONSTRUCTION ? Math.min(dollars, SMALL_CONSTRUCTION_CAP) : dollars;
    }

    /** Spreads {@code total} over {@code years} FYs, front- or back-loaded, in $10,000 steps. */
    private long[] phase(long total, int years) {
      double[] shares =
          switch (years) {
            case 1 -> new double[] {1.0};
            case 2 -> random.nextBoolean() ? new double[] {0.6, 0.4} : new double[] {0.4, 0.6};
            default ->
                random.nextBoolean()
                    ? new double[] {0.3, 0.45, 0.25}
                    : new double[] {0.5, 0.3, 0.2};
          };
      long[] profile = new long[years];
      long left = total;
      for (int i = 0; i < years - 1; i++) {
        profile[i] = Math.max(COST_ROUNDING, roundCost(total * shares[i]));
        left -= profile[i];
      }
      profile[years - 1] = Math.max(COST_ROUNDING, left);
      return profile;
    }

    private CombatantCommand command() {
      CombatantCommand[] commands = CombatantCommand.values();
      double[] weights = new double[commands.length];
      for (int i = 0; i < commands.length; i++) {
        weights[i] = AOR_COUNTRIES.get(commands[i]);
      }
      return commands[pick(weights)];
    }

    // ------------------------------------------------------------ programs

    /** A program before its appropriations are sized. */
    private record ProgramDraft(
        String id,
        String name,
        ProgramKind kind,
        Set<CombatantCommand> commands,
        List<String> partnerIds) {

      Program toProgram(List<Appropriation> appropriations) {
        return new Program(
            id,
            name,
            kind.authority(),
            kind.title(),
            kind.rule(),
            kind.maxSpanYears(),
            new ProgramEligibility(
                kind.activityTypes(), kind.domains(), commands, partnerIds, List.of()),
            kind.vetting(),
            kind.planningLeadTimeYears(),
            kind.perPartnerAnnualCap(),
            appropriations);
      }

      boolean admits(SolutionOption option, Partner partner) {
        return (kind.activityTypes().isEmpty()
                || kind.activityTypes().contains(option.activityType()))
            && (kind.domains().isEmpty() || kind.domains().contains(option.domain()))
            && (commands.isEmpty() || commands.contains(partner.combatantCommand()))
            && (partnerIds.isEmpty() || partnerIds.contains(partner.id()))
            && kind.vetting().admits(partner.vettingStatus())
            && (kind.maxSpanYears() == null || option.durationYears() <= kind.maxSpanYears());
      }
    }

    private void draftPrograms() {
      Map<String, ProgramKind> bySlug = new LinkedHashMap<>();
      CATALOGUE.forEach(k -> bySlug.put(k.slug(), k));
      for (ProgramKind kind : CATALOGUE) {
        List<String> partnerIds = kind.partnerList() ? peacekeepingPartners() : List.of();
        programs.add(
            new ProgramDraft(
                "prog-" + kind.slug(), kind.name(), kind, kind.commands(), partnerIds));
      }
      List<CombatantCommand> commands = new ArrayList<>();
      for (CombatantCommand command : CombatantCommand.values()) {
        if (partners.stream().anyMatch(p -> p.combatantCommand() == command)) {
          commands.add(command);
        }
      }
      for (ProgramKind kind : CATALOGUE) {
        for (CombatantCommand command : commands) {
          if (programs.size() >= config.programs()) {
            return;
          }
          if (kind.partnerList()
              || (!kind.commands().isEmpty() && !kind.commands().contains(command))) {
            continue;
          }
          String suffix = command.name().toLowerCase(Locale.ROOT);
          programs.add(
              new ProgramDraft(
                  "prog-" + kind.slug() + "-" + suffix,
                  kind.name() + ", " + command + " regional line",
                  kind,
                  EnumSet.of(command),
                  List.of()));
        }
      }
      List<Partner> byTier = new ArrayList<>(partners);
      byTier.sort((a, b) -> Integer.compare(a.priorityTier(), b.priorityTier()));
      for (int e = 0; programs.size() < config.programs(); e++) {
        ProgramKind kind = bySlug.get(EARMARK_KINDS.get(e % EARMARK_KINDS.size()));
        List<String> earmarked = new ArrayList<>();
        int size = 1 + random.nextInt(3);
        for (int k = 0; k < size; k++) {
          String id = byTier.get((e + k * 7) % byTier.size()).id();
          if (!earmarked.contains(id)) {
            earmarked.add(id);
          }
        }
        programs.add(
            new ProgramDraft(
                String.format(Locale.ROOT, "prog-earmark-%03d-%s", e + 1, kind.slug()),
                kind.name() + ", country earmark " + (e + 1),
                kind,
                EnumSet.noneOf(CombatantCommand.class),
                earmarked));
      }
    }

    private List<String> peacekeepingPartners() {
      List<String> ids = new ArrayList<>();
      for (Partner partner : partners) {
        if (partner.vettingStatus() == VettingStatus.CLEAR
            && partner.desire("peacekeeping") >= 0.5) {
          ids.add(partner.id());
        }
      }
      if (ids.isEmpty()) {
        ids.add(partners.get(0).id());
      }
      return ids;
    }

    /**
     * Per program, the dollars of demand it could fund: each usable option's total cost shared
     * evenly among the programs that admit it.
     */
    private double[] demandByProgram() {
      double[] demand = new double[programs.size()];
      List<List<Long>> obligations = new ArrayList<>();
      programs.forEach(p -> obligations.add(new ArrayList<>()));
      List<Integer> admitting = new ArrayList<>();
      for (SolutionOption option : options) {
        Partner partner = partnerOfOption.get(option.id());
        if (!optionUsable.get(option.id())) {
          continue;
        }
        admitting.clear();
        for (int p = 0; p < programs.size(); p++) {
          if (programs.get(p).admits(option, partner)) {
            admitting.add(p);
          }
        }
        for (int p : admitting) {
          demand[p] += (double) option.totalCost() / admitting.size();
          obligations.get(p).add(largestObligation(option, programs.get(p).kind().rule()));
        }
      }
      for (int p = 0; p < programs.size(); p++) {
        List<Long> sizes = obligations.get(p);
        sizes.sort(null);
        smallestYearAmount[p] = sizes.isEmpty() ? 0 : sizes.get(sizes.size() / 2);
      }
      return demand;
    }

    /** The largest amount the option obligates in one FY under {@code rule}, in dollars. */
    private static long largestObligation(SolutionOption option, ObligationRule rule) {
      if (rule == ObligationRule.FULL_AT_START) {
        return option.totalCost();
      }
      long largest = 0;
      for (long cost : option.costProfile()) {
        largest = Math.max(largest, cost);
      }
      return largest;
    }

    /** Appropriations of a program: tightness × its demand, split over its years. */
    private List<Appropriation> appropriations(
        ProgramDraft draft, double demand, long smallestAmount) {
      ProgramKind kind = draft.kind();
      int firstYear = firstFiscalYear + kind.planningLeadTimeYears();
      int years = lastFiscalYear - firstYear + 1;
      double total =
          demand > 0
              ? demand * config.tightness() * random.nextDouble(0.8, 1.2)
              : MONEY_ROUNDING * years;
      List<Appropriation> appropriations = new ArrayList<>();
      if (kind.carriedOverShare() > 0) {
        appropriations.add(
            new Appropriation(
                firstFiscalYear - 1,
                roundMoney(total * kind.carriedOverShare()),
                kind.yearsAvailable()));
      }
      for (int fiscalYear = firstYear; fiscalYear <= lastFiscalYear; fiscalYear++) {
        double amount = Math.max(smallestAmount, total / years * random.nextDouble(0.85, 1.15));
        if (kind.noYearShare() > 0) {
          appropriations.add(
              new Appropriation(
                  fiscalYear,
                  roundMoney(amount * (1 - kind.noYearShare())),
                  kind.yearsAvailable()));
          appropriations.add(
              new Appropriation(fiscalYear, roundMoney(amount * kind.noYearShare()), null));
        } else {
          appropriations.add(
              new Appropriation(fiscalYear, roundMoney(amount), kind.yearsAvailable()));
        }
      }
      return appropriations;
    }

    // ------------------------------------------------------------ balance rules

    private void addBalanceRules(Scenario.Builder builder) {
      builder.balanceRule(
          new BalanceRule(
              "br-materiel-share",
              "Materiel is at most 60% of obligations in every fiscal year",
              List.of("domain:MATERIEL"),
              BalanceScope.PER_FISCAL_YEAR,
              null,
              0.60,
              null,
              null));
      if (config.partners() >= 20) {
        long cap = roundMoney(0.45 * totalMoney);
        for (CombatantCommand command : CombatantCommand.values()) {
          String tag = "ccmd:" + command;
          builder.balanceRule(
              new BalanceRule(
                  "br-" + command.name().toLowerCase(Locale.ROOT) + "-cap",
                  "No combatant command receives more than 45% of all the money appropriated",
                  List.of(tag),
                  BalanceScope.HORIZON,
                  null,
                  null,
                  null,
                  cap));
        }
      }
    }

    // ------------------------------------------------------------ random helpers

    /** An index drawn with probability proportional to {@code weights}. */
    private int pick(double[] weights) {
      double total = 0;
      for (double weight : weights) {
        total += weight;
      }
      double draw = random.nextDouble() * total;
      for (int i = 0; i < weights.length - 1; i++) {
        draw -= weights[i];
        if (draw < 0) {
          return i;
        }
      }
      return weights.length - 1;
    }

    private double uniform2(double low, double high) {
      return Math.round(random.nextDouble(low, high) * 100) / 100.0;
    }
  }

  private static long roundCost(double dollars) {
    return Math.max(COST_ROUNDING, Math.round(dollars / COST_ROUNDING) * COST_ROUNDING);
  }

  private static long roundMoney(double dollars) {
    return Math.max(MONEY_ROUNDING, Math.round(dollars / MONEY_ROUNDING) * MONEY_ROUNDING);
  }

  private static String roman(int n) {
    String[] numerals = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    return n < 10 ? numerals[n] : Integer.toString(n);
  }
}
