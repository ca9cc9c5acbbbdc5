package org.scplan.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scplan.json.ScenarioDeltaJson;
import org.scplan.scenario.RiskAssessment;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

class ScenarioDeltaJsonTest {

  @Test
  void read_everyChangeType_givesTheRecords() {
    String json =
        """
        {"formatVersion": 1, "id": "d", "description": "all kinds",
         "changes": [
          {"type": "scaleAppropriation", "programId": "prog-333", "fiscalYear": 2028, "factor": 0.8},
          {"type": "scaleAppropriation", "factor": 1.5},
          {"type": "cutAppropriation", "programId": "prog-fmf", "fiscalYear": 2029, "dollars": 5000000},
          {"type": "changePartner", "partnerId": "p-bandaria", "priorityTier": 2,
           "desireByRole": {"border-security": 0.9}},
          {"type": "rescoreRisk", "gapId": "g-1",
           "risk": {"likelihood": 4, "consequence": 5, "politicalRiskOfNotProviding": 3}},
          {"type": "changeNeedBy", "gapId": "g-1", "needByFiscalYear": 2029},
          {"type": "removePartner", "partnerId": "p-x"},
          {"type": "removeGap", "gapId": "g-2"},
          {"type": "removeOption", "optionId": "o-3"}
         ]}
        """;

    ScenarioDelta delta = ScenarioDeltaJson.read(json, "d.json");

    assertThat(delta.id()).isEqualTo("d");
    assertThat(delta.changes())
        .containsExactly(
            new ScenarioChange.ScaleAppropriation("prog-333", 2028, 0.8),
            new ScenarioChange.ScaleAppropriation(null, null, 1.5),
            new ScenarioChange.CutAppropriation("prog-fmf", 2029, 5_000_000),
            new ScenarioChange.ChangePartner("p-bandaria", 2, null, Map.of("border-security", 0.9)),
            new ScenarioChange.RescoreRisk("g-1", new RiskAssessment(4, 5, 3)),
            new ScenarioChange.ChangeNeedBy("g-1", 2029),
            new ScenarioChange.RemovePartner("p-x"),
            new ScenarioChange.RemoveGap("g-2"),
            new ScenarioChange.RemoveOption("o-3"));
  }

  @Test
  void read_structuralProblems_areAllReportedAtOnce_located() {
    String json =
        """
        {"formatVersion": 1, "id": "d", "descripton": "typo",
         "changes": [
          {"type": "scaleAppropriation", "programId": "prog-333", "factr": 0.8},
          {"type": "removeParter", "partnerId": "p-x"},
          {"type": "cutAppropriation", "programId": "prog-fmf", "fiscalYear": 2029, "dollars": 1.5},
          {"type": "addGap"}
         ]}
        """;

    assertThatThrownBy(() -> ScenarioDeltaJson.read(json, "d.json"))
        .isInstanceOfSatisfying(
            ScenarioValidationException.class,
            e -> {
              List<Problem> problems = e.problems();
              assertThat(problems)
                  .extracting(Problem::location, Problem::field)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("d.json $", "descripton"),
                      org.assertj.core.groups.Tuple.tuple(
                          "d.json $.changes[0] (scaleAppropriation)", "factr"),
                      org.assertj.core.groups.Tuple.tuple(
                          "d.json $.changes[0] (scaleAppropriation)", "factor"),
                      org.assertj.core.groups.Tuple.tuple("d.json $.changes[1]", "type"),
                      org.assertj.core.groups.Tuple.tuple(
                          "d.json $.changes[2] (cutAppropriation)", "dollars"),
                      org.assertj.core.groups.Tuple.tuple("d.json $.changes[3] (addGap)", "gap"));
              assertThat(problems.get(1).hint()).isEqualTo("did you mean 'factor'?");
              assertThat(problems.get(3).hint()).isEqualTo("did you mean \"removePartner\"?");
            });
  }

  @Test
  void read_otherFormatVersion_isRefused() {
    assertThatThrownBy(
            () -> ScenarioDeltaJson.read("{\"formatVersion\": 2, \"id\": \"d\"}", "d.json"))
        .isInstanceOfSatisfying(
            ScenarioValidationException.class,
            e -> assertThat(e.problems().get(0).field()).isEqualTo("formatVersion"));
  }
}
