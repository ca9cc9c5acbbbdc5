package org.scplan.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.plan.AppropriationDraw;
import org.scplan.plan.AppropriationUse;
import org.scplan.plan.FundedOption;
import org.scplan.plan.GapOutcome;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanTotals;
import org.scplan.plan.SolverStatistics;
import org.scplan.plan.UnfundedOption;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.valuation.UnfundedReason;

class PlanJsonTest {
  private static final String SOURCE = "plan.json";

  @Test
  void write_smallPlan_readsBackEqual() {
    Plan plan = Fixtures.smallPlan();

    assertThat(PlanJson.read(PlanJson.write(plan), SOURCE)).isEqualTo(plan);
  }

  @Test
  void write_twice_givesIdenticalBytes() {
    byte[] first = PlanJson.write(Fixtures.smallPlan()).getBytes(StandardCharsets.UTF_8);
    byte[] second = PlanJson.write(Fixtures.smallPlan()).getBytes(StandardCharsets.UTF_8);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void write_anyPlan_putsFormatVersionFirstAndFiscalYearsAsStringKeys() {
    String json = PlanJson.write(Fixtures.smallPlan());

    assertThat(json)
        .startsWith("{\n  \"formatVersion\": 1,\n  \"scenarioId\": \"theater-2027\",\n")
        .endsWith("\n}\n")
        .doesNotContain("\r")
        .doesNotContain("riskReducedShare")
        .contains("\"costByFiscalYear\": {\n        \"2028\": 6000000,\n")
        .contains("\"lastAvailableFiscalYear\": null,");
  }

  @Test
  void write_anyPlan_writesFieldsInRecordComponentOrder() throws IOException {
    JsonNode root = JsonSupport.MAPPER.readTree(PlanJson.write(Fixtures.smallPlan()));

    List<String> rootFields = new ArrayList<>(List.of("formatVersion"));
    rootFields.addAll(components(Plan.class));
    assertThat(fieldNames(root)).isEqualTo(rootFields);
    assertThat(fieldNames(root.at("/fundedOptions/0"))).isEqualTo(components(FundedOption.class));
    assertThat(fieldNames(root.at("/fundedOptions/0/draws/0")))
        .isEqualTo(components(AppropriationDraw.class));
    assertThat(fieldNames(root.at("/unfundedOptions/0")))
        .isEqualTo(components(UnfundedOption.class));
    assertThat(fieldNames(root.at("/unfundedOptions/0/reason")))
        .isEqualTo(components(UnfundedReason.class));
    assertThat(fieldNames(root.at("/gaps/0"))).isEqualTo(components(GapOutcome.class));
    assertThat(fieldNames(root.at("/appropriations/0")))
        .isEqualTo(components(AppropriationUse.class));
    assertThat(fieldNames(root.get("totals"))).isEqualTo(components(PlanTotals.class));
    assertThat(fieldNames(root.get("solver"))).isEqualTo(components(SolverStatistics.class));
  }

  @Test
  void write_nonFiniteNumber_refusesNamingTheField() {
    Plan plan = Fixtures.smallPlan();
    Plan broken =
        new Plan(
            plan.scenarioId(),
            plan.status(),
            Double.POSITIVE_INFINITY,
            plan.riskReduced(),
            plan.fundedOptions(),
            plan.unfundedOptions(),
            plan.gaps(),
            plan.appropriations(),
            plan.totals(),
            plan.solver());

    assertThatThrownBy(() -> PlanJson.write(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.totalWeightAtStake is Infinity");
  }

  @Test
  void writePath_thenReadPath_roundTrips(@TempDir Path dir) {
    Path file = dir.resolve("plan.json");

    PlanJson.write(Fixtures.smallPlan(), file);

    assertThat(PlanJson.read(file)).isEqualTo(Fixtures.smallPlan());
  }

  @Test
  void read_unknownField_reportsPathAndClosestName() {
    ObjectNode root = planTree();
    ((ObjectNode) root.at("/fundedOptions/1")).put("vlaue", 1.0);

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "plan.json $.fundedOptions[1]",
                "vlaue",
                "Unknown field 'vlaue'.",
                "did you mean 'value'?"));
  }

  @Test
  void read_fractionalDollarsInDraw_reportsPath() {
    ObjectNode root = planTree();
    ((ObjectNode) root.at("/fundedOptions/0/draws/1")).put("amount", 1.5);

    assertThat(problems(root))
        .extracting(Problem::location, Problem::field)
        .containsExactly(tuple("plan.json $.fundedOptions[0].draws[1]", "amount"));
  }

  @Test
  void read_unknownStatus_reportsField() {
    ObjectNode root = planTree();
    root.put("status", "DONE");

    assertThat(problems(root))
        .extracting(Problem::location, Problem::field)
        .containsExactly(tuple("plan.json $", "status"));
  }

  @Test
  void read_missingField_reportsIt() {
    ObjectNode root = planTree();
    ((ObjectNode) root.get("solver")).remove("seed");

    List<Problem> problems = problems(root);

    assertThat(problems).extracting(Problem::location).containsExactly("plan.json $.solver");
    assertThat(problems.get(0).message()).contains("'seed'");
  }

  @Test
  void read_missingFormatVersion_reportsIt() {
    ObjectNode root = planTree();
    root.remove("formatVersion");

    assertThat(problems(root))
        .extracting(Problem::location, Problem::field, Problem::message)
        .containsExactly(tuple("plan.json $", "formatVersion", "The formatVersion is missing."));
  }

  @Test
  void read_otherFormatVersion_reportsIt() {
    ObjectNode root = planTree();
    root.put("formatVersion", 7);

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "plan.json $",
                "formatVersion",
                "The formatVersion 7 is not supported.",
                "this release reads formatVersion 1."));
  }

  @Test
  void read_malformedJson_reportsLineAndColumn() {
    String json =
        PlanJson.write(Fixtures.smallPlan()).replace("\"status\": \"OPTIMAL\",", "\"status\": ,");

    assertThat(problems(json))
        .extracting(Problem::location)
        .containsExactly("plan.json line 4, column 13");
  }

  @Test
  void read_missingFile_throwsValidationExceptionNamingThePath(@TempDir Path dir) {
    Path file = dir.resolve("absent-plan.json");

    ScenarioValidationException failure = failure(() -> PlanJson.read(file));

    assertThat(failure.problems())
        .extracting(Problem::location, Problem::message)
        .containsExactly(tuple(file.toString(), "The file does not exist."));
  }

  private static ObjectNode planTree() {
    try {
      return (ObjectNode) JsonSupport.MAPPER.readTree(PlanJson.write(Fixtures.smallPlan()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Problem> problems(JsonNode root) {
    return problems(root.toString());
  }

  private static List<Problem> problems(String json) {
    return failure(() -> PlanJson.read(json, SOURCE)).problems();
  }

  private static ScenarioValidationException failure(Executable read) {
    try {
      read.execute();
    } catch (ScenarioValidationException e) {
      return e;
    } catch (Throwable e) {
      return fail("expected a ScenarioValidationException but got " + e, e);
    }
    return fail("expected a ScenarioValidationException");
  }

  private static List<String> components(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
