package org.scplan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;

/** {@link Program#toBuilder()}: a copy that replaces only the fields it is told to. */
class ProgramBuilderTest {
  private static final List<Program> PROGRAMS = NotionalTheater.scenario().programs();

  @Test
  void toBuilder_withNoChange_rebuildsAnEqualProgram() {
    assertThat(PROGRAMS).isNotEmpty();
    for (Program program : PROGRAMS) {
      assertThat(program.toBuilder().build()).isEqualTo(program);
    }
  }

  @Test
  void toBuilder_replacingAppropriations_keepsEveryOtherField() {
    Program program = PROGRAMS.get(0);
    List<Appropriation> fewer = program.appropriations().subList(0, 1);

    Program changed = program.toBuilder().appropriations(fewer).build();

    assertThat(changed.appropriations()).isEqualTo(fewer);
    assertThat(changed)
        .usingRecursiveComparison()
        .ignoringFields("appropriations")
        .isEqualTo(program);
  }

  @Test
  void toBuilder_replacingEveryScalar_setsEach() {
    Program program = PROGRAMS.get(0);

    Program changed =
        program.toBuilder()
            .id("prog-new")
            .name("New")
            .authority("22 U.S.C. 2763")
            .title(
                program.title() == FundingTitle.TITLE_10
                    ? FundingTitle.TITLE_22
                    : FundingTitle.TITLE_10)
            .obligationRule(ObligationRule.INCREMENTAL)
            .maxSpanYears(null)
            .eligibility(ProgramEligibility.UNRESTRICTED)
            .vettingRequirement(program.vettingRequirement())
            .planningLeadTimeYears(program.planningLeadTimeYears() + 1)
            .perPartnerAnnualCap(1_000_000L)
            .build();

    assertThat(changed.id()).isEqualTo("prog-new");
    assertThat(changed.name()).isEqualTo("New");
    assertThat(changed.authority()).isEqualTo("22 U.S.C. 2763");
    assertThat(changed.title()).isNotEqualTo(program.title());
    assertThat(changed.obligationRule()).isEqualTo(ObligationRule.INCREMENTAL);
    assertThat(changed.maxSpanYears()).isNull();
    assertThat(changed.planningLeadTimeYears()).isEqualTo(program.planningLeadTimeYears() + 1);
    assertThat(changed.perPartnerAnnualCap()).isEqualTo(1_000_000L);
    assertThat(changed.appropriations()).isEqualTo(program.appropriations());
  }

  @Test
  void build_checksLikeTheConstructor() {
    Program program = PROGRAMS.get(0);

    assertThatThrownBy(() -> program.toBuilder().name(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Program " + program.id() + ".name is required but was null");
  }
}
