package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scplan.explain.InfeasibilityDiagnosis;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.json.ScenarioJson;
import org.scplan.optimizer.explain.Explainer;
import org.scplan.optimizer.explain.ExplainerConfig;
import org.scplan.plan.FundedOption;
import org.scplan.plan.FundingDecision;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanAssembler;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.plan.SolverStatistics;
import org.scplan.plan.UnfundedOption;
import org.scplan.scenario.Scenario;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.valuation.Valuation;

/**
 * Runs the conformance examples of {@code docs/conformance/} (docs/MODEL.md, "Conformance
 * examples"): each file holds a small scenario and the plan properties worked out by hand from
 * MODEL.md. The hand-made expected plan must pass {@link PlanChecker} with the stated risk reduced,
 * and the optimizer's and the greedy baseline's plans must pass it too, the optimizer's matching
 * the expected status, decisions, reasons and figures.
 */
class ConformanceTest {
  private static final Path FOLDER = Path.of("..", "docs", "conformance");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Allocator ALLOCATOR =
      Allocator.create(
          AllocatorConfig.builder().workers(1).seed(1).deterministicTimeLimit(5.0).build());
  private static final ExplainerConfig EXPLAINER =
      ExplainerConfig.builder().deterministicTimeLimit(5.0).counterfactuals(0).build();

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @Test
  void theExamples_areAtLeastTwenty() throws IOException {
    assertThat(examples()).hasSizeGreaterThanOrEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void example_engineAndCheckerAgreeWithTheHandWorkedPlan(Path file) throws IOException {
    JsonNode example = JSON.readTree(file.toFile());
    String source = file.getFileName().toString();
    JsonNode expected = example.get("expected");
    String scenarioText = example.get("scenario").toString();
    if (expected.has("invalid")) {
      ScenarioValidationException failure =
          catchThrowableOfType(
              () -> ScenarioJson.read(scenarioText, source), ScenarioValidationException.class);
      assertThat(failure).as(source + ": rejected").isNotNull();
      for (JsonNode problem : expected.get("invalid")) {
        assertThat(failure.problems())
            .as(source)
            .extracting(Problem::field, Problem::message)
            .contains(
                org.assertj.core.groups.Tuple.tuple(
                    problem.get("field").asText(), problem.get("message").asText()));
      }
      return;
    }
    Scenario scenario = ScenarioJson.read(scenarioText, source);
    PlanStatus status = PlanStatus.valueOf(expected.get("status").asText());
    double riskReduced = expected.get("riskReduced").asDouble();

    if (status.hasPlan()) {
      Plan byHand =
          PlanAssembler.assemble(
              Valuation.of(scenario),
              decisions(expected.get("funded")),
              PlanStatus.FEASIBLE,
              SolverStatistics.builder("by hand").build(),
              "");
      assertThat(PlanChecker.check(scenario, byHand)).as(source + ": the plan by hand").isEmpty();
      assertThat(byHand.riskReduced())
          .as(source + ": by hand")
          .isCloseTo(riskReduced, within(1e-9));
    }

    Plan plan = ALLOCATOR.allocate(scenario);
    assertThat(PlanChecker.check(scenario, plan)).as(source + ": optimizer").isEmpty();
    assertThat(plan.status()).as(source + ": status; " + plan.solver()).isEqualTo(status);
    assertThat(plan.riskReduced())
        .as(source + ": risk reduced")
        .isCloseTo(riskReduced, within(1e-9));
    Map<String, String> indifferent = reasons(expected.get("indifferent"));
    Set<FundingDecision> funded = new HashSet<>();
    for (FundedOption option : plan.fundedOptions()) {
      if (!indifferent.containsKey(option.optionId())) {
        funded.add(
            new FundingDecision(option.optionId(), option.programId(), option.startFiscalYear()));
      }
    }
    assertThat(funded)
        .as(source + ": funded")
        .containsExactlyInAnyOrderElementsOf(decisions(expected.get("funded")));
    Map<String, String> unfunded = new HashMap<>();
    for (UnfundedOption option : plan.unfundedOptions()) {
      if (indifferent.containsKey(option.optionId())) {
        assertThat(option.reason().code().name())
            .as(source + ": " + option.optionId())
            .isEqualTo(indifferent.get(option.optionId()));
      } else {
        unfunded.put(option.optionId(), option.reason().code().name());
      }
    }
    assertThat(unfunded).as(source + ": reasons").isEqualTo(reasons(expected.get("unfunded")));
    if (expected.has("totalLapsed")) {
      assertThat(plan.totals().totalLapsed())
          .as(source + ": lapsed")
          .isEqualTo(expected.get("totalLapsed").asLong());
    }
    if (expected.has("objective")) {
      assertThat(plan.solver().objective())
          .as(source + ": objective")
          .isCloseTo(expected.get("objective").asDouble(), within(1e-9));
    }
    if (expected.has("noteContains")) {
      assertThat(plan.solver().note())
          .as(source + ": note")
          .contains(expected.get("noteContains").asText());
    }
    if (status == PlanStatus.OPTIMAL) {
      assertThat(plan.solver().relativeGap()).as(source + ": gap").isZero();
    }

    Plan greedy = GreedyAllocator.allocate(scenario);
    assertThat(PlanChecker.check(scenario, greedy)).as(source + ": greedy").isEmpty();
    if (status.hasPlan()) {
      assertThat(greedy.riskReduced())
          .as(source + ": greedy")
          .isLessThanOrEqualTo(riskReduced + 1e-9);
    }

    if (expected.has("conflict")) {
      InfeasibilityDiagnosis diagnosis = Explainer.create(EXPLAINER).diagnose(scenario);
      List<String> named = new ArrayList<>();
      diagnosis
          .conflictingRules()
          .forEach(r -> named.add(r.kind() + " " + r.subjectId() + " " + r.fiscalYear()));
      List<String> wanted = new ArrayList<>();
      expected
          .get("conflict")
          .forEach(
              r ->
                  wanted.add(
                      r.get("kind").asText()
                          + " "
                          + r.get("subjectId").asText()
                          + " "
                          + r.get("fiscalYear").asInt()));
      assertThat(named).as(source + ": conflict").containsExactlyInAnyOrderElementsOf(wanted);
    }
  }

  private static List<FundingDecision> decisions(JsonNode funded) {
    List<FundingDecision> decisions = new ArrayList<>();
    funded.forEach(
        f ->
            decisions.add(
                new FundingDecision(
                    f.get("optionId").asText(),
                    f.get("programId").asText(),
                    f.get("startFiscalYear").asInt())));
    return decisions;
  }

  private static Map<String, String> reasons(JsonNode byOption) {
    Map<String, String> reasons = new HashMap<>();
    if (byOption != null) {
      byOption.fields().forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asText()));
    }
    return reasons;
  }
}
