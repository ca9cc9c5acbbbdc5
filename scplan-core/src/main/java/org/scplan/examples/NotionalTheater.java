package org.scplan.examples;

import static org.scplan.scenario.ActivityType.ADVISING;
import static org.scplan.scenario.ActivityType.ASSESSMENT;
import static org.scplan.scenario.ActivityType.CONSTRUCTION;
import static org.scplan.scenario.ActivityType.EDUCATION;
import static org.scplan.scenario.ActivityType.ENGAGEMENT;
import static org.scplan.scenario.ActivityType.EQUIPMENT;
import static org.scplan.scenario.ActivityType.EXERCISE;
import static org.scplan.scenario.ActivityType.HUMANITARIAN_ASSISTANCE;
import static org.scplan.scenario.ActivityType.INSTITUTION_BUILDING;
import static org.scplan.scenario.ActivityType.TRAINING;
import static org.scplan.scenario.CombatantCommand.AFRICOM;
import static org.scplan.scenario.CombatantCommand.CENTCOM;
import static org.scplan.scenario.CombatantCommand.EUCOM;
import static org.scplan.scenario.CombatantCommand.INDOPACOM;
import static org.scplan.scenario.CombatantCommand.SOUTHCOM;
import static org.scplan.scenario.DotmlpfDomain.DOCTRINE;
import static org.scplan.scenario.DotmlpfDomain.FACILITIES;
import static org.scplan.scenario.DotmlpfDomain.LEADERSHIP_AND_EDUCATION;
import static org.scplan.scenario.DotmlpfDomain.MATERIEL;
import static org.scplan.scenario.DotmlpfDomain.ORGANIZATION;
import static org.scplan.scenario.DotmlpfDomain.PERSONNEL;
import static org.scplan.scenario.DotmlpfDomain.POLICY;
import static org.scplan.scenario.Stakeholder.DOD;
import static org.scplan.scenario.Stakeholder.PARTNER;
import static org.scplan.scenario.Stakeholder.STATE;
import static org.scplan.scenario.VettingStatus.CLEAR;
import static org.scplan.scenario.VettingStatus.FAILED;
import static org.scplan.scenario.VettingStatus.RESTRICTED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Measure;
import org.scplan.scenario.MeasureDirection;
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
 * The embedded notional theater: the scenario {@code scplan solve} plans when it is given no file,
 * and the first plan every user sees. Sixteen invented partners in five combatant commands (the
 * DSCU planning chapter's "Bandaria" leads, its gaps following the border-security synchronization
 * matrix of the chapter's Figure 19-5), seventy capability gaps traced to four end states, and 258
 * solution options competing for nine programs' money over FY2027–FY2031. Money is tight on
 * purpose: the programs hold $293,000,000, under half of the $651,380,000 that every option
 * together would cost, so the plan must choose.
 *
 * <p>Units: money in whole US dollars, time in US fiscal years (FY2027 = 1 October 2026 to 30
 * September 2027), SCO staff in person-weeks per fiscal year.
 *
 * <table>
 *   <caption>Contents</caption>
 *   <tr><th>Entity</th><th>Count</th><th>Notes</th></tr>
 *   <tr><td>Horizon</td><td>5 FYs</td><td>FY2027–FY2031</td></tr>
 *   <tr><td>End states / lines of effort / objectives</td><td>4 / 8 / 16</td>
 *       <td>objective deadlines FY2029–FY2033</td></tr>
 *   <tr><td>Partners and SCOs</td><td>16 / 16</td>
 *       <td>AFRICOM: Bandaria, Kelmar, Sorvana, Duvessa; CENTCOM: Tarsova, Qadiran, Zerhat;
 *       EUCOM: Corvania, Lestmark, Vardenia; INDOPACOM: Meridia, Maruvia, Kaitara Islands;
 *       SOUTHCOM: Valdoria, Ribera, Santa Lucerna. Tiers 1–4, propensities 0.35–0.95. Duvessa
 *       fails vetting, Qadiran and Ribera are restricted. Eight SCOs have 20–24 person-weeks a
 *       year</td></tr>
 *   <tr><td>Capability gaps</td><td>70</td>
 *       <td>17 kinds, e.g. border ISR, maritime patrol, counter-drug interdiction, UN battalion
 *       readiness, defense resource management; need-by FY2027–FY2031</td></tr>
 *   <tr><td>Solution options</td><td>258</td>
 *       <td>2–5 per gap; 24 exclusion groups of alternatives (e.g. UAS or surveillance towers,
 *       patrol boats or a refit, interceptor boats or a detection radar); 106 prerequisites
 *       (KLE before training, train before equip, assessment before construction)</td></tr>
 *   <tr><td>Programs</td><td>9</td><td>see below</td></tr>
 *   <tr><td>Balance rules</td><td>3</td>
 *       <td>institution building (DIB and PME) ≥ 10 % of obligations over the horizon; materiel
 *       ≤ 60 % of obligations in every FY; maritime security ≥ $40,000,000 over the
 *       horizon</td></tr>
 *   <tr><td>Measures</td><td>4 MOEs / 5 MOPs</td>
 *       <td>MOEs on the maritime domain awareness, border surveillance, counter-drug
 *       interdiction and peacekeeping objectives; MOPs on five options the example plan funds
 *       from FY2027 or FY2028, which {@code examples/notional-theater-execution.json}
 *       observes</td></tr>
 *   <tr><td>Locked decisions</td><td>2</td>
 *       <td>Bandaria border KLE (engagement fund, FY2027, obligated); Tarsova resource management
 *       advisors (10 U.S.C. 332, FY2027, deployed)</td></tr>
 * </table>
 *
 * <p>Programs, modelled on the public facts in {@code data/sc-programs/sc_program_facts.csv}:
 *
 * <table>
 *   <caption>Programs</caption>
 *   <tr><th>Id</th><th>Authority</th><th>Obligation</th><th>Money</th><th>Total</th>
 *       <th>Vetting</th><th>Notes</th></tr>
 *   <tr><td>prog-333</td><td>10 U.S.C. 333</td><td>full at start, span 3 FYs</td>
 *       <td>1-year, FY2028–FY2031</td><td>$92,000,000</td><td>standard</td>
 *       <td>a year's funds pay for programs that begin in that FY and end by the second FY after
 *       it; planning lead time 1 FY (proposals are notified to Congress up to a year ahead, DSCA
 *       policy 19-22), so FY2027 Section 333 money was committed last cycle and is not in this
 *       plan; construction options stay under the $2,000,000 small-construction cap</td></tr>
 *   <tr><td>prog-332</td><td>10 U.S.C. 332</td><td>incremental</td><td>1-year</td>
 *       <td>$22,200,000</td><td>standard</td>
 *       <td>advisors and education for defense ministries</td></tr>
 *   <tr><td>prog-284</td><td>10 U.S.C. 284</td><td>incremental</td><td>1-year</td>
 *       <td>$55,000,000</td><td>standard</td>
 *       <td>counter-drug support for SOUTHCOM and INDOPACOM partners only; more money than
 *       every option it may fund would cost, so some of it lapses</td></tr>
 *   <tr><td>prog-ohdaca</td><td>10 U.S.C. 2561 (OHDACA)</td><td>incremental</td>
 *       <td>2-year, plus an unobligated FY2026 balance</td><td>$15,750,000</td><td>none</td>
 *       <td>humanitarian assistance, construction and assessments</td></tr>
 *   <tr><td>prog-imet</td><td>FAA sec. 541 (IMET)</td><td>incremental</td>
 *       <td>1-year, plus a no-year slice each FY</td><td>$9,250,000</td><td>standard</td>
 *       <td>as in the FY2010 act ("of which up to $4,000,000 may remain available until
 *       expended"); Corvania is barred, its income being above the grant-IMET threshold</td></tr>
 *   <tr><td>prog-fmf</td><td>AECA sec. 23 (FMF)</td><td>full at start, span 3 FYs</td>
 *       <td>2-year</td><td>$65,000,000</td><td>standard</td>
 *       <td>obligated in full when a case is signed; at most $12,000,000 per partner and FY;
 *       planning lead time 1 FY (congressional justification)</td></tr>
 *   <tr><td>prog-pko-gpoi</td><td>FAA ch. 6 (PKO/GPOI)</td><td>incremental</td><td>2-year</td>
 *       <td>$15,000,000</td><td>strict</td>
 *       <td>peacekeeping training and equipment for fully vetted units of GPOI partner
 *       countries (Kelmar, Tarsova, Qadiran, Corvania, Vardenia)</td></tr>
 *   <tr><td>prog-nadr-ata</td><td>FAA ch. 8 (NADR anti-terrorism assistance)</td>
 *       <td>incremental</td><td>2-year</td><td>$9,800,000</td><td>standard</td>
 *       <td>counter-terrorism training and equipment; planning lead time 1 FY</td></tr>
 *   <tr><td>prog-ccmd-engagement</td><td>10 U.S.C. 321 and CCMD O&amp;M</td>
 *       <td>incremental</td><td>1-year</td><td>$9,000,000</td><td>none</td>
 *       <td>key leader engagements, exercises and assessments (a notional composite of the
 *       combatant commands' engagement money)</td></tr>
 * </table>
 *
 * <p>What the scenario exercises: every policy exclusion (Tarsova has no will for peacekeeping and
 * Lestmark none for humanitarian work, below the minimum desire 0.2; two gaps score a risk of 2,
 * below the minimum 3; abuse-prone counter-terrorism aid to Qadiran reaches providing risk 5);
 * ineligibility by vetting (Duvessa, and the restricted partners for GPOI), combatant command
 * (Section 284 outside SOUTHCOM and INDOPACOM), activity type and domain (assessments that name no
 * program), partner list (GPOI) and prohibition (IMET for Corvania); a gap fully covered by another
 * donor; providing-risk penalties; binding absorptive capacities, sustainment budgets, per-partner
 * FMF caps and SCO staff; complements whose closures add beyond a whole gap; and money of every
 * period of availability, some of which lapses in the last FYs. The policy is {@link
 * Policy#defaults()}.
 *
 * <p>The scenario is written out by hand, with no randomness: every call builds an equal value.
 */
public final class NotionalTheater {

  private static final int FIRST_FY = 2027;
  private static final int LAST_FY = 2031;

  private static final String P333 = "prog-333";
  private static final String P332 = "prog-332";
  private static final String P284 = "prog-284";
  private static final String OHDACA = "prog-ohdaca";
  private static final String IMET = "prog-imet";
  private static final String FMF = "prog-fmf";
  private static final String GPOI = "prog-pko-gpoi";
  private static final String NADR = "prog-nadr-ata";
  private static final String CCMD = "prog-ccmd-engagement";

  /** The TRAINING domain, named apart from the TRAINING activity type it would shadow. */
  private static final DotmlpfDomain TRAIN = DotmlpfDomain.TRAINING;

  private NotionalTheater() {}

  /**
   * The notional theater scenario over FY2027–FY2031. Each call builds a new instance equal by
   * value to every other, in every JVM.
   *
   * @return the scenario: money in dollars, time in fiscal years, SCO staff in person-weeks
   */
  public static Scenario scenario() {
    Scenario.Builder builder =
        Scenario.builder("notional-theater", new PlanningHorizon(FIRST_FY, LAST_FY))
            .name("Notional theater, FY2027–FY2031")
            .policy(Policy.defaults());
    addStrategy(builder);
    programs().forEach(builder::program);
    Map<String, List<Measure>> measuresOfPerformance = measuresOfPerformance();
    Map<String, PartnerSpec> partners = new TreeMap<>();
    for (PartnerSpec partner : partners()) {
      partners.put(partner.slug, partner);
      builder.securityCooperationOffice(
          new SecurityCooperationOffice(
              "sco-" + partner.slug, partner.scoName, partner.scoPersonWeeksPerYear));
      builder.partner(partner.toPartner());
    }
    Map<String, String> loeByObjective = new TreeMap<>();
    for (Objective objective : objectives()) {
      loeByObjective.put(objective.id(), objective.lineOfEffortId());
    }
    for (GapRow row : gapRows(new GapKinds())) {
      PartnerSpec partner = partners.get(row.partnerSlug());
      builder.gap(row.toGap(partner));
      String loe = loeByObjective.get(row.kind().objectiveId());
      String loeTag = "loe:" + loe.substring("loe-".length());
      for (Opt template : row.kind().options()) {
        SolutionOption option = row.toOption(partner, template, loeTag);
        List<Measure> measures = measuresOfPerformance.remove(option.id());
        builder.option(
            measures == null ? option : option.toBuilder().measuresOfPerformance(measures).build());
      }
    }
    if (!measuresOfPerformance.isEmpty()) {
      throw new IllegalStateException(
          "measures of performance for unknown options: " + measuresOfPerformance.keySet());
    }
    addBalanceRules(builder);
    builder.lockedDecision(
        new LockedDecision(
            "o-bandaria-border-isr-kle",
            CCMD,
            2027,
            "Obligated FY2027: the border command KLE was held in October 2026"));
    builder.lockedDecision(
        new LockedDecision(
            "o-tarsova-dib-resource-advisor",
            P332,
            2027,
            "Committed FY2027: the advisor team deployed to the Tarsovan defense ministry"));
    return builder.build();
  }

  // ---------------------------------------------------------------- strategy

  private static void addStrategy(Scenario.Builder builder) {
    builder
        .endState(
            new EndState(
                "es-veo",
                "Violent extremist organizations cannot threaten partners or US interests from"
                    + " partner territory",
                1.2))
        .endState(new EndState("es-sovereignty", "Partners control their borders and waters", 1.0))
        .endState(
            new EndState(
                "es-institutions",
                "Partner defense institutions are accountable and sustain their forces",
                0.9))
        .endState(
            new EndState(
                "es-stability",
                "Partners contribute to regional stability and crisis response",
                0.8));
    builder
        .lineOfEffort(new LineOfEffort("loe-counter-veo", "Counter-VEO", "es-veo", 1.2))
        .lineOfEffort(new LineOfEffort("loe-border", "Border security", "es-sovereignty", 1.0))
        .lineOfEffort(new LineOfEffort("loe-maritime", "Maritime security", "es-sovereignty", 1.1))
        .lineOfEffort(
            new LineOfEffort(
                "loe-counter-narcotics",
                "Counter-narcotics and transnational crime",
                "es-sovereignty",
                0.9))
        .lineOfEffort(
            new LineOfEffort("loe-dib", "Defense institution building", "es-institutions", 1.0))
        .lineOfEffort(
            new LineOfEffort(
                "loe-pme",
                "Professional military education and rule of law",
                "es-institutions",
                0.9))
        .lineOfEffort(
            new LineOfEffort("loe-peacekeeping", "Peacekeeping contribution", "es-stability", 0.9))
        .lineOfEffort(
            new LineOfEffort(
                "loe-hadr", "Humanitarian assistance and disaster response", "es-stability", 0.8));
    Map<String, List<Measure>> measures = new TreeMap<>(measuresOfEffectiveness());
    for (Objective objective : objectives()) {
      List<Measure> own = measures.remove(objective.id());
      builder.objective(own == null ? objective : objective.withMeasuresOfEffectiveness(own));
    }
    if (!measures.isEmpty()) {
      throw new IllegalStateException(
          "measures of effectiveness for unknown objectives: " + measures.keySet());
    }
  }

  /** MOEs by objective id: what the initial assessment found and what the objective aims for. */
  private static Map<String, List<Measure>> measuresOfEffectiveness() {
    return Map.of(
        "imo-maritime-domain-awareness",
        List.of(
            new Measure(
                "moe-mda-coverage",
                "Coastal waters under a shared recognised maritime picture",
                "% of territorial sea",
                20,
                70,
                2030,
                MeasureDirection.HIGHER_IS_BETTER)),
        "imo-border-surveillance",
        List.of(
            new Measure(
                "moe-border-detection-days",
                "Days from an illicit crossing to its detection report",
                "days",
                10,
                2,
                2030,
                MeasureDirection.LOWER_IS_BETTER)),
        "imo-cn-interdiction",
        List.of(
            new Measure(
                "moe-cn-interdicted-share",
                "Maritime drug shipments interdicted",
                "% of estimated flow",
                5,
                25,
                2032,
                MeasureDirection.HIGHER_IS_BETTER)),
        "imo-pko-battalion-deploy",
        List.of(
            new Measure(
                "moe-pko-certified-battalions",
                "Battalions certified ready for UN deployment",
                "battalions",
                0,
                3,
                2031,
                MeasureDirection.HIGHER_IS_BETTER)));
  }

  /** MOPs by option id: what each activity should deliver and by when. */
  private static Map<String, List<Measure>> measuresOfPerformance() {
    Map<String, List<Measure>> measures = new TreeMap<>();
    measures.put(
        "o-meridia-cn-interdiction-training",
        List.of(
            new Measure(
                "mop-meridia-boarding-crews",
                "Boarding crews certified",
                "crews",
                0,
                12,
                2028,
                MeasureDirection.HIGHER_IS_BETTER)));
    measures.put(
        "o-ribera-cn-interdiction-detection-radar",
        List.of(
            new Measure(
                "mop-ribera-radar-availability",
                "Detection radar operational availability",
                "% of hours",
                0,
                90,
                2028,
                MeasureDirection.HIGHER_IS_BETTER)));
    measures.put(
        "o-kelmar-pko-battalion-train-the-trainer",
        List.of(
            new Measure(
                "mop-kelmar-instructors",
                "Kelmari peacekeeping instructors certified",
                "instructors",
                0,
                24,
                2029,
                MeasureDirection.HIGHER_IS_BETTER)));
    measures.put(
        "o-meridia-maritime-mda-watch-course",
        List.of(
            new Measure(
                "mop-meridia-watch-officers",
                "Maritime operations centre watch officers qualified",
                "officers",
                0,
                30,
                2029,
                MeasureDirection.HIGHER_IS_BETTER)));
    measures.put(
        "o-bandaria-border-isr-towers",
        List.of(
            new Measure(
                "mop-bandaria-tower-coverage",
                "Priority border sector under tower surveillance",
                "km",
                0,
                120,
                2030,
                MeasureDirection.HIGHER_IS_BETTER)));
    return measures;
  }

  private static List<Objective> objectives() {
    return List.of(
        new Objective(
            "imo-veo-network-interdiction",
            "Partner forces fuse intelligence to interdict violent extremist networks by FY2031",
            "loe-counter-veo",
            2031,
            1.2),
        new Objective(
            "imo-veo-ct-units",
            "Partner counter-terrorism units conduct intelligence-driven raids on their own by"
                + " FY2032",
            "loe-counter-veo",
            2032,
            1.0),
        new Objective(
            "imo-border-surveillance",
            "Partners detect illicit crossings in priority border sectors by FY2030",
            "loe-border",
            2030,
            1.1),
        new Objective(
            "imo-border-posts",
            "Partners hold permanent posts along priority border sectors by FY2032",
            "loe-border",
            2032,
            0.9),
        new Objective(
            "imo-maritime-domain-awareness",
            "Partners share a recognised maritime picture of their coastal waters by FY2030",
            "loe-maritime",
            2030,
            1.1),
        new Objective(
            "imo-maritime-interdiction",
            "Partner navies patrol and board vessels throughout their EEZ by FY2032",
            "loe-maritime",
            2032,
            1.0),
        new Objective(
            "imo-cn-interdiction",
            "Partners interdict maritime and air drug trafficking by FY2032",
            "loe-counter-narcotics",
            2032,
            1.0),
        new Objective(
            "imo-cn-riverine",
            "Partners sustain riverine interdiction from forward bases by FY2033",
            "loe-counter-narcotics",
            2033,
            0.8),
        new Objective(
            "imo-dib-resource-management",
            "Defense ministries program and execute multi-year budgets by FY2031",
            "loe-dib",
            2031,
            1.0),
        new Objective(
            "imo-dib-logistics",
            "Partners sustain delivered equipment with their own logistics systems by FY2033",
            "loe-dib",
            2033,
            0.9),
        new Objective(
            "imo-pme-nco-corps",
            "Partners educate their own non-commissioned officers by FY2032",
            "loe-pme",
            2032,
            0.8),
        new Objective(
            "imo-pme-rule-of-law",
            "Partner militaries investigate and discipline abuses by FY2030",
            "loe-pme",
            2030,
            1.0),
        new Objective(
            "imo-pko-battalion-deploy",
            "Partners deploy UN-certified infantry battalions by FY2030",
            "loe-peacekeeping",
            2030,
            1.0),
        new Objective(
            "imo-pko-enablers",
            "Partner contingents deploy with their own medical and engineer enablers by FY2032",
            "loe-peacekeeping",
            2032,
            0.8),
        new Objective(
            "imo-hadr-disaster-response",
            "Partner militaries respond to floods and cyclones within 72 hours by FY2029",
            "loe-hadr",
            2029,
            1.0),
        new Objective(
            "imo-hadr-medical",
            "Partner military medicine supports mass-casualty response by FY2032",
            "loe-hadr",
            2032,
            0.8));
  }

  // ---------------------------------------------------------------- programs

  private static List<Program> programs() {
    return List.of(
        new Program(
            P333,
            "Build Partner Capacity (Section 333)",
            "10 U.S.C. 333",
            FundingTitle.TITLE_10,
            ObligationRule.FULL_AT_START,
            3,
            eligibility(
                Set.of(ASSESSMENT, TRAINING, EQUIPMENT, CONSTRUCTION),
                Set.of(ORGANIZATION, DotmlpfDomain.TRAINING, MATERIEL, FACILITIES),
                Set.of()),
            VettingRequirement.STANDARD,
            1,
            null,
            // O&M, Defense-wide is 1-year money; FY2027 funds were notified for last cycle's
            // programs, so the plan's Section 333 money starts in FY2028.
            List.of(
                oneYear(2028, 29_000_000),
                oneYear(2029, 27_000_000),
                oneYear(2030, 22_000_000),
                oneYear(2031, 14_000_000))),
        new Program(
            P332,
            "Defense Institution Building (Section 332)",
            "10 U.S.C. 332",
            FundingTitle.TITLE_10,
            ObligationRule.INCREMENTAL,
            null,
            eligibility(
                Set.of(ADVISING, INSTITUTION_BUILDING, EDUCATION),
                Set.of(DOCTRINE, ORGANIZATION, LEADERSHIP_AND_EDUCATION, PERSONNEL, POLICY),
                Set.of()),
            VettingRequirement.STANDARD,
            0,
            null,
            List.of(
                oneYear(2027, 4_400_000),
                oneYear(2028, 4_600_000),
                oneYear(2029, 4_600_000),
                oneYear(2030, 4_400_000),
                oneYear(2031, 4_200_000))),
        new Program(
            P284,
            "Counter-drug and counter-transnational organized crime support (Section 284)",
            "10 U.S.C. 284",
            FundingTitle.TITLE_10,
            ObligationRule.INCREMENTAL,
            null,
            eligibility(
                Set.of(ASSESSMENT, TRAINING, EQUIPMENT, CONSTRUCTION),
                Set.of(),
                Set.of(SOUTHCOM, INDOPACOM)),
            VettingRequirement.STANDARD,
            0,
            null,
            // Over-funded on purpose: few options may use it, so part of it lapses every year.
            List.of(
                oneYear(2027, 11_000_000),
                oneYear(2028, 11_000_000),
                oneYear(2029, 11_000_000),
                oneYear(2030, 11_000_000),
                oneYear(2031, 11_000_000))),
        new Program(
            OHDACA,
            "Overseas Humanitarian, Disaster, and Civic Aid",
            "10 U.S.C. 2561 (OHDACA)",
            FundingTitle.TITLE_10,
            ObligationRule.INCREMENTAL,
            null,
            eligibility(
                Set.of(HUMANITARIAN_ASSISTANCE, CONSTRUCTION, ASSESSMENT), Set.of(), Set.of()),
            VettingRequirement.NONE,
            0,
            null,
            List.of(
                // Unobligated FY2026 two-year balance: usable in FY2027 only, then it lapses.
                twoYear(2026, 1_150_000),
                twoYear(2027, 3_000_000),
                twoYear(2028, 3_000_000),
                twoYear(2029, 3_000_000),
                twoYear(2030, 2_800_000),
                twoYear(2031, 2_800_000))),
        new Program(
            IMET,
            "International Military Education and Training",
            "Foreign Assistance Act sec. 541",
            FundingTitle.TITLE_22,
            ObligationRule.INCREMENTAL,
            null,
            new ProgramEligibility(
                Set.of(EDUCATION, TRAINING),
                Set.of(LEADERSHIP_AND_EDUCATION, DotmlpfDomain.TRAINING),
                Set.of(),
                List.of(),
                // Corvania's per-capita income is above the grant-IMET threshold.
                List.of("p-corvania")),
            VettingRequirement.STANDARD,
            0,
            null,
            List.of(
                oneYear(2027, 1_700_000),
                noYear(2027, 150_000),
                oneYear(2028, 1_700_000),
                noYear(2028, 150_000),
                oneYear(2029, 1_700_000),
                noYear(2029, 150_000),
                oneYear(2030, 1_700_000),
                noYear(2030, 150_000),
                oneYear(2031, 1_700_000),
                noYear(2031, 150_000))),
        new Program(
            FMF,
            "Foreign Military Financing",
            "Arms Export Control Act sec. 23",
            FundingTitle.TITLE_22,
            ObligationRule.FULL_AT_START,
            3,
            eligibility(
                Set.of(EQUIPMENT, TRAINING), Set.of(MATERIEL, DotmlpfDomain.TRAINING), Set.of()),
            VettingRequirement.STANDARD,
            1,
            12_000_000L,
            List.of(
                twoYear(2027, 11_000_000),
                twoYear(2028, 16_000_000),
                twoYear(2029, 14_000_000),
                twoYear(2030, 13_000_000),
                twoYear(2031, 11_000_000))),
        new Program(
            GPOI,
            "Peacekeeping Operations (Global Peace Operations Initiative)",
            "Foreign Assistance Act ch. 6 (PKO)",
            FundingTitle.TITLE_22,
            ObligationRule.INCREMENTAL,
            null,
            new ProgramEligibility(
                Set.of(TRAINING, EQUIPMENT),
                Set.of(DotmlpfDomain.TRAINING, MATERIEL),
                Set.of(),
                // GPOI serves its partner countries only; Lestmark is not one.
                List.of("p-kelmar", "p-tarsova", "p-qadiran", "p-corvania", "p-vardenia"),
                List.of()),
            VettingRequirement.STRICT,
            0,
            null,
            List.of(
                twoYear(2027, 3_000_000),
                twoYear(2028, 3_000_000),
                twoYear(2029, 3_000_000),
                twoYear(2030, 3_000_000),
                twoYear(2031, 3_000_000))),
        new Program(
            NADR,
            "Nonproliferation, Anti-terrorism, Demining and Related Programs (Anti-terrorism"
                + " Assistance)",
            "Foreign Assistance Act ch. 8",
            FundingTitle.TITLE_22,
            ObligationRule.INCREMENTAL,
            null,
            eligibility(
                Set.of(TRAINING, EQUIPMENT), Set.of(DotmlpfDomain.TRAINING, MATERIEL), Set.of()),
            VettingRequirement.STANDARD,
            1,
            null,
            List.of(
                twoYear(2027, 1_800_000),
                twoYear(2028, 2_000_000),
                twoYear(2029, 2_000_000),
                twoYear(2030, 2_000_000),
                twoYear(2031, 2_000_000))),
        new Program(
            CCMD,
            "Combatant command engagement and exercise fund",
            "10 U.S.C. 321 and combatant command O&M",
            FundingTitle.TITLE_10,
            ObligationRule.INCREMENTAL,
            null,
            eligibility(Set.of(ENGAGEMENT, EXERCISE, ASSESSMENT), Set.of(), Set.of()),
            VettingRequirement.NONE,
            0,
            null,
            List.of(
                oneYear(2027, 1_800_000),
                oneYear(2028, 1_800_000),
                oneYear(2029, 1_800_000),
                oneYear(2030, 1_800_000),
                oneYear(2031, 1_800_000))));
  }

  private static ProgramEligibility eligibility(
      Set<ActivityType> activityTypes,
      Set<DotmlpfDomain> domains,
      Set<CombatantCommand> combatantCommands) {
    return new ProgramEligibility(activityTypes, domains, combatantCommands, List.of(), List.of());
  }

  private static Appropriation oneYear(int fiscalYear, long dollars) {
    return new Appropriation(fiscalYear, dollars, 1);
  }

  private static Appropriation twoYear(int fiscalYear, long dollars) {
    return new Appropriation(fiscalYear, dollars, 2);
  }

  private static Appropriation noYear(int fiscalYear, long dollars) {
    return new Appropriation(fiscalYear, dollars, null);
  }

  // ---------------------------------------------------------------- balance rules

  private static void addBalanceRules(Scenario.Builder builder) {
    builder.balanceRule(
        new BalanceRule(
            "br-institution-building-share",
            "Institution building (defense institution building and professional military"
                + " education) receives at least 10% of obligations over the horizon, so partners"
                + " can absorb and sustain what they are given",
            List.of("loe:dib", "loe:pme"),
            BalanceScope.HORIZON,
            0.10,
            null,
            null,
            null));
    builder.balanceRule(
        new BalanceRule(
            "br-materiel-share",
            "Materiel is at most 60% of obligations in every fiscal year: equipment without"
                + " training and institutions is not capability",
            List.of("domain:MATERIEL"),
            BalanceScope.PER_FISCAL_YEAR,
            null,
            0.60,
            null,
            null));
    builder.balanceRule(
        new BalanceRule(
            "br-maritime-floor",
            "Maritime security, the theater campaign plan's main effort, receives at least"
                + " $40,000,000 over the horizon",
            List.of("loe:maritime"),
            BalanceScope.HORIZON,
            null,
            null,
            40_000_000L,
            null));
  }

  // ---------------------------------------------------------------- partners and gaps

  private static List<PartnerSpec> partners() {
    return List.of(
        partner("bandaria", "Bandaria", AFRICOM, 1, 0.80, CLEAR)
            .absorptiveCapacity(18_000_000L)
            .sustainmentBudget(1_800_000L)
            .sco("Office of Security Cooperation, US Embassy Bandaria", 60)
            .costScale(1.0)
            .desire("border-security", 0.9)
            .desire("counter-terrorism", 0.75)
            .desire("defense-governance", 0.6)
            .desire("peacekeeping", 0.4),
        partner("kelmar", "Kelmar", AFRICOM, 2, 0.70, CLEAR)
            .absorptiveCapacity(12_000_000L)
            .sustainmentBudget(2_000_000L)
            .sco("Office of Security Cooperation, US Embassy Kelmar", 36)
            .costScale(0.9)
            .desire("peacekeeping", 0.9)
            .desire("humanitarian-response", 0.7)
            .desire("defense-governance", 0.55)
            .desire("border-security", 0.45),
        partner("sorvana", "Sorvana", AFRICOM, 3, 0.55, CLEAR)
            .absorptiveCapacity(6_000_000L)
            .sustainmentBudget(900_000L)
            .sco("Office of Security Cooperation, US Embassy Sorvana", 20)
            .costScale(0.8)
            .desire("maritime-security", 0.8)
            .desire("defense-governance", 0.4)
            .desire("humanitarian-response", 0.6),
        partner("duvessa", "Duvessa", AFRICOM, 4, 0.35, FAILED)
            .absorptiveCapacity(5_000_000L)
            .sustainmentBudget(600_000L)
            .sco("Security Cooperation Office, US Embassy Duvessa", 20)
            .costScale(0.7)
            .desire("counter-terrorism", 0.6)
            .desire("humanitarian-response", 0.8)
            .desire("defense-governance", 0.3),
        partner("tarsova", "Tarsova", CENTCOM, 1, 0.75, CLEAR)
            .absorptiveCapacity(24_000_000L)
            .sustainmentBudget(2_500_000L)
            .sco("Office of Military Cooperation, US Embassy Tarsova", 60)
            .costScale(1.2)
            .desire("border-security", 0.85)
            .desire("counter-terrorism", 0.9)
            .desire("defense-governance", 0.7)
            .desire("peacekeeping", 0.15),
        partner("qadiran", "Qadiran", CENTCOM, 2, 0.50, RESTRICTED)
            .absorptiveCapacity(10_000_000L)
            .sustainmentBudget(1_500_000L)
            .sco("Office of Military Cooperation, US Embassy Qadiran", 36)
            .costScale(1.0)
            .desire("counter-terrorism", 0.85)
            .desire("border-security", 0.6)
            .desire("peacekeeping", 0.5)
            .desire("defense-governance", 0.35),
        partner("zerhat", "Zerhat", CENTCOM, 3, 0.60, CLEAR)
            .absorptiveCapacity(8_000_000L)
            .sustainmentBudget(1_200_000L)
            .sco("Office of Security Cooperation, US Embassy Zerhat", 24)
            .costScale(0.8)
            .desire("counter-narcotics", 0.7)
            .desire("border-security", 0.65)
            .desire("humanitarian-response", 0.5)
            .desire("defense-governance", 0.45),
        partner("corvania", "Corvania", EUCOM, 2, 0.95, CLEAR)
            .absorptiveCapacity(18_000_000L)
            .sustainmentBudget(4_000_000L)
            .sco("Office of Defense Cooperation, US Embassy Corvania", 48)
            .costScale(1.1)
            .desire("maritime-security", 0.9)
            .desire("defense-governance", 0.8)
            .desire("peacekeeping", 0.75),
        partner("lestmark", "Lestmark", EUCOM, 3, 0.85, CLEAR)
            .absorptiveCapacity(6_000_000L)
            .sustainmentBudget(1_200_000L)
            .sco("Office of Defense Cooperation, US Embassy Lestmark", 24)
            .costScale(0.8)
            .desire("border-security", 0.8)
            .desire("peacekeeping", 0.6)
            .desire("defense-governance", 0.7)
            .desire("humanitarian-response", 0.1),
        partner("vardenia", "Vardenia", EUCOM, 4, 0.65, CLEAR)
            .absorptiveCapacity(4_000_000L)
            .sustainmentBudget(500_000L)
            .sco("Office of Defense Cooperation, US Embassy Vardenia", 20)
            .costScale(0.6)
            .desire("defense-governance", 0.6)
            .desire("peacekeeping", 0.7),
        partner("meridia", "Meridia", INDOPACOM, 1, 0.85, CLEAR)
            .absorptiveCapacity(28_000_000L)
            .sustainmentBudget(3_000_000L)
            .sco("Joint US Military Advisory Group, Meridia", 80)
            .costScale(1.3)
            .desire("maritime-security", 0.95)
            .desire("humanitarian-response", 0.85)
            .desire("counter-narcotics", 0.5)
            .desire("defense-governance", 0.65),
        partner("maruvia", "Maruvia", INDOPACOM, 2, 0.60, CLEAR)
            .absorptiveCapacity(14_000_000L)
            .sustainmentBudget(1_800_000L)
            .sco("Office of Defense Cooperation, US Embassy Maruvia", 36)
            .costScale(1.0)
            .desire("maritime-security", 0.7)
            .desire("counter-terrorism", 0.65)
            .desire("humanitarian-response", 0.75),
        partner("kaitara", "Kaitara Islands", INDOPACOM, 3, 0.70, CLEAR)
            .absorptiveCapacity(4_000_000L)
            .sustainmentBudget(600_000L)
            .sco("Security Cooperation Office, US Embassy Kaitara Islands", 20)
            .costScale(0.6)
            .desire("maritime-security", 0.85)
            .desire("humanitarian-response", 0.9),
        partner("valdoria", "Valdoria", SOUTHCOM, 2, 0.70, CLEAR)
            .absorptiveCapacity(12_000_000L)
            .sustainmentBudget(2_000_000L)
            .sco("US Military Group Valdoria", 44)
            .costScale(1.0)
            .desire("counter-narcotics", 0.85)
            .desire("maritime-security", 0.6)
            .desire("defense-governance", 0.5)
            .desire("humanitarian-response", 0.55),
        partner("ribera", "Ribera", SOUTHCOM, 3, 0.45, RESTRICTED)
            .absorptiveCapacity(6_000_000L)
            .sustainmentBudget(800_000L)
            .sco("US Military Group Ribera", 24)
            .costScale(0.8)
            .desire("counter-narcotics", 0.6)
            .desire("defense-governance", 0.3),
        partner("lucerna", "Santa Lucerna", SOUTHCOM, 4, 0.50, CLEAR)
            .absorptiveCapacity(3_000_000L)
            .sustainmentBudget(400_000L)
            .sco("Security Cooperation Office, US Embassy Santa Lucerna", 20)
            .costScale(0.5)
            .desire("humanitarian-response", 0.8)
            .desire("maritime-security", 0.5)
            .desire("counter-narcotics", 0.55));
  }

  /**
   * The gaps, partner by partner: risk (likelihood, consequence, political risk of not providing),
   * need-by FY, decay per year late, third-party coverage and sweet spot.
   */
  private static List<GapRow> gapRows(GapKinds k) {
    return List.of(
        // Bandaria: the seed's border-security matrix, plus the VEO threat that crosses it.
        gap("bandaria", k.borderIsr, risk(4, 4, 4), 2029, 0.30, 0.0, DOD, STATE, PARTNER),
        gap("bandaria", k.borderMobility, risk(4, 4, 3), 2030, 0.20, 0.0, DOD, PARTNER),
        gap("bandaria", k.borderInteragency, risk(3, 3, 4), 2028, 0.25, 0.0, DOD, STATE, PARTNER),
        gap("bandaria", k.ctRaid, risk(4, 5, 3), 2029, 0.35, 0.2, DOD),
        gap("bandaria", k.ctIntel, risk(3, 5, 3), 2029, 0.30, 0.0, DOD, STATE),
        gap("bandaria", k.dibResource, risk(3, 3, 3), 2030, 0.15, 0.3, STATE, PARTNER),
        gap("bandaria", k.dibLogistics, risk(3, 4, 2), 2031, 0.10, 0.0, DOD),
        // Kelmar: a willing peacekeeping contributor.
        gap("kelmar", k.pkoBattalion, risk(4, 4, 5), 2029, 0.40, 0.25, DOD, STATE, PARTNER),
        gap("kelmar", k.pkoEnablers, risk(3, 4, 3), 2030, 0.20, 0.0, STATE, PARTNER),
        gap("kelmar", k.hadrResponse, risk(3, 3, 2), 2028, 0.30, 0.0, PARTNER),
        gap("kelmar", k.pmeNco, risk(2, 3, 2), 2030, 0.10, 0.0, DOD),
        gap("kelmar", k.borderMobility, risk(3, 3, 3), 2030, 0.20, 0.0, DOD),
        // Sorvana: a coastal state with little money to keep new boats running.
        gap("sorvana", k.maritimePatrol, risk(4, 4, 3), 2030, 0.25, 0.0, DOD, PARTNER),
        gap("sorvana", k.maritimeMda, risk(4, 3, 3), 2029, 0.30, 0.4, DOD, STATE),
        gap("sorvana", k.dibLogistics, risk(3, 3, 2), 2031, 0.10, 0.0, DOD),
        gap("sorvana", k.hadrMedical, risk(2, 3, 3), 2029, 0.20, 0.0, STATE, PARTNER),
        // Duvessa: its units fail vetting, so only engagement and humanitarian money can help.
        gap("duvessa", k.ctRaid, risk(4, 4, 2), 2029, 0.30, 0.0, DOD),
        gap("duvessa", k.hadrResponse, risk(4, 3, 3), 2028, 0.35, 0.0, STATE, PARTNER),
        gap("duvessa", k.pmeRuleOfLaw, risk(3, 3, 4), 2029, 0.20, 0.0, STATE),
        // Tarsova: the CENTCOM priority, with no wish to send peacekeepers.
        gap("tarsova", k.borderIsr, risk(5, 4, 4), 2028, 0.35, 0.0, DOD, STATE, PARTNER),
        gap("tarsova", k.ctIntel, risk(4, 5, 4), 2029, 0.30, 0.0, DOD, STATE, PARTNER),
        gap("tarsova", k.ctRaid, risk(4, 4, 3), 2029, 0.30, 0.5, DOD, PARTNER),
        gap("tarsova", k.dibResource, risk(3, 4, 3), 2029, 0.20, 0.0, DOD, STATE),
        gap("tarsova", k.pkoEnablers, risk(2, 3, 3), 2031, 0.10, 0.0, STATE),
        // Qadiran: restricted vetting; arming its raid forces is too risky to provide.
        gap("qadiran", k.ctRaid, risk(4, 4, 4), 2029, 0.30, 0.0, DOD).withProvidingRiskIncrease(2),
        gap("qadiran", k.borderMobility, risk(3, 4, 3), 2030, 0.20, 0.0, DOD, PARTNER),
        gap("qadiran", k.pkoEnablers, risk(3, 3, 3), 2031, 0.15, 0.0, PARTNER),
        gap("qadiran", k.pmeRuleOfLaw, risk(4, 3, 4), 2029, 0.20, 0.0, STATE),
        gap("qadiran", k.dibResource, risk(3, 3, 2), 2030, 0.15, 0.2, DOD, STATE),
        // Zerhat: drug routes outside the Section 284 commands; flood response scores too low.
        gap("zerhat", k.cnInterdiction, risk(3, 4, 3), 2029, 0.25, 0.0, DOD, STATE),
        gap("zerhat", k.borderIsr, risk(3, 4, 3), 2030, 0.25, 0.0, DOD),
        gap("zerhat", k.hadrResponse, risk(1, 2, 1), 2029, 0.20, 0.0, PARTNER),
        gap("zerhat", k.dibLogistics, risk(3, 3, 3), 2031, 0.10, 0.0, DOD),
        // Corvania: capable and willing, barred from grant IMET.
        gap("corvania", k.maritimeMda, risk(4, 4, 4), 2028, 0.30, 0.0, DOD, STATE, PARTNER),
        gap("corvania", k.maritimePatrol, risk(4, 4, 3), 2030, 0.20, 0.3, DOD, PARTNER),
        gap("corvania", k.dibLogistics, risk(3, 3, 3), 2031, 0.10, 0.0, DOD, PARTNER),
        gap("corvania", k.pmeNco, risk(3, 3, 2), 2030, 0.10, 0.5, PARTNER),
        gap("corvania", k.pkoBattalion, risk(3, 3, 3), 2030, 0.20, 0.0, STATE, PARTNER),
        // Lestmark: no political will for humanitarian work.
        gap("lestmark", k.borderIsr, risk(4, 3, 3), 2029, 0.25, 0.0, DOD, PARTNER),
        gap("lestmark", k.pkoEnablers, risk(3, 3, 3), 2031, 0.15, 0.0, STATE),
        gap("lestmark", k.dibResource, risk(2, 3, 2), 2030, 0.10, 0.0, STATE, PARTNER),
        gap("lestmark", k.hadrMedical, risk(3, 3, 2), 2029, 0.20, 0.0, PARTNER),
        // Vardenia: small, its budgeting gap too minor to be worth US money.
        gap("vardenia", k.pmeNco, risk(3, 3, 2), 2031, 0.10, 0.0, PARTNER),
        gap("vardenia", k.dibResource, risk(1, 2, 2), 2030, 0.10, 0.0, STATE),
        gap("vardenia", k.pkoBattalion, risk(3, 3, 3), 2030, 0.25, 0.0, STATE, PARTNER),
        // Meridia: the INDOPACOM priority, a large maritime partner.
        gap("meridia", k.maritimePatrol, risk(5, 4, 4), 2029, 0.30, 0.0, DOD, STATE, PARTNER),
        gap("meridia", k.maritimeMda, risk(5, 4, 3), 2028, 0.35, 0.0, DOD, STATE),
        gap("meridia", k.hadrResponse, risk(4, 3, 3), 2028, 0.30, 0.2, STATE, PARTNER),
        gap("meridia", k.cnInterdiction, risk(3, 3, 3), 2030, 0.20, 0.0, DOD),
        gap("meridia", k.dibLogistics, risk(3, 4, 3), 2031, 0.10, 0.0, DOD),
        gap("meridia", k.pmeNco, risk(2, 3, 2), 2031, 0.10, 0.0, PARTNER),
        // Maruvia: an insurgency in the south, where aid to raid forces needs care.
        gap("maruvia", k.maritimeMda, risk(4, 4, 3), 2029, 0.30, 0.0, DOD),
        gap("maruvia", k.ctIntel, risk(4, 4, 3), 2029, 0.30, 0.3, DOD, STATE),
        gap("maruvia", k.ctRaid, risk(3, 4, 3), 2030, 0.25, 0.0, DOD).withProvidingRiskIncrease(1),
        gap("maruvia", k.hadrMedical, risk(3, 3, 3), 2029, 0.20, 0.0, STATE, PARTNER),
        // Kaitara Islands: cyclone-exposed, with a one-person SCO and a tiny budget.
        gap("kaitara", k.maritimePatrol, risk(4, 4, 5), 2029, 0.30, 0.0, DOD, STATE, PARTNER),
        gap("kaitara", k.hadrResponse, risk(5, 4, 4), 2027, 0.40, 0.0, DOD, STATE, PARTNER),
        gap("kaitara", k.hadrMedical, risk(3, 3, 3), 2029, 0.20, 0.3, PARTNER),
        // Valdoria: the SOUTHCOM counter-drug partner.
        gap("valdoria", k.cnInterdiction, risk(5, 4, 4), 2029, 0.30, 0.0, DOD, STATE, PARTNER),
        gap("valdoria", k.cnRiverine, risk(4, 3, 3), 2030, 0.20, 0.0, DOD, PARTNER),
        gap("valdoria", k.maritimePatrol, risk(3, 4, 3), 2030, 0.20, 0.25, DOD),
        gap("valdoria", k.pmeRuleOfLaw, risk(3, 3, 4), 2029, 0.20, 0.0, STATE),
        gap("valdoria", k.hadrResponse, risk(3, 3, 2), 2028, 0.30, 0.0, PARTNER),
        // Ribera: restricted vetting and past abuses by its counter-drug police.
        gap("ribera", k.cnInterdiction, risk(4, 4, 3), 2029, 0.30, 0.0, DOD)
            .withProvidingRiskIncrease(1),
        gap("ribera", k.cnRiverine, risk(3, 3, 3), 2031, 0.20, 0.0, DOD),
        gap("ribera", k.pmeRuleOfLaw, risk(4, 3, 4), 2029, 0.25, 0.0, STATE, PARTNER),
        gap("ribera", k.dibResource, risk(3, 3, 3), 2030, 0.15, 0.0, STATE),
        // Santa Lucerna: a regional donor already pays for its whole maritime picture.
        gap("lucerna", k.hadrResponse, risk(4, 4, 3), 2027, 0.40, 0.0, STATE, PARTNER),
        gap("lucerna", k.maritimeMda, risk(3, 3, 3), 2029, 0.20, 1.0, DOD),
        gap("lucerna", k.cnRiverine, risk(3, 3, 2), 2030, 0.20, 0.0, DOD));
  }

  private static GapRow gap(
      String partnerSlug,
      GapKind kind,
      RiskAssessment risk,
      int needBy,
      double decayPerYear,
      double thirdPartyCoverage,
      Stakeholder... sweetSpot) {
    return new GapRow(
        partnerSlug,
        kind,
        risk,
        new Urgency(needBy, decayPerYear),
        thirdPartyCoverage,
        Set.of(sweetSpot),
        0);
  }

  private static RiskAssessment risk(int likelihood, int consequence, int politicalRisk) {
    return new RiskAssessment(likelihood, consequence, politicalRisk);
  }

  // ---------------------------------------------------------------- gap kinds

  /**
   * The seventeen kinds of gap and the options that close each: what the DOTMLPF-P walk of the
   * planning chapter produces for a role. Costs are for a partner of cost scale 1.
   */
  private static final class GapKinds {
    final GapKind borderIsr =
        new GapKind(
            "border-isr",
            "border-security",
            RoleType.SUPPORTING,
            "imo-border-surveillance",
            "%s border units cannot watch the remote sectors of the frontier",
            List.of(
                opt("kle", "Key leader engagement with the border command", POLICY, ENGAGEMENT)
                    .closure(0.05)
                    .costs(50_000)
                    .programs(CCMD)
                    .workload(2)
                    .tags("jf:c2"),
                opt("course", "Small UAS operator and analyst course", TRAIN, TRAINING)
                    .closure(0.25)
                    .costs(1_200_000, 1_200_000)
                    .programs(P333, FMF)
                    .after("kle", 1)
                    .workload(6)
                    .tags("service:army", "jf:intelligence"),
                opt("uas", "Small tactical UAS systems", MATERIEL, EQUIPMENT)
                    .closure(0.55)
                    .costs(6_500_000, 2_000_000)
                    .programs(P333, FMF)
                    .after("course", 1)
                    .alternative("sensor")
                    .workload(8)
                    .sustainment(800_000)
                    .providingRisk(2)
                    .tags("service:army", "jf:intelligence"),
                opt("towers", "Fixed surveillance towers with ground radar", MATERIEL, EQUIPMENT)
                    .closure(0.5)
                    .costs(4_500_000, 3_000_000)
                    .leadTime(1)
                    .programs(P333, FMF)
                    .after("kle", 1)
                    .alternative("sensor")
                    .workload(6)
                    .sustainment(600_000)
                    .tags("service:army", "jf:intelligence"),
                // Phase three of the synchronization matrix: exchanges once the basics are in.
                opt(
                        "analyst-exchange",
                        "Intelligence analyst exchange with US border units",
                        TRAIN,
                        TRAINING)
                    .closure(0.1)
                    .costs(300_000)
                    .window(2029, 2031)
                    .programs(IMET, P333)
                    .after("course", 1)
                    .workload(3)
                    .tags("jf:intelligence")));

    final GapKind borderMobility =
        new GapKind(
            "border-mobility",
            "border-security",
            RoleType.PRIMARY,
            "imo-border-posts",
            "%s border battalions cannot reach or hold remote posts",
            List.of(
                // No program named: any program whose rules admit an assessment may pay.
                opt(
                        "assessment",
                        "Border force mobility and infrastructure assessment",
                        ORGANIZATION,
                        ASSESSMENT)
                    .closure(0.05)
                    .costs(150_000)
                    .workload(3)
                    .tags("jf:movement-maneuver"),
                opt("nco-course", "Border patrol NCO course", TRAIN, TRAINING)
                    .closure(0.3)
                    .costs(1_200_000, 1_200_000)
                    .programs(P333, FMF)
                    .workload(6)
                    .tags("service:army", "jf:movement-maneuver"),
                opt("vehicles", "Light patrol vehicles and spare parts", MATERIEL, EQUIPMENT)
                    .closure(0.45)
                    .costs(5_000_000, 1_500_000)
                    .leadTime(1)
                    .programs(P333, FMF)
                    .after("nco-course", 1)
                    .workload(6)
                    .sustainment(700_000)
                    .providingRisk(2)
                    .tags("service:army", "jf:movement-maneuver"),
                // Section 333 small construction: under the $2,000,000 per-project cap.
                opt("post", "Forward border post (small construction)", FACILITIES, CONSTRUCTION)
                    .closure(0.3)
                    .costs(1_900_000)
                    .programs(P333)
                    .after("assessment", 1)
                    .workload(5)
                    .sustainment(150_000)
                    .tags("service:army", "jf:protection")));

    final GapKind borderInteragency =
        new GapKind(
            "border-interagency",
            "border-security",
            RoleType.GOVERNANCE,
            "imo-border-surveillance",
            "%s military and border police neither plan nor act together",
            List.of(
                opt(
                        "staff-talks",
                        "Interagency staff talks with the Law Enforcement Working Group",
                        POLICY,
                        ENGAGEMENT)
                    .closure(0.1)
                    .costs(60_000)
                    .programs(CCMD)
                    .workload(2)
                    .tags("jf:c2"),
                opt(
                        "dv-tour",
                        "Distinguished visitor orientation tour",
                        LEADERSHIP_AND_EDUCATION,
                        ENGAGEMENT)
                    .closure(0.1)
                    .costs(120_000)
                    .programs(CCMD)
                    .workload(3)
                    .tags("jf:c2"),
                opt("legal-advisor", "Border policy and legal framework advisor", POLICY, ADVISING)
                    .closure(0.3)
                    .costs(400_000, 400_000)
                    .programs(P332)
                    .after("staff-talks", 0)
                    .workload(4)
                    .tags("jf:c2"),
                opt("exercise-observe", "Joint interagency exercise, as observers", TRAIN, EXERCISE)
                    .closure(0.2)
                    .costs(300_000)
                    .window(2028, 2030)
                    .programs(CCMD)
                    .after("staff-talks", 1)
                    .workload(5)
                    .tags("jf:c2"),
                opt(
                        "exercise-participate",
                        "Joint interagency exercise, as participants",
                        TRAIN,
                        EXERCISE)
                    .closure(0.35)
                    .costs(450_000)
                    .window(2029, 2031)
                    .programs(CCMD)
                    .after("exercise-observe", 1)
                    .workload(6)
                    .tags("jf:c2")));

    final GapKind ctRaid =
        new GapKind(
            "ct-raid",
            "counter-terrorism",
            RoleType.PRIMARY,
            "imo-veo-ct-units",
            "%s counter-terrorism company cannot conduct intelligence-driven raids",
            List.of(
                opt("jcet", "Combined special operations training exchange", TRAIN, EXERCISE)
                    .closure(0.15)
                    .costs(400_000)
                    .programs(CCMD)
                    .workload(4)
                    .tags("service:sof"),
                // Raid forces are where "US-trained" abuses happen: penalised providing risk.
                opt("training", "Counter-terrorism company collective training", TRAIN, TRAINING)
                    .closure(0.4)
                    .costs(2_500_000, 2_000_000)
                    .programs(P333, NADR)
                    .workload(8)
                    .providingRisk(3)
                    .tags("service:sof", "jf:movement-maneuver"),
                opt(
                        "equipment",
                        "Night vision, radios and protected vehicles for the company",
                        MATERIEL,
                        EQUIPMENT)
                    .closure(0.45)
                    .costs(7_000_000, 3_000_000)
                    .leadTime(1)
                    .programs(P333, FMF)
                    .after("training", 1)
                    .workload(6)
                    .sustainment(900_000)
                    .providingRisk(3)
                    .tags("service:sof", "jf:protection")));

    final GapKind ctIntel =
        new GapKind(
            "ct-intel",
            "counter-terrorism",
            RoleType.SUPPORTING,
            "imo-veo-network-interdiction",
            "%s forces cannot fuse intelligence on violent extremist networks",
            List.of(
                opt("fusion-mtt", "Intelligence fusion cell mobile training team", TRAIN, TRAINING)
                    .closure(0.3)
                    .costs(900_000, 900_000)
                    .programs(P333, NADR)
                    .workload(5)
                    .providingRisk(2)
                    .tags("jf:intelligence"),
                opt("isr-aircraft", "Manned ISR aircraft with sensor package", MATERIEL, EQUIPMENT)
                    .closure(0.6)
                    .costs(14_000_000, 6_000_000)
                    .leadTime(1)
                    .programs(P333, FMF)
                    .after("fusion-mtt", 1)
                    .alternative("isr-platform")
                    .workload(10)
                    .sustainment(2_000_000)
                    .providingRisk(2)
                    .tags("service:air-force", "jf:intelligence"),
                opt("aerostat", "Tethered aerostat with day and night sensors", MATERIEL, EQUIPMENT)
                    .closure(0.45)
                    .costs(5_000_000, 1_000_000)
                    .programs(P333, FMF)
                    .after("fusion-mtt", 1)
                    .alternative("isr-platform")
                    .workload(6)
                    .sustainment(1_100_000)
                    .tags("service:army", "jf:intelligence")));

    final GapKind maritimePatrol =
        new GapKind(
            "maritime-patrol",
            "maritime-security",
            RoleType.PRIMARY,
            "imo-maritime-interdiction",
            "%s navy cannot patrol its exclusive economic zone",
            List.of(
                opt("staff-talks", "Navy and coast guard staff talks", POLICY, ENGAGEMENT)
                    .closure(0.05)
                    .costs(60_000)
                    .programs(CCMD)
                    .workload(2)
                    .tags("service:navy", "jf:c2"),
                opt("vbss-course", "Visit, board, search and seizure course", TRAIN, TRAINING)
                    .closure(0.25)
                    .costs(800_000, 800_000)
                    .programs(P333, FMF)
                    .after("staff-talks", 0)
                    .workload(6)
                    .tags("service:navy", "jf:movement-maneuver"),
                // The shipyard slot is held only until FY2030.
                opt("patrol-boats", "Two coastal patrol boats", MATERIEL, EQUIPMENT)
                    .closure(0.6)
                    .costs(8_000_000, 6_000_000)
                    .leadTime(1)
                    .window(null, 2030)
                    .programs(FMF, P333)
                    .after("vbss-course", 1)
                    .alternative("platform")
                    .workload(8)
                    .sustainment(1_500_000)
                    .tags("service:navy", "jf:movement-maneuver"),
                opt("refit", "Refit of two existing patrol craft", MATERIEL, EQUIPMENT)
                    .closure(0.4)
                    .costs(3_500_000, 1_500_000)
                    .programs(FMF, P333)
                    .after("staff-talks", 1)
                    .alternative("platform")
                    .workload(5)
                    .sustainment(700_000)
                    .tags("service:navy", "jf:sustainment"),
                opt("pier", "Boat maintenance pier (small construction)", FACILITIES, CONSTRUCTION)
                    .closure(0.15)
                    .costs(1_900_000)
                    .programs(P333)
                    .after("staff-talks", 1)
                    .workload(4)
                    .sustainment(120_000)
                    .tags("service:navy", "jf:sustainment")));

    final GapKind maritimeMda =
        new GapKind(
            "maritime-mda",
            "maritime-security",
            RoleType.SUPPORTING,
            "imo-maritime-domain-awareness",
            "%s has no shared picture of the vessel traffic off its coast",
            List.of(
                opt("assessment", "Maritime domain awareness assessment", ORGANIZATION, ASSESSMENT)
                    .closure(0.05)
                    .costs(150_000)
                    .workload(3)
                    .tags("service:navy", "jf:intelligence"),
                opt("coastal-radar", "Coastal surveillance radar network", MATERIEL, EQUIPMENT)
                    .closure(0.65)
                    .costs(6_500_000, 2_000_000)
                    .leadTime(1)
                    .programs(P333, FMF)
                    .after("assessment", 1)
                    .alternative("sensor")
                    .workload(7)
                    .sustainment(900_000)
                    .tags("service:navy", "jf:intelligence"),
                opt(
                        "ais",
                        "AIS receivers and shared maritime picture software",
                        MATERIEL,
                        EQUIPMENT)
                    .closure(0.35)
                    .costs(1_400_000)
                    .programs(P333, FMF)
                    .alternative("sensor")
                    .workload(3)
                    .sustainment(200_000)
                    .tags("service:navy", "jf:intelligence"),
                opt(
                        "watch-course",
                        "Maritime operations centre watch-standers course",
                        TRAIN,
                        TRAINING)
                    .closure(0.25)
                    .costs(600_000, 600_000)
                    .programs(P333, FMF)
                    .workload(4)
                    .tags("service:navy", "jf:c2")));

    final GapKind cnInterdiction =
        new GapKind(
            "cn-interdiction",
            "counter-narcotics",
            RoleType.PRIMARY,
            "imo-cn-interdiction",
            "%s police and navy cannot stop go-fast boats and trafficking flights",
            List.of(
                opt(
                        "working-group",
                        "Counter-drug working group with police and navy",
                        POLICY,
                        ENGAGEMENT)
                    .closure(0.05)
                    .costs(50_000)
                    .programs(CCMD)
                    .workload(2)
                    .tags("jf:c2"),
                opt("training", "Counter-drug interdiction training", TRAIN, TRAINING)
                    .closure(0.3)
                    .costs(1_000_000, 1_000_000)
                    .programs(P284, P333)
                    .after("working-group", 0)
                    .workload(6)
                    .providingRisk(2)
                    .tags("service:navy", "jf:movement-maneuver"),
                opt("interceptors", "Interceptor boats with night sensors", MATERIEL, EQUIPMENT)
                    .closure(0.55)
                    .costs(5_500_000, 2_000_000)
                    .leadTime(1)
                    .programs(P284, P333, FMF)
                    .after("training", 1)
                    .alternative("platform")
                    .workload(6)
                    .sustainment(900_000)
                    .providingRisk(2)
                    .tags("service:navy", "jf:movement-maneuver"),
                opt(
                        "detection-radar",
                        "Detection and monitoring radar linked to the regional" + " task force",
                        MATERIEL,
                        EQUIPMENT)
                    .closure(0.45)
                    .costs(3_500_000)
                    .leadTime(1)
                    .programs(P284, P333)
                    .alternative("platform")
                    .workload(4)
                    .sustainment(400_000)
                    .tags("service:air-force", "jf:intelligence"),
                opt(
                        "combined-exercise",
                        "Combined counter-drug interdiction exercise",
                        TRAIN,
                        EXERCISE)
                    .closure(0.1)
                    .costs(350_000)
                    .window(2029, 2031)
                    .programs(CCMD)
                    .after("training", 1)
                    .workload(5)
                    .tags("service:navy", "jf:c2")));

    final GapKind cnRiverine =
        new GapKind(
            "cn-riverine",
            "counter-narcotics",
            RoleType.SUPPORTING,
            "imo-cn-riverine",
            "%s riverine units have no forward base to operate from",
            List.of(
                opt("site-survey", "Riverine base site survey", FACILITIES, ASSESSMENT)
                    .closure(0.05)
                    .costs(120_000)
                    .programs(CCMD, P284)
                    .workload(2)
                    .tags("service:marines", "jf:sustainment"),
                opt(
                        "forward-base",
                        "Riverine forward operating base (small construction)",
                        FACILITIES,
                        CONSTRUCTION)
                    .closure(0.5)
                    .costs(1_900_000)
                    .programs(P284, P333)
                    .after("site-survey", 1)
                    .workload(6)
                    .sustainment(200_000)
                    .tags("service:marines", "jf:sustainment"),
                opt("maintenance-course", "Riverine boat maintenance training", TRAIN, TRAINING)
                    .closure(0.35)
                    .costs(700_000, 500_000)
                    .programs(P284, P333)
                    .workload(4)
                    .tags("service:marines", "jf:sustainment")));

    final GapKind pkoBattalion =
        new GapKind(
            "pko-battalion",
            "peacekeeping",
            RoleType.PRIMARY,
            "imo-pko-battalion-deploy",
            "%s infantry battalion is not ready for UN certification",
            List.of(
                opt(
                        "predeployment",
                        "US-led pre-deployment training for a UN battalion",
                        TRAIN,
                        TRAINING)
                    .closure(0.45)
                    .costs(2_500_000, 2_000_000)
                    .programs(GPOI, P333)
                    .alternative("training")
                    .workload(8)
                    .tags("service:army"),
                opt("train-the-trainer", "Train-the-trainer peacekeeping cadre", TRAIN, TRAINING)
                    .closure(0.35)
                    .costs(1_100_000, 1_100_000, 800_000)
                    .programs(GPOI)
                    .alternative("training")
                    .workload(5)
                    .tags("service:army"),
                opt("equipment", "Contingent-owned equipment package", MATERIEL, EQUIPMENT)
                    .closure(0.4)
                    .costs(6_000_000, 3_000_000)
                    .leadTime(1)
                    .programs(GPOI, FMF)
                    .after("predeployment", 1)
                    .workload(6)
                    .sustainment(1_000_000)
                    .tags("service:army", "jf:sustainment"),
                opt("regional-exercise", "Regional peacekeeping exercise", TRAIN, EXERCISE)
                    .closure(0.15)
                    .costs(300_000, 300_000, 300_000)
                    .window(2027, 2029)
                    .programs(CCMD)
                    .workload(4)
                    .tags("service:army")));

    final GapKind pkoEnablers =
        new GapKind(
            "pko-enablers",
            "peacekeeping",
            RoleType.SUPPORTING,
            "imo-pko-enablers",
            "%s contingents deploy without field medical or engineer enablers",
            List.of(
                opt("medical-training", "Field medical team training", TRAIN, TRAINING)
                    .closure(0.35)
                    .costs(900_000, 900_000)
                    .programs(GPOI, P333)
                    .workload(5)
                    .tags("service:army", "jf:sustainment"),
                opt(
                        "engineer-equipment",
                        "Horizontal engineer company equipment",
                        MATERIEL,
                        EQUIPMENT)
                    .closure(0.5)
                    .costs(7_500_000)
                    .leadTime(2)
                    .programs(GPOI, FMF)
                    .workload(6)
                    .sustainment(1_200_000)
                    .tags("service:army", "jf:sustainment")));

    final GapKind hadrResponse =
        new GapKind(
            "hadr-response",
            "humanitarian-response",
            RoleType.PRIMARY,
            "imo-hadr-disaster-response",
            "%s armed forces cannot respond quickly to floods and cyclones",
            List.of(
                opt(
                        "assessment",
                        "Disaster response capability assessment",
                        ORGANIZATION,
                        ASSESSMENT)
                    .closure(0.05)
                    .costs(100_000)
                    .workload(2)
                    .tags("jf:sustainment"),
                opt(
                        "warehouse",
                        "Disaster relief warehouse (humanitarian construction)",
                        FACILITIES,
                        CONSTRUCTION)
                    .closure(0.4)
                    .costs(1_600_000)
                    .programs(OHDACA)
                    .after("assessment", 1)
                    .workload(4)
                    .sustainment(100_000)
                    .tags("jf:sustainment"),
                opt("exercise", "Disaster response tabletop and field exercise", TRAIN, EXERCISE)
                    .closure(0.25)
                    .costs(250_000, 250_000)
                    .window(2027, 2029)
                    .programs(CCMD)
                    .workload(4)
                    .tags("jf:c2"),
                opt(
                        "relief-stocks",
                        "Prepositioned relief supplies",
                        MATERIEL,
                        HUMANITARIAN_ASSISTANCE)
                    .closure(0.3)
                    .costs(900_000, 400_000)
                    .programs(OHDACA)
                    .workload(3)
                    .sustainment(100_000)
                    .tags("jf:sustainment")));

    final GapKind hadrMedical =
        new GapKind(
            "hadr-medical",
            "humanitarian-response",
            RoleType.SUPPORTING,
            "imo-hadr-medical",
            "%s rural clinics cannot cope with mass casualties",
            List.of(
                opt("medrete", "Medical readiness training exercise", TRAIN, EXERCISE)
                    .closure(0.2)
                    .costs(350_000)
                    .programs(CCMD)
                    .workload(3)
                    .tags("jf:sustainment"),
                opt(
                        "clinic",
                        "Rural clinic renovation (humanitarian construction)",
                        FACILITIES,
                        CONSTRUCTION)
                    .closure(0.45)
                    .costs(1_200_000)
                    .programs(OHDACA)
                    .workload(4)
                    .sustainment(100_000)
                    .tags("jf:sustainment"),
                opt(
                        "medical-equipment",
                        "Medical equipment for regional hospitals",
                        MATERIEL,
                        HUMANITARIAN_ASSISTANCE)
                    .closure(0.35)
                    .costs(700_000)
                    .programs(OHDACA)
                    .workload(2)
                    .sustainment(150_000)
                    .tags("jf:sustainment")));

    final GapKind dibResource =
        new GapKind(
            "dib-resource",
            "defense-governance",
            RoleType.GOVERNANCE,
            "imo-dib-resource-management",
            "%s defense ministry cannot plan, program and budget for its forces",
            List.of(
                opt("advisor", "Defense resource management advisor team", ORGANIZATION, ADVISING)
                    .closure(0.45)
                    .costs(600_000, 600_000)
                    .programs(P332)
                    .workload(4)
                    .tags("jf:c2"),
                opt(
                        "seminar",
                        "Resource management mobile education team",
                        LEADERSHIP_AND_EDUCATION,
                        EDUCATION)
                    .closure(0.2)
                    .costs(250_000)
                    .programs(P332, IMET)
                    .workload(2)
                    .tags("jf:c2"),
                opt(
                        "budget-system",
                        "Defense budgeting and financial management system",
                        ORGANIZATION,
                        INSTITUTION_BUILDING)
                    .closure(0.35)
                    .costs(900_000, 500_000)
                    .programs(P332)
                    .after("advisor", 1)
                    .workload(4)
                    .tags("jf:c2"),
                opt(
                        "execution-review",
                        "Budget execution review and follow-on advice",
                        ORGANIZATION,
                        ADVISING)
                    .closure(0.1)
                    .costs(350_000)
                    .window(2030, 2031)
                    .programs(P332)
                    .after("budget-system", 1)
                    .workload(2)
                    .tags("jf:c2")));

    final GapKind dibLogistics =
        new GapKind(
            "dib-logistics",
            "defense-governance",
            RoleType.GOVERNANCE,
            "imo-dib-logistics",
            "%s has no logistics and maintenance system to sustain new equipment",
            List.of(
                opt("advisor", "Logistics and maintenance advisor", ORGANIZATION, ADVISING)
                    .closure(0.4)
                    .costs(500_000, 500_000, 500_000)
                    .programs(P332)
                    .workload(4)
                    .tags("jf:sustainment"),
                opt(
                        "doctrine",
                        "Maintenance doctrine and supply regulations",
                        DOCTRINE,
                        INSTITUTION_BUILDING)
                    .closure(0.25)
                    .costs(300_000)
                    .programs(P332)
                    .workload(2)
                    .tags("jf:sustainment"),
                opt(
                        "officer-courses",
                        "Logistics officer courses at US schools",
                        LEADERSHIP_AND_EDUCATION,
                        EDUCATION)
                    .closure(0.25)
                    .costs(400_000, 400_000)
                    .programs(IMET)
                    .workload(2)
                    .tags("jf:sustainment")));

    final GapKind pmeNco =
        new GapKind(
            "pme-nco",
            "defense-governance",
            RoleType.GOVERNANCE,
            "imo-pme-nco-corps",
            "%s has no professional education system for its NCOs",
            List.of(
                opt(
                        "pme-seats",
                        "Professional military education seats at US schools",
                        LEADERSHIP_AND_EDUCATION,
                        EDUCATION)
                    .closure(0.35)
                    .costs(500_000, 500_000, 500_000)
                    .programs(IMET)
                    .workload(2)
                    .tags("jf:c2"),
                opt(
                        "nco-academy",
                        "NCO academy curriculum development",
                        DOCTRINE,
                        INSTITUTION_BUILDING)
                    .closure(0.35)
                    .costs(700_000, 700_000)
                    .programs(P332)
                    .workload(5)
                    .tags("service:army"),
                // The seed: the partner "may need human resources help to attract and retain
                // quality personnel".
                opt(
                        "career-reform",
                        "NCO career management reform, promotion tied to education",
                        PERSONNEL,
                        INSTITUTION_BUILDING)
                    .closure(0.25)
                    .costs(350_000)
                    .programs(P332)
                    .after("nco-academy", 1)
                    .workload(3)
                    .tags("service:army")));

    final GapKind pmeRuleOfLaw =
        new GapKind(
            "pme-rule-of-law",
            "defense-governance",
            RoleType.GOVERNANCE,
            "imo-pme-rule-of-law",
            "%s military justice system cannot hold units accountable for abuses",
            List.of(
                opt("justice-advisor", "Military justice advisor", POLICY, ADVISING)
                    .closure(0.4)
                    .costs(400_000, 400_000)
                    .programs(P332)
                    .workload(3)
                    .tags("jf:c2"),
                opt(
                        "human-rights-training",
                        "Human rights and law of armed conflict training for" + " units",
                        TRAIN,
                        TRAINING)
                    .closure(0.35)
                    .costs(350_000, 350_000)
                    .programs(P333, IMET)
                    .workload(4)
                    .tags("jf:protection"),
                opt(
                        "inspector-general",
                        "Inspector general office set-up",
                        ORGANIZATION,
                        INSTITUTION_BUILDING)
                    .closure(0.3)
                    .costs(500_000)
                    .programs(P332)
                    .after("justice-advisor", 0)
                    .workload(3)
                    .tags("jf:c2")));
  }

  private static Opt opt(String slug, String name, DotmlpfDomain domain, ActivityType type) {
    return new Opt(slug, name, domain, type);
  }

  // ---------------------------------------------------------------- building blocks

  private static PartnerSpec partner(
      String slug,
      String name,
      CombatantCommand combatantCommand,
      int tier,
      double propensity,
      VettingStatus vettingStatus) {
    return new PartnerSpec(slug, name, combatantCommand, tier, propensity, vettingStatus);
  }

  /**
   * A partner, its SCO and the scale of what assistance to it costs (1 = a typical partner),
   * written fluently. Specs are created afresh for every scenario built, so they are never shared.
   */
  private static final class PartnerSpec {
    final String slug;
    final String name;
    final CombatantCommand combatantCommand;
    final int tier;
    final double propensity;
    final VettingStatus vettingStatus;
    final Map<String, Double> desireByRole = new TreeMap<>();
    Long absorptiveCapacityPerYear;
    Long sustainmentBudgetPerYear;
    String scoName;
    double scoPersonWeeksPerYear;
    double costScale = 1.0;

    PartnerSpec(
        String slug,
        String name,
        CombatantCommand combatantCommand,
        int tier,
        double propensity,
        VettingStatus vettingStatus) {
      this.slug = slug;
      this.name = name;
      this.combatantCommand = combatantCommand;
      this.tier = tier;
      this.propensity = propensity;
      this.vettingStatus = vettingStatus;
    }

    PartnerSpec absorptiveCapacity(long dollarsPerYear) {
      absorptiveCapacityPerYear = dollarsPerYear;
      return this;
    }

    PartnerSpec sustainmentBudget(long dollarsPerYear) {
      sustainmentBudgetPerYear = dollarsPerYear;
      return this;
    }

    PartnerSpec sco(String officeName, double personWeeksPerYear) {
      scoName = officeName;
      scoPersonWeeksPerYear = personWeeksPerYear;
      return this;
    }

    PartnerSpec costScale(double factor) {
      costScale = factor;
      return this;
    }

    PartnerSpec desire(String role, double willingness) {
      desireByRole.put(role, willingness);
      return this;
    }

    Partner toPartner() {
      return new Partner(
          "p-" + slug,
          name,
          combatantCommand,
          tier,
          propensity,
          desireByRole,
          absorptiveCapacityPerYear,
          sustainmentBudgetPerYear,
          vettingStatus,
          "sco-" + slug);
    }
  }

  /** A kind of gap: its role, objective and the options that close it. */
  private record GapKind(
      String slug,
      String role,
      RoleType roleType,
      String objectiveId,
      String descriptionFormat,
      List<Opt> options) {}

  /** One gap of one partner, named by the partner's slug. */
  private record GapRow(
      String partnerSlug,
      GapKind kind,
      RiskAssessment risk,
      Urgency urgency,
      double thirdPartyCoverage,
      Set<Stakeholder> sweetSpot,
      int providingRiskIncrease) {

    /** The same gap, with every option except engagements and assessments riskier to provide. */
    GapRow withProvidingRiskIncrease(int increase) {
      return new GapRow(partnerSlug, kind, risk, urgency, thirdPartyCoverage, sweetSpot, increase);
    }

    private String gapId() {
      return "g-" + partnerSlug + "-" + kind.slug();
    }

    private String optionId(String optionSlug) {
      return gapId().replaceFirst("^g-", "o-") + "-" + optionSlug;
    }

    CapabilityGap toGap(PartnerSpec partner) {
      return new CapabilityGap(
          gapId(),
          "p-" + partnerSlug,
          kind.objectiveId(),
          kind.role(),
          kind.roleType(),
          String.format(kind.descriptionFormat(), partner.name),
          risk,
          urgency,
          thirdPartyCoverage,
          sweetSpot);
    }

    SolutionOption toOption(PartnerSpec partner, Opt template, String loeTag) {
      // Meetings cost the same everywhere and construction is priced per project; the rest
      // scales with the size of the partner's forces.
      boolean scaled = template.activityType != ENGAGEMENT && template.activityType != CONSTRUCTION;
      long[] costs = new long[template.costs.length];
      for (int i = 0; i < costs.length; i++) {
        costs[i] = scaled ? scale(template.costs[i], partner.costScale) : template.costs[i];
      }
      // Talking and looking carry no risk of abuse by "US-trained" units.
      boolean talkOnly = template.activityType == ENGAGEMENT || template.activityType == ASSESSMENT;
      int providingRisk =
          talkOnly
              ? template.providingRisk
              : Math.min(5, template.providingRisk + providingRiskIncrease);
      List<String> tags = new ArrayList<>();
      tags.add(loeTag);
      tags.add("domain:" + template.domain.name());
      tags.add("ccmd:" + partner.combatantCommand.name());
      tags.addAll(template.tags);
      SolutionOption.Builder option =
          SolutionOption.builder(optionId(template.slug), gapId())
              .name(template.name + ", " + partner.name)
              .domain(template.domain)
              .activityType(template.activityType)
              .closure(template.closure)
              .costProfile(costs)
              .leadTimeYears(template.leadTimeYears)
              .startWindow(template.earliestStart, template.latestStart)
              .programIds(template.programIds.toArray(new String[0]))
              .exclusionGroup(
                  template.alternativeGroup == null
                      ? null
                      : gapId().replaceFirst("^g-", "xg-") + "-" + template.alternativeGroup)
              .scoWorkloadPersonWeeksPerYear(template.workload)
              .sustainmentCostPerYear(template.sustainment)
              .providingRisk(providingRisk)
              .tags(tags.toArray(new String[0]));
      for (int i = 0; i < template.prerequisiteSlugs.size(); i++) {
        option.prerequisite(
            optionId(template.prerequisiteSlugs.get(i)), template.prerequisiteLags.get(i));
      }
      return option.build();
    }

    /** Dollars scaled and rounded to $10,000, never below the $50,000 of a single event. */
    private static long scale(long dollars, double factor) {
      return Math.max(50_000L, Math.round(dollars * factor / 10_000.0) * 10_000L);
    }
  }

  /**
   * An option template within a gap kind, written fluently. Templates are created afresh for every
   * scenario built, so they are never shared.
   */
  private static final class Opt {
    final String slug;
    final String name;
    final DotmlpfDomain domain;
    final ActivityType activityType;
    double closure;
    long[] costs = new long[0];
    int leadTimeYears;
    Integer earliestStart;
    Integer latestStart;
    List<String> programIds = List.of();
    final List<String> prerequisiteSlugs = new ArrayList<>();
    final List<Integer> prerequisiteLags = new ArrayList<>();
    String alternativeGroup;
    double workload;
    long sustainment;
    int providingRisk = 1;
    List<String> tags = List.of();

    Opt(String slug, String name, DotmlpfDomain domain, ActivityType activityType) {
      this.slug = slug;
      this.name = name;
      this.domain = domain;
      this.activityType = activityType;
    }

    Opt closure(double fraction) {
      closure = fraction;
      return this;
    }

    Opt costs(long... dollarsByYear) {
      costs = dollarsByYear.clone();
      return this;
    }

    Opt leadTime(int years) {
      leadTimeYears = years;
      return this;
    }

    Opt window(Integer earliest, Integer latest) {
      earliestStart = earliest;
      latestStart = latest;
      return this;
    }

    Opt programs(String... ids) {
      programIds = List.of(ids);
      return this;
    }

    /** Must start at least {@code lagYears} after the option {@code slug} of the same gap. */
    Opt after(String slug, int lagYears) {
      prerequisiteSlugs.add(slug);
      prerequisiteLags.add(lagYears);
      return this;
    }

    Opt alternative(String group) {
      alternativeGroup = group;
      return this;
    }

    Opt workload(double personWeeksPerYear) {
      workload = personWeeksPerYear;
      return this;
    }

    Opt sustainment(long dollarsPerYear) {
      sustainment = dollarsPerYear;
      return this;
    }

    Opt providingRisk(int risk) {
      providingRisk = risk;
      return this;
    }

    Opt tags(String... values) {
      tags = List.of(values);
      return this;
    }
  }
}
