package org.scplan.report;

import static org.scplan.report.Text.dollars;
import static org.scplan.report.Text.markdown;
import static org.scplan.report.Text.percent;
import static org.scplan.report.Text.points;
import static org.scplan.report.Text.shortDollars;
import static org.scplan.report.Text.words;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scplan.plan.FundedOption;
import org.scplan.plan.GapOutcome;
import org.scplan.plan.UnfundedOption;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.EndState;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.Objective;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;

/**
 * A draft country-specific security cooperation section (CSCS) for one partner, in Markdown, with
 * the components the DSCU chapter recommends that a plan can fill: country assessment, country
 * objectives (end state, line of effort, intermediate military objective), concept of engagement
 * (the funded activities by line of effort and objective), the synchronization matrix (activities
 * by fiscal year with program and cost, as in the chapter's Figure 19-5), resourcing, and the
 * unfunded gaps with the reason for each option. A draft for the SCO and the CCMD desk officer to
 * edit, not a finished section. Money in US dollars, time in fiscal years, risk in weighted risk
 * points. Stateless and thread-safe.
 */
public final class CscsDraft {
  private CscsDraft() {}

  /**
   * A file name for the partner's draft, {@code cscs-<partner id>.md}, with every character other
   * than letters, digits, '.', '_' and '-' replaced by '_' so that a partner id cannot name a path.
   * When that changed the id, {@code ~} and the first 8 hex digits of the id's SHA-256 follow, so
   * that {@code p/a}, {@code p\a} and {@code p_a} get three files ({@code ~} never survives the
   * replacement, so a plain id cannot take a hashed name).
   */
  public static String fileName(Partner partner) {
    return "cscs-" + stem(partner.id(), false) + ".md";
  }

  /**
   * Drafts for every partner, keyed by {@link #fileName(Partner)}, in briefing order; partners
   * whose names would differ only in case (one file on Windows and macOS) both take the hashed
   * form.
   *
   * @throws IllegalStateException if two partners would still share a file name
   */
  public static Map<String, String> renderAll(PlanReport report) {
    Map<String, Integer> partnersByFolded = new HashMap<>();
    for (Partner partner : report.partners()) {
      partnersByFolded.merge(fold("cscs-" + stem(partner.id(), false)), 1, Integer::sum);
    }
    Map<String, String> drafts = new LinkedHashMap<>();
    Map<String, String> partnerByFolded = new HashMap<>();
    for (Partner partner : report.partners()) {
      boolean caseClash = partnersByFolded.get(fold("cscs-" + stem(partner.id(), false))) > 1;
      String name = "cscs-" + stem(partner.id(), caseClash) + ".md";
      String other = partnerByFolded.putIfAbsent(fold(name), partner.id());
      if (other != null) {
        throw new IllegalStateException(
            "Partners '" + other + "' and '" + partner.id() + "' would share the draft " + name);
      }
      drafts.put(name, render(report, partner.id()));
    }
    return drafts;
  }

  private static String stem(String id, boolean alwaysHash) {
    String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.equals(id) && !alwaysHash) {
      return safe;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return safe + "~" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * The draft for the partner with {@code partnerId}, as Markdown ending with a newline.
   *
   * @throws IllegalArgumentException when the scenario has no such partner
   */
  public static String render(PlanReport report, String partnerId) {
    Partner partner = report.partner(partnerId);
    if (partner == null) {
      throw new IllegalArgumentException(
          "No partner '" + partnerId + "' in scenario '" + report.scenario().id() + "'.");
    }
    StringBuilder md = new StringBuilder();
    md.append("# Country-specific security cooperation section (draft): ")
        .append(markdown(partner.name()))
        .append("\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "Drafted by scplan from the plan of scenario %s (%s), FY%d–FY%d, plan status %s."
                    + " Figures are the plan's; edit the words.%n%n",
                markdown(report.scenario().id()),
                markdown(report.scenario().name()),
                report.firstFiscalYear(),
                report.lastFiscalYear(),
                report.plan().status()));
    assessment(report, partner, md);
    objectives(report, partner, md);
    engagement(report, partner, md);
    matrix(report, partner, md);
    resourcing(report, partner, md);
    unfunded(report, partner, md);
    return md.toString();
  }

