package org.scplan.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.assessment.ExecutionFixtures;
import org.scplan.csv.ExecutionCsv;
import org.scplan.json.ExecutionJson;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/** Execution records survive JSON and CSV, and bad files get located problems, all at once. */
class ExecutionFilesTest {
  @TempDir Path directory;

  @Test
  void json_roundTrip_isExact() {
    ExecutionRecord record = ExecutionFixtures.execution();
    String json = ExecutionJson.write(record);

    assertThat(json).startsWith("{\n  \"formatVersion\": 1,");
    assertThat(ExecutionJson.read(json, "record.json")).isEqualTo(record);
  }

  @Test
  void json_structuralProblems_locatedByPath() {
    String json =
        """
        {"formatVersion": 1, "scenarioId": "execution-small", "throughFiscalYear": 2028,
         "activities": [{"fiscalYear": 2027, "optionId": "o-train", "status": "LATE",
                         "obligations": [{"appropriationFiscalYear": 2027, "amount": 10.5}]}],
         "observations": [{"fiscalYear": 2027, "measureId": "mop-train", "valeu": 3}]}
        """;

    assertThatThrownBy(() -> ExecutionJson.read(json, "bad.json"))
        .isInstanceOf(ScenarioValidationException.class)
        .satisfies(
            e ->
                assertThat(((ScenarioValidationException) e).problems())
                    .extracting(Problem::location, Problem::field)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                            "bad.json $.activities[0] (activity 'o-train')", "status"),
                        org.assertj.core.groups.Tuple.tuple(
                            "bad.json $.activities[0].obligations[0] (activity 'o-train')",
                            "amount"),
                        org.assertj.core.groups.Tuple.tuple(
                            "bad.json $.observations[0] (observation 'mop-train')", "valeu"),
                        org.assertj.core.groups.Tuple.tuple(
                            "bad.json $.observations[0] (observation 'mop-train')", "value")));
  }

  @Test
  void csv_roundTrip_isExact() {
    ExecutionRecord record = ExecutionFixtures.execution();
    ExecutionCsv.write(record, directory);

    assertThat(ExecutionCsv.read(directory, ExecutionFixtures.scenario(), ExecutionFixtures.plan()))
        .isEqualTo(record);
  }

  @Test
  void csv_validatorProblems_locatedByFileRowAndColumn() throws Exception {
    ExecutionCsv.write(ExecutionFixtures.execution(), directory);
    Files.writeString(
        directory.resolve("obligations.csv"),
        """
        fiscalYear,optionId,appropriationFiscalYear,amount
        2027,o-train,2027,400000
        2027,o-advise,2027,250000
        2028,o-train,2027,300000
        2028,o-ghost,2028,5
        """);
    Files.writeString(
        directory.resolve("observations.csv"),
        """
        fiscalYear,measureId,value
        2027,mop-train,8
        2028,mop-nothing,1
        """);

    assertThatThrownBy(
            () ->
                ExecutionCsv.read(
                    directory, ExecutionFixtures.scenario(), ExecutionFixtures.plan()))
        .isInstanceOf(ScenarioValidationException.class)
        .satisfies(
            e ->
                assertThat(((ScenarioValidationException) e).problems())
                    .extracting(p -> p.location().replaceAll(" \\(.*", "") + " " + p.field())
                    .containsExactly("obligations.csv row 5 optionId"));

    Files.writeString(
        directory.resolve("obligations.csv"),
        """
        fiscalYear,optionId,appropriationFiscalYear,amount
        2027,o-train,2027,400000
        2027,o-advise,2027,250000
        2028,o-train,2027,300000
        """);
    assertThatThrownBy(
            () ->
                ExecutionCsv.read(
                    directory, ExecutionFixtures.scenario(), ExecutionFixtures.plan()))
        .isInstanceOf(ScenarioValidationException.class)
        .satisfies(
            e ->
                assertThat(((ScenarioValidationException) e).problems())
                    .extracting(p -> p.location().replaceAll(" \\(.*", "") + " " + p.field())
                    .containsExactlyInAnyOrder(
                        "obligations.csv row 4 appropriationFiscalYear",
                        "observations.csv row 3 measureId"));
  }

  @Test
  void fileNames_areTheFourSheets() {
    assertThat(ExecutionCsv.fileNames())
        .isEqualTo(
            List.of("execution.csv", "activities.csv", "obligations.csv", "observations.csv"));
  }
}
