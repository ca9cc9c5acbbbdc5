package org.scplan.engine;

import java.util.Locale;
import org.scplan.explain.Rule;
import org.scplan.explain.RuleKind;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.LockedDecision;
import org.scplan.support.Messages;

/**
 * Names the planning rules of an {@link AllocationInstance} in planners' words, one factory per
 * {@link RuleKind}, by the names planners know (ids stay in the rule's subject). The CP-SAT model
 * labels its constraints with these, and the crowding analysis names binding limits with them, so
 * both speak of a rule the same way.
 */
public final class Rules {
  private Rules() {}

  /** The locked decision of {@code option}. */
  public static Rule locked(AllocationInstance instance, int option) {
    LockedDecision lock = null;
    for (LockedDecision candidate : instance.scenario.lockedDecisions()) {
      if (candidate.optionId().equals(instance.options[option].id())) {
        lock = candidate;
      }
    }
    String id = instance.options[option].id();
    return new Rule(
        RuleKind.LOCKED_DECISION,
        id,
        null,
        lock == null ? null : lock.startFiscalYear(),
        lock == null
            ? "locked decision '" + instance.options[option].name() + "'"
            : "locked decision '"
                + instance.options[option].name()
                + "' (program '"
                + programName(instance, lock.programId())
                + "' from FY"
                + lock.startFiscalYear()
                + ")");
  }

  /** The name of program {@code programId}, or the id when the scenario has no such program. */
  static String programName(AllocationInstance instance, String programId) {
    for (var program : instance.programs) {
      if (program.id().equals(programId)) {
        return program.name();
      }
    }
    return programId;
  }

  /** The prerequisite {@code before} (with {@code lag} years) of {@code option}. */
  public static Rule prerequisite(AllocationInstance instance, int option, int before, int lag) {
    String id = instance.options[option].id();
    return new Rule(
        RuleKind.PREREQUISITE,
        id,
        null,
        null,
        "prerequisite of '"
            + instance.options[option].name()
            + "': '"
            + instance.options[before].name()
            + "' funded and started "
            + Messages.yearsEarlier(lag, true));
  }

  /** Appropriation line {@code line} of program {@code program}. */
  public static Rule appropriation(AllocationInstance instance, int program, int line) {
    AllocationInstance.AppropriationLine appropriation = instance.appropriations[program][line];
    String id = instance.programs[program].id();
    int year = appropriation.appropriation().fiscalYear();
    return new Rule(
        RuleKind.APPROPRIATION,
        id,
        null,
        year,
        String.format(
            Locale.ROOT,
            "program '%s' FY%d appropriation ($%,d, %s)",
            instance.programs[program].name(),
            year,
            appropriation.appropriation().amount(),
            appropriation.appropriation().noYear()
                ? "no-year money"
                : "obligable FY"
                    + year
                    + "–FY"
                    + appropriation.appropriation().lastAvailableFiscalYear()));
  }

  /** Absorptive capacity of {@code partner} in horizon year index {@code year}. */
  public static Rule absorptive(AllocationInstance instance, int partner, int year) {
    String id = instance.partners[partner].id();
    int fiscalYear = instance.firstFiscalYear + year;
    return new Rule(
        RuleKind.ABSORPTIVE_CAPACITY,
        id,
        null,
        fiscalYear,
        String.format(
            Locale.ROOT,
            "%s's absorptive capacity FY%d ($%,d)",
            instance.partners[partner].name(),
            fiscalYear,
            instance.partners[partner].absorptiveCapacityPerYear()));
  }

  /** Sustainment budget of {@code partner} in horizon year index {@code year}. */
  public static Rule sustainment(AllocationInstance instance, int partner, int year) {
    String id = instance.partners[partner].id();
    int fiscalYear = instance.firstFiscalYear + year;
    return new Rule(
        RuleKind.SUSTAINMENT_BUDGET,
        id,
        null,
        fiscalYear,
        String.format(
            Locale.ROOT,
            "%s's sustainment budget FY%d ($%,d)",
            instance.partners[partner].name(),
            fiscalYear,
            instance.partners[partner].sustainmentBudgetPerYear()));
  }

  /** Per-partner annual cap of {@code program} for {@code partner} in year index {@code year}. */
  public static Rule programCap(AllocationInstance instance, int program, int partner, int year) {
    String id = instance.programs[program].id();
    int fiscalYear = instance.firstFiscalYear + year;
    return new Rule(
        RuleKind.PROGRAM_PARTNER_CAP,
        id,
        instance.partners[partner].id(),
        fiscalYear,
        String.format(
            Locale.ROOT,
            "program '%s' per-partner cap for %s FY%d ($%,d)",
            instance.programs[program].name(),
            instance.partners[partner].name(),
            fiscalYear,
            instance.programs[program].perPartnerAnnualCap()));
  }

  /** Staff capacity of SCO index {@code sco} in year index {@code year}. */
  public static Rule scoStaff(AllocationInstance instance, int sco, int year) {
    var office = instance.scenario.securityCooperationOffices().get(sco);
    int fiscalYear = instance.firstFiscalYear + year;
    return new Rule(
        RuleKind.SCO_STAFF,
        office.id(),
        null,
        fiscalYear,
        String.format(
            Locale.ROOT,
            "SCO '%s' staff capacity FY%d (%.1f person-weeks)",
            office.name(),
            fiscalYear,
            office.staffCapacityPersonWeeksPerYear()));
  }

  /**
   * One bound of balance rule {@code rule}: {@code kind} is one of the four BALANCE_ kinds; {@code
   * year} is the horizon year index, or −1 for a rule over the horizon.
   */
  public static Rule balance(AllocationInstance instance, int rule, RuleKind kind, int year) {
    BalanceRule balance = instance.balanceRules[rule];
    Integer fiscalYear = year < 0 ? null : instance.firstFiscalYear + year;
    String bound =
        switch (kind) {
          case BALANCE_MINIMUM_SHARE ->
              String.format(Locale.ROOT, "minimum share %.2f%%", 100 * balance.minimumShare());
          case BALANCE_MAXIMUM_SHARE ->
              String.format(Locale.ROOT, "maximum share %.2f%%", 100 * balance.maximumShare());
          case BALANCE_MINIMUM_AMOUNT ->
              String.format(Locale.ROOT, "minimum amount $%,d", balance.minimumAmount());
          case BALANCE_MAXIMUM_AMOUNT ->
              String.format(Locale.ROOT, "maximum amount $%,d", balance.maximumAmount());
          default -> throw new IllegalArgumentException("not a balance-rule kind: " + kind);
        };
    return new Rule(
        kind,
        balance.id(),
        null,
        fiscalYear,
        "balance rule '"
            + (balance.description().isBlank() ? balance.id() : balance.description())
            + "' "
            + bound
            + (fiscalYear == null ? " over the horizon" : " FY" + fiscalYear));
  }
}