  private static void assessment(PlanReport report, Partner partner, StringBuilder md) {
    md.append("## 1. Country assessment\n\n");
    SecurityCooperationOffice office = report.office(partner.scoId());
    line(
        md,
        "- Combatant command: %s; theater priority tier %d.",
        partner.combatantCommand(),
        partner.priorityTier());
    line(
        md,
        "- Propensity (likelihood that security cooperation succeeds): %s; vetting status: %s.",
        percent(partner.propensity()),
        words(partner.vettingStatus()));
    if (partner.absorptiveCapacityPerYear() != null) {
      line(
          md,
          "- Absorptive capacity: %s a fiscal year.",
          dollars(partner.absorptiveCapacityPerYear()));
    }
    if (partner.sustainmentBudgetPerYear() != null) {
      line(
          md,
          "- Sustainment budget for new capabilities: %s a fiscal year.",
          dollars(partner.sustainmentBudgetPerYear()));
    }
    if (office != null) {
      line(
          md,
          "- Security cooperation office: %s, %s person-weeks of staff a fiscal year.",
          markdown(office.name()),
          String.format(Locale.ROOT, "%.1f", office.staffCapacityPersonWeeksPerYear()));
    }
    double stake = report.weightAtStake(partner.id());
    double residual = report.residualRisk(partner.id());
    line(
        md,
        "- %d capability gaps carrying %s weighted risk points; the plan retires %s (%s) and leaves %s.",
        report.gaps(partner.id()).size(),
        points(stake),
        points(stake - residual),
        stake <= 0 ? "–" : percent((stake - residual) / stake),
        points(residual));
    md.append('\n');
  }

  private static void objectives(PlanReport report, Partner partner, StringBuilder md) {
    md.append("## 2. Country objectives\n\n");
    for (Objective objective : report.objectives(partner.id())) {
      LineOfEffort line = report.lineOfEffort(objective.lineOfEffortId());
      EndState endState = report.endState(line.endStateId());
      line(
          md,
          "- **%s** (IMO, deadline FY%d). Line of effort: %s. End state: %s.",
          markdown(objective.name()),
          objective.deadlineFiscalYear(),
          markdown(line.name()),
          markdown(endState.name()));
      for (CapabilityGap gap : report.gaps(partner.id())) {
        if (!gap.objectiveId().equals(objective.id())) {
          continue;
        }
        GapOutcome outcome = report.outcome(gap.id());
        line(
            md,
            "  - Gap: %s (role %s; risk %d×%d, political risk of not providing %d; needed by FY%d)."
                + " Plan closes %s of it and retires %s of its %s weighted risk points (at most %s"
                + " can be retired, given the partner's likelihood of success); residual risk %s.",
            markdown(gap.description()),
            markdown(gap.role()),
            gap.risk().likelihood(),
            gap.risk().consequence(),
            gap.risk().politicalRiskOfNotProviding(),
            gap.urgency().needByFiscalYear(),
            percent(outcome.closure()),
            points(outcome.value()),
            points(outcome.weight()),
            points(outcome.maximumValue()),
            points(outcome.residualRisk()));
      }
    }
    md.append('\n');
  }

  private static void engagement(PlanReport report, Partner partner, StringBuilder md) {
    md.append("## 3. Concept of engagement\n\n");
    if (report.funded(partner.id()).isEmpty()) {
      md.append("The plan funds no activity for this partner in the horizon.\n\n");
      return;
    }
    for (LineOfEffort line : linesOfEffort(report, partner)) {
      md.append("### ").append(markdown(line.name())).append("\n\n");
      for (Objective objective : report.objectives(partner.id())) {
        if (!objective.lineOfEffortId().equals(line.id())) {
          continue;
        }
        List<FundedOption> funded = report.funded(partner.id(), objective.id());
        if (funded.isEmpty()) {
          continue;
        }
        md.append("**").append(markdown(objective.name())).append("**\n\n");
        for (FundedOption f : funded) {
          SolutionOption option = report.option(f.optionId());
          line(
              md,
              "- %s: %s (%s; DOTMLPF-P %s), funded by %s for %s; capability in place FY%d;"
                  + " closes %s of: %s.",
              years(f.startFiscalYear(), f.startFiscalYear() + option.durationYears() - 1),
              markdown(option.name()),
              words(option.activityType()),
              words(option.domain()),
              markdown(report.program(f.programId()).name()),
              dollars(f.totalObligated()),
              f.completionFiscalYear(),
              percent(option.closure()),
              markdown(report.gap(f.gapId()).description()));
        }
        md.append('\n');
      }
    }
  }

