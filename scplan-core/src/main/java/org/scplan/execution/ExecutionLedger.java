package org.scplan.execution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.validation.Problem;

/**
 * The actual obligations of an execution record laid on the scenario's appropriations
 * (docs/MODEL.md §10): each obligation names its appropriation by program (the plan's for the
 * activity) and FY; where the program has several appropriations of that FY, the one that expires
 * sooner is drawn first, obligations taken in FY order. This is the rule of plan draws (§3) and,
 * for appropriations of one FY (nested periods of availability), it finds a draw whenever one
 * exists. Obligations that name no appropriation, one not available in their FY, or more than is
 * left are problems; the money they could not draw is left out of the draws. Immutable.
 */
public final class ExecutionLedger {
  /**
   * One obligation (or the part of it one appropriation pays).
   *
   * @param activity index of the activity in the record
   * @param optionId the activity's option
   * @param programId the program paying (the plan's for the option)
   * @param appropriation index of the appropriation in the program's list
   * @param fiscalYear FY the obligation was made
   * @param amount dollars
   */
  public record Draw(
      int activity,
      String optionId,
      String programId,
      int appropriation,
      int fiscalYear,
      long amount) {}

  private final List<Draw> draws;
  private final List<Problem> problems;

  private ExecutionLedger(List<Draw> draws, List<Problem> problems) {
    this.draws = List.copyOf(draws);
    this.problems = List.copyOf(problems);
  }

  /** One obligation to place, with where it was written. */
  private record Entry(
      int activity, int obligation, String optionId, int fiscalYear, Obligation money) {}

  /**
   * Lays the obligations of {@code execution} on the appropriations of {@code scenario}; activities
   * whose option the plan does not fund, and obligations of no positive amount, are passed over
   * (the validator reports them).
   *
   * @param activityLocation the location of activity {@code i} in problems
   */
  public static ExecutionLedger of(
      Scenario scenario,
      Plan plan,
      ExecutionRecord execution,
      IntFunction<String> activityLocation) {
    Map<String, Program> programs = new HashMap<>();
    scenario.programs().forEach(p -> programs.putIfAbsent(p.id(), p));
    Map<String, String> programByOption = new HashMap<>();
    for (FundedOption funded : plan.fundedOptions()) {
      programByOption.put(funded.optionId(), funded.programId());
    }
    Map<String, Map<Integer, List<Entry>>> groups = new LinkedHashMap<>();
    List<ActivityExecution> activities = execution.activities();
    for (int i = 0; i < activities.size(); i++) {
      ActivityExecution activity = activities.get(i);
      String programId = programByOption.get(activity.optionId());
      if (programId == null || !programs.containsKey(programId)) {
        continue;
      }
      for (int j = 0; j < activity.obligations().size(); j++) {
        Obligation obligation = activity.obligations().get(j);
        if (obligation.amount() <= 0) {
          continue;
        }
        groups
            .computeIfAbsent(programId, p -> new LinkedHashMap<>())
            .computeIfAbsent(obligation.appropriationFiscalYear(), y -> new ArrayList<>())
            .add(new Entry(i, j, activity.optionId(), activity.fiscalYear(), obligation));
      }
    }
    List<Draw> draws = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    groups.forEach(
        (programId, byYear) ->
            byYear.forEach(
                (year, entries) ->
                    place(
                        programs.get(programId),
                        year,
                        entries,
                        activityLocation,
                        draws,
                        problems)));
    return new ExecutionLedger(draws, problems);
  }

