package org.scplan.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.json.ScenarioJson;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Prerequisite;
import org.scplan.scenario.Program;
import org.scplan.scenario.ProgramEligibility;
import org.scplan.scenario.RiskAssessment;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.validation.ScenarioValidator;
import org.scplan.whatif.ScenarioChange.AddOption;
import org.scplan.whatif.ScenarioChange.ChangeNeedBy;
import org.scplan.whatif.ScenarioChange.ChangePartner;
import org.scplan.whatif.ScenarioChange.CutAppropriation;
import org.scplan.whatif.ScenarioChange.RemoveGap;
import org.scplan.whatif.ScenarioChange.RemoveOption;
import org.scplan.whatif.ScenarioChange.RemovePartner;
import org.scplan.whatif.ScenarioChange.RescoreRisk;
import org.scplan.whatif.ScenarioChange.ScaleAppropriation;

class ScenarioDeltaTest {
  private static final Scenario THEATER = NotionalTheater.scenario();

  private static ScenarioDelta delta(ScenarioChange... changes) {
    return new ScenarioDelta("test", "", List.of(changes));
  }

  private static Program program(Scenario scenario, String id) {
    return scenario.programs().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void scaleAppropriation_oneYear_roundsDownThatYearOnlyAndLeavesTheInputUntouched() {
    String before = ScenarioJson.write(THEATER);
    Program fmf = program(THEATER, "prog-fmf");
    Appropriation first = fmf.appropriations().get(0);

    Scenario changed =
        delta(new ScaleAppropriation("prog-fmf", first.fiscalYear(), 0.8333))
            .apply(THEATER)
            .scenario();

    List<Appropriation> after = program(changed, "prog-fmf").appropriations();
    assertThat(after.get(0).amount()).isEqualTo((long) Math.floor(first.amount() * 0.8333));
    assertThat(after.subList(1, after.size()))
        .isEqualTo(fmf.appropriations().subList(1, fmf.appropriations().size()));
    assertThat(ScenarioJson.write(THEATER)).isEqualTo(before);
  }

  @Test
  void scaleAppropriation_everyProgram_scalesEveryAppropriation() {
    Scenario changed = delta(new ScaleAppropriation(null, null, 0.5)).apply(THEATER).scenario();

    for (Program program : THEATER.programs()) {
      List<Appropriation> scaled = program(changed, program.id()).appropriations();
      for (int i = 0; i < scaled.size(); i++) {
        assertThat(scaled.get(i).amount()).isEqualTo(program.appropriations().get(i).amount() / 2);
      }
    }
  }

  @Test
  void partnerGapAndNeedByChanges_applyToTheNamedEntitiesOnly() {
    Partner bandaria = THEATER.partners().get(0);
    CapabilityGap gap = THEATER.gaps().get(0);
    Scenario changed =
        delta(
                new ChangePartner(bandaria.id(), 3, 0.4, Map.of("new-role", 0.5)),
                new RescoreRisk(gap.id(), new RiskAssessment(1, 2, 1)),
                new ChangeNeedBy(gap.id(), 2031))
            .apply(THEATER)
            .scenario();

    Partner after = changed.partners().get(0);
    assertThat(after.priorityTier()).isEqualTo(3);
    assertThat(after.propensity()).isEqualTo(0.4);
    assertThat(after.desireByRole()).containsAllEntriesOf(bandaria.desireByRole());
    assertThat(after.desire("new-role")).isEqualTo(0.5);
    CapabilityGap gapAfter = changed.gaps().get(0);
    assertThat(gapAfter.risk()).isEqualTo(new RiskAssessment(1, 2, 1));
    assertThat(gapAfter.urgency().needByFiscalYear()).isEqualTo(2031);
    assertThat(gapAfter.urgency().decayPerYear()).isEqualTo(gap.urgency().decayPerYear());
    assertThat(changed.partners().subList(1, changed.partners().size()))
        .isEqualTo(THEATER.partners().subList(1, THEATER.partners().size()));
  }

  @Test
  void unknownIdsAndImpossibleValues_areAllReportedAtOnce_locatedByChangeAndField() {
    ScenarioDelta bad =
        delta(
            new ScaleAppropriation("prog-fmff", null, 0.8),
            new ChangePartner("p-nowhere", 1, null, null),
            new RescoreRisk("g-nothing", new RiskAssessment(1, 1, 1)),
            new RemoveOption("o-nothing"),
            new CutAppropriation("prog-fmf", 2029, Long.MAX_VALUE),
            new ScaleAppropriation("prog-fmf", 1999, 0.5),
            new ScaleAppropriation(null, null, -1));

    assertThatThrownBy(() -> bad.apply(THEATER, "cut.json"))
        .isInstanceOfSatisfying(
            ScenarioValidationException.class,
            e -> {
              List<Problem> problems = e.problems();
              assertThat(problems).hasSize(7);
              assertThat(problems.get(0).location())
                  .isEqualTo("cut.json $.changes[0] (scaleAppropriation)");
              assertThat(problems.get(0).field()).isEqualTo("programId");
              assertThat(problems.get(0).message()).contains("unknown program 'prog-fmff'");
              assertThat(problems.get(0).hint()).contains("'prog-fmf'");
              assertThat(problems.get(1).location()).endsWith("$.changes[1] (changePartner)");
              assertThat(problems.get(1).field()).isEqualTo("partnerId");
              assertThat(problems.get(2).location()).endsWith("$.changes[2] (rescoreRisk)");
              assertThat(problems.get(2).field()).isEqualTo("gapId");
              assertThat(problems.get(3).location()).endsWith("$.changes[3] (removeOption)");
              assertThat(problems.get(3).field()).isEqualTo("optionId");
              assertThat(problems.get(4).field()).isEqualTo("dollars");
              assertThat(problems.get(5).field()).isEqualTo("fiscalYear");
              assertThat(problems.get(6).field()).isEqualTo("factor");
            });
  }

  @Test
  void removePartner_removesEverythingHangingOffIt_andSaysSo() {
    Partner removed = THEATER.partners().get(0);
    Set<String> gapIds =
        THEATER.gaps().stream()
            .filter(g -> g.partnerId().equals(removed.id()))
            .map(CapabilityGap::id)
            .collect(Collectors.toSet());
    List<SolutionOption> removedOptions =
        THEATER.options().stream().filter(o -> gapIds.contains(o.gapId())).toList();
    SolutionOption lockedOption = removedOptions.get(removedOptions.size() - 1);
    // Another partner's option waits for one of the removed options, and one is locked.
    SolutionOption foreign =
        THEATER.options().stream()
            .filter(o -> !gapIds.contains(o.gapId()))
            .findFirst()
            .orElseThrow();
    SolutionOption dependent = foreign.toBuilder().prerequisite(lockedOption.id(), 1).build();
    Scenario base =
        THEATER.toBuilder()
            .options(THEATER.options().stream().map(o -> o == foreign ? dependent : o).toList())
            .lockedDecision(new LockedDecision(lockedOption.id(), "prog-333", 2028, "test"))
            .build();

    AppliedDelta applied = delta(new RemovePartner(removed.id())).apply(base);

    Scenario after = applied.scenario();
    assertThat(after.partners()).extracting(Partner::id).doesNotContain(removed.id());
    assertThat(after.gaps()).extracting(CapabilityGap::partnerId).doesNotContain(removed.id());
    assertThat(after.options())
        .extracting(SolutionOption::gapId)
        .doesNotContainAnyElementsOf(gapIds);
    Set<String> removedOptionIds =
        removedOptions.stream().map(SolutionOption::id).collect(Collectors.toSet());
    List<LockedDecision> locksOfRemoved =
        base.lockedDecisions().stream()
            .filter(l -> removedOptionIds.contains(l.optionId()))
            .toList();
    assertThat(locksOfRemoved).hasSizeGreaterThanOrEqualTo(1);
    assertThat(after.lockedDecisions())
        .isEqualTo(
            base.lockedDecisions().stream()
                .filter(l -> !removedOptionIds.contains(l.optionId()))
                .toList());
    SolutionOption dependentAfter =
        after.options().stream()
            .filter(o -> o.id().equals(dependent.id()))
            .findFirst()
            .orElseThrow();
    assertThat(dependentAfter.prerequisites())
        .extracting(Prerequisite::optionId)
        .doesNotContain(lockedOption.id());
    assertThat(ScenarioValidator.problems(after)).isEmpty();
    Map<String, Long> removalsByKind =
        applied.removals().stream()
            .collect(Collectors.groupingBy(Removal::kind, Collectors.counting()));
    assertThat(removalsByKind)
        .containsEntry("partner", 1L)
        .containsEntry("gap", (long) gapIds.size())
        .containsEntry("option", (long) removedOptions.size())
        .containsEntry("locked decision", (long) locksOfRemoved.size())
        .containsEntry("prerequisite", 1L);
    assertThat(applied.removals())
        .filteredOn(r -> r.kind().equals("option"))
        .allSatisfy(r -> assertThat(r.because()).startsWith("its gap '"));
    assertThat(base.options()).hasSize(THEATER.options().size());
  }

  @Test
  void removePartner_thatAProgramServesAlone_isRefusedRatherThanWideningTheProgram() {
    Program fmf = program(THEATER, "prog-fmf");
    String partnerId = THEATER.partners().get(0).id();
    Program restricted =
        new Program(
            "prog-only-one",
            "Only one partner",
            "",
            fmf.title(),
            fmf.obligationRule(),
            fmf.maxSpanYears(),
            new ProgramEligibility(Set.of(), Set.of(), Set.of(), List.of(partnerId), List.of()),
            fmf.vettingRequirement(),
            0,
            null,
            fmf.appropriations());
    Scenario base = THEATER.toBuilder().program(restricted).build();

    assertThatThrownBy(() -> delta(new RemovePartner(partnerId)).apply(base))
        .isInstanceOfSatisfying(
            ScenarioValidationException.class,
            e ->
                assertThat(e.problems().get(0).message())
                    .contains("program 'prog-only-one' may serve only partner"));
  }

  @Test
  void removeGapTwice_andAddAnExistingOption_areLocatedErrors() {
    CapabilityGap gap = THEATER.gaps().get(1);
    SolutionOption existing = THEATER.options().get(0);

    AppliedDelta applied = delta(new RemoveGap(gap.id())).apply(THEATER);
    assertThat(applied.scenario().gaps()).extracting(CapabilityGap::id).doesNotContain(gap.id());

    assertThatThrownBy(
            () ->
                delta(new RemoveGap(gap.id()), new RemoveGap(gap.id()), new AddOption(existing))
                    .apply(THEATER))
        .isInstanceOfSatisfying(
            ScenarioValidationException.class,
            e -> {
              assertThat(e.problems()).hasSize(2);
              assertThat(e.problems().get(0).location()).endsWith("$.changes[1] (removeGap)");
              assertThat(e.problems().get(1).location()).endsWith("$.changes[2] (addOption)");
              assertThat(e.problems().get(1).field()).isEqualTo("option.id");
            });
  }
}