  private static void matrix(PlanReport report, Partner partner, StringBuilder md) {
    md.append("## 4. Synchronization matrix\n\n");
    List<FundedOption> funded = report.funded(partner.id());
    if (funded.isEmpty()) {
      md.append("No funded activities.\n\n");
      return;
    }
    int first = report.firstFiscalYear();
    int last = report.lastFiscalYear();
    md.append(
        "Funded activities by line of effort and objective; a cell names the program and the cost"
            + " executed that fiscal year, \"delivery\" marks lead time until the capability is in"
            + " place.\n\n");
    md.append("| Line of effort | Objective | Activity |");
    for (int year = first; year <= last; year++) {
      md.append(" FY").append(year).append(" |");
    }
    md.append("\n|---|---|---|").append("---|".repeat(last - first + 1)).append('\n');
    Set<String> programsUsed = new LinkedHashSet<>();
    for (LineOfEffort line : linesOfEffort(report, partner)) {
      boolean firstOfLine = true;
      for (Objective objective : report.objectives(partner.id())) {
        if (!objective.lineOfEffortId().equals(line.id())) {
          continue;
        }
        boolean firstOfObjective = true;
        for (FundedOption f : report.funded(partner.id(), objective.id())) {
          programsUsed.add(f.programId());
          SolutionOption option = report.option(f.optionId());
          // Like the hand-drawn matrix: a line of effort and an objective are named once, on
          // the first row of their group.
          md.append("| ")
              .append(firstOfLine ? markdown(line.name()) : "")
              .append(" | ")
              .append(firstOfObjective ? markdown(objective.name()) : "")
              .append(" | ")
              .append(markdown(option.name()))
              .append(" |");
          int runsThrough = f.startFiscalYear() + option.durationYears() - 1;
          for (int year = first; year <= last; year++) {
            long cost = f.costByFiscalYear().getOrDefault(year, 0L);
            String cell;
            if (year >= f.startFiscalYear() && year <= runsThrough) {
              cell = markdown(f.programId()) + " " + shortDollars(cost);
            } else if (year > runsThrough && year <= f.completionFiscalYear()) {
              cell = "delivery";
            } else {
              cell = "";
            }
            md.append(' ').append(cell).append(" |");
          }
          md.append('\n');
          firstOfLine = false;
          firstOfObjective = false;
        }
      }
    }
    md.append("\nPrograms: ");
    List<String> legend = new ArrayList<>();
    for (String programId : programsUsed) {
      Program program = report.program(programId);
      legend.add(
          markdown(programId)
              + " = "
              + markdown(program.name())
              + (program.authority() == null || program.authority().isEmpty()
                  ? ""
                  : " (" + markdown(program.authority()) + ")"));
    }
    md.append(String.join("; ", legend)).append(".\n\n");
  }

  private static void resourcing(PlanReport report, Partner partner, StringBuilder md) {
    md.append("## 5. Resourcing\n\n");
    Map<String, long[]> byProgram = new LinkedHashMap<>();
    int first = report.firstFiscalYear();
    int last = report.lastFiscalYear();
    for (FundedOption f : report.funded(partner.id())) {
      long[] years = byProgram.computeIfAbsent(f.programId(), id -> new long[last - first + 1]);
      f.obligationsByFiscalYear()
          .forEach(
              (year, amount) -> {
                if (year >= first && year <= last) {
                  years[year - first] += amount;
                }
              });
    }
    if (byProgram.isEmpty()) {
      md.append("Nothing obligated for this partner.\n\n");
      return;
    }
    md.append("Obligations by program and fiscal year, in dollars.\n\n| Program |");
    for (int year = first; year <= last; year++) {
      md.append(" FY").append(year).append(" |");
    }
    md.append("\n|---|").append("---:|".repeat(last - first + 1)).append('\n');
    byProgram.forEach(
        (programId, years) -> {
          md.append("| ").append(markdown(report.program(programId).name())).append(" |");
          for (long amount : years) {
            md.append(' ').append(dollars(amount)).append(" |");
          }
          md.append('\n');
        });
    line(
        md,
        "%nTotal obligated for %s: %s.",
        markdown(partner.name()),
        dollars(report.obligated(partner.id())));
    md.append('\n');
  }

  private static void unfunded(PlanReport report, Partner partner, StringBuilder md) {
    md.append("## 6. Unfunded gaps and why\n\n");
    boolean any = false;
    for (CapabilityGap gap : report.gaps(partner.id())) {
      GapOutcome outcome = report.outcome(gap.id());
      List<UnfundedOption> unfunded =
          report.unfunded(partner.id()).stream().filter(u -> u.gapId().equals(gap.id())).toList();
      if (outcome.closure() >= 1.0 || unfunded.isEmpty()) {
        continue;
      }
      any = true;
      line(
          md,
          "- **%s**: %s closed, residual risk %s of %s points.",
          markdown(gap.description()),
          percent(outcome.closure()),
          points(outcome.residualRisk()),
          points(outcome.weight()));
      for (UnfundedOption u : unfunded) {
        line(
            md,
            "  - %s: %s. %s",
            markdown(report.option(u.optionId()).name()),
            words(u.reason().code()),
            markdown(u.reason().detail()));
      }
    }
    if (!any) {
      md.append("Every gap of this partner is closed in full or has no other option.\n");
    }
  }

  private static List<LineOfEffort> linesOfEffort(PlanReport report, Partner partner) {
    Set<String> ids = new LinkedHashSet<>();
    report.objectives(partner.id()).forEach(o -> ids.add(o.lineOfEffortId()));
    return report.scenario().linesOfEffort().stream().filter(l -> ids.contains(l.id())).toList();
  }

  private static String years(int from, int to) {
    return from == to ? "FY" + from : "FY" + from + "–FY" + to;
  }

  private static void line(StringBuilder md, String format, Object... arguments) {
    md.append(String.format(Locale.ROOT, format, arguments)).append('\n');
  }
}