  private static void place(
      Program program,
      int appropriationYear,
      List<Entry> entries,
      IntFunction<String> activityLocation,
      List<Draw> draws,
      List<Problem> problems) {
    List<Integer> members = new ArrayList<>();
    for (int a = 0; a < program.appropriations().size(); a++) {
      if (program.appropriations().get(a).fiscalYear() == appropriationYear) {
        members.add(a);
      }
    }
    if (members.isEmpty()) {
      for (Entry entry : entries) {
        problems.add(
            new Problem(
                activityLocation.apply(entry.activity()),
                "obligations[" + entry.obligation() + "].appropriationFiscalYear",
                "program '"
                    + program.id()
                    + "' has no appropriation of FY"
                    + appropriationYear
                    + " (it has "
                    + yearsOf(program)
                    + ")",
                "name the FY of the appropriation the money came from"));
      }
      return;
    }
    members.sort(
        Comparator.comparingInt(
            (Integer a) -> program.appropriations().get(a).lastAvailableFiscalYear()));
    long[] left = new long[program.appropriations().size()];
    for (int a : members) {
      left[a] = program.appropriations().get(a).amount();
    }
    List<Entry> inOrder = new ArrayList<>(entries);
    inOrder.sort(Comparator.comparingInt(Entry::fiscalYear));
    long drawn = 0;
    long shortfall = 0;
    List<String> overdrawnBy = new ArrayList<>();
    for (Entry entry : inOrder) {
      int fiscalYear = entry.fiscalYear();
      boolean available = false;
      long need = entry.money().amount();
      for (int a : members) {
        Appropriation appropriation = program.appropriations().get(a);
        if (!appropriation.availableIn(fiscalYear)) {
          continue;
        }
        available = true;
        long take = Math.min(need, left[a]);
        if (take > 0) {
          draws.add(
              new Draw(entry.activity(), entry.optionId(), program.id(), a, fiscalYear, take));
          left[a] -= take;
          need -= take;
          drawn += take;
        }
      }
      if (!available) {
        problems.add(unavailable(program, appropriationYear, members, entry, activityLocation));
      } else if (need > 0) {
        shortfall += need;
        overdrawnBy.add("'" + entry.optionId() + "' FY" + fiscalYear);
      }
    }
    if (shortfall > 0) {
      long appropriated = 0;
      for (int a : members) {
        appropriated += program.appropriations().get(a).amount();
      }
      problems.add(
          new Problem(
              "Program '" + program.id() + "' appropriation FY" + appropriationYear,
              "amount",
              "obligated "
                  + dollars(drawn + shortfall)
                  + " from it, "
                  + dollars(shortfall)
                  + " more than the "
                  + dollars(appropriated)
                  + " appropriated could give (short at "
                  + String.join(", ", overdrawnBy)
                  + ")",
              "check the amounts and the appropriation FYs of these obligations"));
    }
  }

  private static Problem unavailable(
      Program program,
      int appropriationYear,
      List<Integer> members,
      Entry entry,
      IntFunction<String> activityLocation) {
    int last = Integer.MIN_VALUE;
    for (int a : members) {
      last = Math.max(last, program.appropriations().get(a).lastAvailableFiscalYear());
    }
    String field = "obligations[" + entry.obligation() + "].appropriationFiscalYear";
    String location = activityLocation.apply(entry.activity());
    if (entry.fiscalYear() < appropriationYear) {
      return new Problem(
          location,
          field,
          "FY"
              + appropriationYear
              + " money of program '"
              + program.id()
              + "' cannot be obligated in FY"
              + entry.fiscalYear()
              + ", before it is appropriated",
          "name an appropriation available in FY" + entry.fiscalYear());
    }
    return new Problem(
        location,
        field,
        "FY"
            + appropriationYear
            + " money of program '"
            + program.id()
            + "' expired after FY"
            + last
            + " and cannot be obligated in FY"
            + entry.fiscalYear(),
        "name an appropriation still available in FY" + entry.fiscalYear());
  }

  private static String yearsOf(Program program) {
    List<String> years = new ArrayList<>();
    for (Appropriation appropriation : program.appropriations()) {
      String year = "FY" + appropriation.fiscalYear();
      if (!years.contains(year)) {
        years.add(year);
      }
    }
    return years.isEmpty() ? "none" : String.join(", ", years);
  }

  /** {@code $1,234,567}. */
  public static String dollars(long amount) {
    return String.format(Locale.ROOT, "$%,d", amount);
  }

  /** Every draw, in the order placed. */
  public List<Draw> draws() {
    return draws;
  }

  /** The problems found: unknown or unavailable appropriations, more than appropriated. */
  public List<Problem> problems() {
    return problems;
  }

  /** Dollars drawn on each appropriation of {@code program}, by its index in the program. */
  public long[] drawnBy(Program program) {
    long[] drawn = new long[program.appropriations().size()];
    for (Draw draw : draws) {
      if (draw.programId().equals(program.id())) {
        drawn[draw.appropriation()] += draw.amount();
      }
    }
    return drawn;
  }
}
