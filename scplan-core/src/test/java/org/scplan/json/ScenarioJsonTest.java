package org.scplan.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.scenario.ActivityType;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.DotmlpfDomain;
import org.scplan.scenario.EndState;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Objective;
import org.scplan.scenario.Partner;
import org.scplan.scenario.PlanningHorizon;
import org.scplan.scenario.Policy;
import org.scplan.scenario.Prerequisite;
import org.scplan.scenario.Program;
import org.scplan.scenario.ProgramEligibility;
import org.scplan.scenario.RiskAssessment;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;
import org.scplan.scenario.Urgency;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

class ScenarioJsonTest {
  private static final String SOURCE = "scenario.json";
  private static final String BANDARIA = "scenario.json $.partners[0] (partner 'p-bandaria')";
  private static final String FMF_NO_YEAR =
      "scenario.json $.programs[0].appropriations[2] (program 'fmf')";

  @Test
  void write_richScenario_readsBackEqual() {
    Scenario scenario = Fixtures.richScenario();

    Scenario read = ScenarioJson.read(ScenarioJson.write(scenario), SOURCE);

    assertThat(read).isEqualTo(scenario);
  }

  @Test
  void write_minimalScenario_readsBackEqual() {
    Scenario scenario = Scenario.builder("empty", new PlanningHorizon(2027, 2027)).build();

    assertThat(ScenarioJson.read(ScenarioJson.write(scenario), SOURCE)).isEqualTo(scenario);
  }

  @Test
  void write_twice_givesIdenticalBytes() {
    String first = ScenarioJson.write(Fixtures.richScenario());
    String second = ScenarioJson.write(Fixtures.richScenario());

    assertThat(second.getBytes(StandardCharsets.UTF_8))
        .isEqualTo(first.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void write_anyScenario_usesTwoSpaceIndentNewlinesAndFormatVersionFirst() {
    String json = ScenarioJson.write(Fixtures.richScenario());

    assertThat(json)
        .startsWith("{\n  \"formatVersion\": 1,\n  \"id\": \"theater-2027\",\n")
        .endsWith("\n}\n")
        .doesNotContain("\r")
        .contains("\n    \"firstFiscalYear\": 2027,\n")
        .contains("\"programIds\": [],");
  }

  @Test
  void write_noYearAppropriation_writesExplicitNull() {
    String json = ScenarioJson.write(Fixtures.richScenario());

    assertThat(json)
        .contains(
            "\"fiscalYear\": 2028,\n          \"amount\": 3000000,\n"
                + "          \"yearsAvailable\": null\n");
  }

  @Test
  void write_anyScenario_writesFieldsInRecordComponentOrder() throws IOException {
    JsonNode root = JsonSupport.MAPPER.readTree(ScenarioJson.write(Fixtures.richScenario()));

    List<String> rootFields = new ArrayList<>(List.of("formatVersion"));
    rootFields.addAll(components(Scenario.class));
    assertThat(fieldNames(root)).isEqualTo(rootFields);
    assertThat(fieldNames(root.get("horizon"))).isEqualTo(components(PlanningHorizon.class));
    assertThat(fieldNames(root.get("policy"))).isEqualTo(components(Policy.class));
    assertThat(fieldNames(root.at("/endStates/0"))).isEqualTo(components(EndState.class));
    assertThat(fieldNames(root.at("/linesOfEffort/0"))).isEqualTo(components(LineOfEffort.class));
    assertThat(fieldNames(root.at("/objectives/0"))).isEqualTo(components(Objective.class));
    assertThat(fieldNames(root.at("/securityCooperationOffices/0")))
        .isEqualTo(components(SecurityCooperationOffice.class));
    assertThat(fieldNames(root.at("/partners/0"))).isEqualTo(components(Partner.class));
    assertThat(fieldNames(root.at("/gaps/0"))).isEqualTo(components(CapabilityGap.class));
    assertThat(fieldNames(root.at("/gaps/0/risk"))).isEqualTo(components(RiskAssessment.class));
    assertThat(fieldNames(root.at("/gaps/0/urgency"))).isEqualTo(components(Urgency.class));
    assertThat(fieldNames(root.at("/options/0"))).isEqualTo(components(SolutionOption.class));
    assertThat(fieldNames(root.at("/options/0/prerequisites/0")))
        .isEqualTo(components(Prerequisite.class));
    assertThat(fieldNames(root.at("/programs/0"))).isEqualTo(components(Program.class));
    assertThat(fieldNames(root.at("/programs/0/eligibility")))
        .isEqualTo(components(ProgramEligibility.class));
    assertThat(fieldNames(root.at("/programs/0/appropriations/0")))
        .isEqualTo(components(Appropriation.class));
    assertThat(fieldNames(root.at("/balanceRules/0"))).isEqualTo(components(BalanceRule.class));
    assertThat(fieldNames(root.at("/lockedDecisions/0")))
        .isEqualTo(components(LockedDecision.class));
  }

  @Test
  void write_nonFiniteNumber_refusesNamingTheField() {
    Scenario scenario =
        Fixtures.richScenario().toBuilder()
            .endState(new EndState("es-nan", "Undefined", Double.NaN))
            .build();

    assertThatThrownBy(() -> ScenarioJson.write(scenario))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.endStates[2].weight is NaN");
  }

  @Test
  void writePath_twice_writesIdenticalFileAndLeavesNoTemporaryFile(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("scenario.json");
    Files.writeString(file, "old content that is longer than nothing at all");

    ScenarioJson.write(Fixtures.richScenario(), file);
    byte[] first = Files.readAllBytes(file);
    ScenarioJson.write(Fixtures.richScenario(), file);

    assertThat(Files.readAllBytes(file)).isEqualTo(first);
    assertThat(new String(first, StandardCharsets.UTF_8))
        .isEqualTo(ScenarioJson.write(Fixtures.richScenario()));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    assertThat(ScenarioJson.read(file)).isEqualTo(Fixtures.richScenario());
  }

  @Test
  void writePath_missingDirectory_throwsUncheckedIoExceptionNamingTheFile(@TempDir Path dir) {
    Path file = dir.resolve("absent").resolve("scenario.json");

    assertThatThrownBy(() -> ScenarioJson.write(Fixtures.richScenario(), file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void read_minimalFile_fillsOptionalFieldsWithDefaults() throws URISyntaxException {
    Scenario scenario = ScenarioJson.read(resource("minimal-scenario.json"));

    assertThat(scenario.name()).isEqualTo("minimal");
    assertThat(scenario.policy()).isEqualTo(Policy.defaults());
    Partner partner = scenario.partners().get(0);
    assertThat(partner.desireByRole()).isEmpty();
    assertThat(partner.absorptiveCapacityPerYear()).isNull();
    assertThat(partner.sustainmentBudgetPerYear()).isNull();
    CapabilityGap gap = scenario.gaps().get(0);
    assertThat(gap.description()).isEmpty();
    assertThat(gap.thirdPartyCoverage()).isZero();
    assertThat(gap.sweetSpot()).isEmpty();
    SolutionOption option = scenario.options().get(0);
    assertThat(option)
        .isEqualTo(
            SolutionOption.builder("o", "g")
                .domain(DotmlpfDomain.TRAINING)
                .activityType(ActivityType.TRAINING)
                .closure(0.6)
                .costProfile(500_000L, 250_000L)
                .build());
    Program program = scenario.programs().get(0);
    assertThat(program.authority()).isEmpty();
    assertThat(program.maxSpanYears()).isNull();
    assertThat(program.eligibility()).isEqualTo(ProgramEligibility.UNRESTRICTED);
    assertThat(program.planningLeadTimeYears()).isZero();
    assertThat(program.perPartnerAnnualCap()).isNull();
    assertThat(program.appropriations()).containsExactly(new Appropriation(2027, 2_000_000L, 1));
    BalanceRule rule = scenario.balanceRules().get(0);
    assertThat(rule.description()).isEmpty();
    assertThat(Arrays.asList(rule.minimumShare(), rule.maximumShare())).containsOnlyNulls();
    assertThat(Arrays.asList(rule.minimumAmount(), rule.maximumAmount())).containsOnlyNulls();
    assertThat(scenario.lockedDecisions())
        .containsExactly(new LockedDecision("o", "jcet", 2027, ""));
  }

  @Test
  void read_partialPolicy_keepsDefaultsOfFieldsLeftOut() {
    ObjectNode root = richTree();
    ObjectNode policy = root.putObject("policy");
    policy.put("minimumDesire", 0.5);

    Scenario scenario = read(root);

    assertThat(scenario.policy())
        .isEqualTo(Policy.defaults().toBuilder().minimumDesire(0.5).build());
  }

  @Test
  void read_explicitNullInOptionalReferenceFields_takesDefaults() {
    ObjectNode root = richTree();
    root.putNull("name");
    root.putNull("policy");
    object(root, "/options/0").putNull("tags");
    object(root, "/options/0").putNull("name");
    object(root, "/programs/0").putNull("eligibility");

    Scenario scenario = read(root);

    assertThat(scenario.name()).isEqualTo("theater-2027");
    assertThat(scenario.policy()).isEqualTo(Policy.defaults());
    assertThat(scenario.options().get(0).tags()).isEmpty();
    assertThat(scenario.options().get(0).name()).isEmpty();
    assertThat(scenario.programs().get(0).eligibility()).isEqualTo(ProgramEligibility.UNRESTRICTED);
  }

  @Test
  void read_inputStream_readsWithoutClosingIt() {
    byte[] bytes = ScenarioJson.write(Fixtures.richScenario()).getBytes(StandardCharsets.UTF_8);
    boolean[] closed = {false};
    InputStream in =
        new FilterInputStream(new ByteArrayInputStream(bytes)) {
          @Override
          public void close() throws IOException {
            closed[0] = true;
            super.close();
          }
        };

    Scenario scenario = ScenarioJson.read(in, "stdin");

    assertThat(scenario).isEqualTo(Fixtures.richScenario());
    assertThat(closed[0]).isFalse();
  }

  @Test
  void read_fileWithUtf8ByteOrderMark_readsIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("from-notepad.json");
    byte[] json = ScenarioJson.write(Fixtures.richScenario()).getBytes(StandardCharsets.UTF_8);
    byte[] withMark = new byte[json.length + 3];
    withMark[0] = (byte) 0xEF;
    withMark[1] = (byte) 0xBB;
    withMark[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withMark, 3, json.length);
    Files.write(file, withMark);

    assertThat(ScenarioJson.read(file)).isEqualTo(Fixtures.richScenario());
  }

  @Test
  void read_unknownField_reportsLocationFieldAndClosestName() {
    ObjectNode root = richTree();
    object(root, "/partners/0").put("propensty", 0.8);

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                BANDARIA, "propensty", "Unknown field 'propensty'.", "did you mean 'propensity'?"));
  }

  @Test
  void read_repeatedSweetSpotEntry_reportsItWhereItStands() {
    ObjectNode root = richTree();
    object(root, "/gaps/1").putArray("sweetSpot").add("DOD").add("DOD").add("STATE");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $.gaps[1] (gap 'g-ct')",
                "sweetSpot[1]",
                "DOD is listed more than once.",
                "list each entry once."));
  }

  @Test
  void read_unknownFieldFarFromAnyName_listsKnownFields() {
    ObjectNode root = richTree();
    object(root, "/horizon").put("calendar", "gregorian");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $.horizon",
                "calendar",
                "Unknown field 'calendar'.",
                "the fields of a horizon are firstFiscalYear, lastFiscalYear."));
  }

  @Test
  void read_missingRequiredField_reportsIt() {
    ObjectNode root = richTree();
    object(root, "/partners/0").remove("scoId");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                BANDARIA,
                "scoId",
                "Required field 'scoId' is missing.",
                "add \"scoId\" with a string."));
  }

  @Test
  void read_nullRequiredField_reportsIt() {
    ObjectNode root = richTree();
    object(root, "/gaps/1").putNull("urgency");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $.gaps[1] (gap 'g-ct')",
                "urgency",
                "Required field 'urgency' is null.",
                "write an urgency object."));
  }

  @Test
  void read_nullForOptionalNumber_reportsIt() {
    ObjectNode root = richTree();
    object(root, "/options/0").putNull("providingRisk");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $.options[0] (option 'o-radar')",
                "providingRisk",
                "Expected a whole number but found null.",
                "leave the field out for the default, 1."));
  }

  @Test
  void read_quotedNumber_reportsWrongTypeWithHint() {
    ObjectNode root = richTree();
    object(root, "/partners/0").put("propensity", "0.8");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                BANDARIA,
                "propensity",
                "Expected a number but found the string \"0.8\".",
                "remove the quotes: 0.8."));
  }

  @Test
  void read_numberWhereStringExpected_reportsWrongType() {
    ObjectNode root = richTree();
    object(root, "/partners/0").put("scoId", 12);

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                BANDARIA,
                "scoId",
                "Expected a string but found the number 12.",
                "put it in quotes: \"12\"."));
  }

  @Test
  void read_objectWhereArrayExpected_reportsWrongType() {
    ObjectNode root = richTree();
    root.putObject("partners");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $", "partners", "Expected an array but found an object.", ""));
  }

  @Test
  void read_elementNotAnObject_reportsItsPath() {
    ObjectNode root = richTree();
    ((ArrayNode) root.get("gaps")).add("g-extra");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $.gaps[2]",
                "",
                "Expected a gap object but found the string \"g-extra\".",
                ""));
  }

  @Test
  void read_fractionalYear_reportsWrongType() {
    ObjectNode root = richTree();
    object(root, "/objectives/0").put("deadlineFiscalYear", 2030.5);

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $.objectives[0] (objective 'imo-1')",
                "deadlineFiscalYear",
                "Expected a whole number but found the number 2030.5.",
                ""));
  }

  @Test
  void read_misspeltEnumValue_hintsClosestName() {
    ObjectNode root = richTree();
    object(root, "/partners/0").put("combatantCommand", "INDOPACM");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                BANDARIA,
                "combatantCommand",
                "Unknown value \"INDOPACM\".",
                "did you mean \"INDOPACOM\"?"));
  }

  @Test
  void read_lowerCaseEnumValue_hintsUpperCaseName() {
    ObjectNode root = richTree();
    ((ArrayNode) root.at("/gaps/0/sweetSpot")).set(0, "dod");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $.gaps[0] (gap 'g-mda')",
                "sweetSpot[0]",
                "Unknown value \"dod\".",
                "did you mean \"DOD\"?"));
  }

  @Test
  void read_unrelatedEnumValue_listsAllowedNames() {
    ObjectNode root = richTree();
    object(root, "/partners/0").put("vettingStatus", "PENDING-REVIEW");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                BANDARIA,
                "vettingStatus",
                "Unknown value \"PENDING-REVIEW\".",
                "use one of CLEAR, RESTRICTED, FAILED."));
  }

  @Test
  void read_unknownEnumMapKey_reportsTheKey() {
    ObjectNode root = richTree();
    object(root, "/policy/roleTypeWeights").put("SUPPORT", 0.5);

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $.policy",
                "roleTypeWeights['SUPPORT']",
                "Unknown value \"SUPPORT\".",
                "did you mean \"SUPPORTING\"?"));
  }

  @Test
  void read_tierKeyNotANumber_reportsTheKey() {
    ObjectNode root = richTree();
    object(root, "/policy/tierWeights").put("one", 4.0);

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $.policy",
                "tierWeights['one']",
                "The key \"one\" is not a whole number.",
                "write the number in quotes as the key, e.g. \"1\"."));
  }

  @Test
  void read_tierKeyBeyondIntRange_reportsTheKey() {
    ObjectNode root = richTree();
    object(root, "/policy/tierWeights").put("3000000000", 4.0);

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $.policy",
                "tierWeights['3000000000']",
                "The key 3000000000 is out of range.",
                "whole numbers here lie between -2147483648 and 2147483647."));
  }

  @Test
  void read_fractionalDollars_reportsWholeDollarRule() {
    String json = ScenarioJson.write(Fixtures.richScenario()).replace("3000000,", "1.5,");

    assertThat(problems(json))
        .containsExactly(
            new Problem(
                FMF_NO_YEAR,
                "amount",
                "Money amount 1.5 is not a whole number: money is in whole dollars.",
                "round it to whole dollars: 2."));
  }

  @Test
  void read_dollarsWithExponent_asksForPlainInteger() {
    String json = ScenarioJson.write(Fixtures.richScenario()).replace("3000000,", "3e6,");

    assertThat(problems(json))
        .containsExactly(
            new Problem(
                FMF_NO_YEAR,
                "amount",
                "Money amount 3000000.0 is written with a fraction or exponent: money is in whole"
                    + " dollars.",
                "write 3000000."));
  }

  @Test
  void read_thirtyDigitDollars_reportsBeyondLongRange() {
    String json =
        ScenarioJson.write(Fixtures.richScenario())
            .replace("3000000,", "123456789012345678901234567890,");

    assertThat(problems(json))
        .containsExactly(
            new Problem(
                FMF_NO_YEAR,
                "amount",
                "Money amount 123456789012345678901234567890 is beyond the largest amount,"
                    + " 9223372036854775807: money is in whole dollars.",
                "check for extra digits."));
  }

  @Test
  void read_spreadsheetStyleDollars_hintsPlainInteger() {
    ObjectNode root = richTree();
    object(root, "/partners/0").put("absorptiveCapacityPerYear", "$25,000,000");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                BANDARIA,
                "absorptiveCapacityPerYear",
                "Expected whole dollars but found the string \"$25,000,000\".",
                "write 25000000 without quotes, commas or currency sign."));
  }

  @Test
  void read_dollarsInCostProfile_reportsTheElement() {
    ObjectNode root = richTree();
    ((ArrayNode) root.at("/options/0/costProfile")).set(2, 3_500_000.25);

    assertThat(problems(root))
        .extracting(Problem::location, Problem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "scenario.json $.options[0] (option 'o-radar')", "costProfile[2]"));
  }

  @Test
  void read_numberBeyondDoubleRange_reportsIt() {
    String json =
        ScenarioJson.write(Fixtures.richScenario())
            .replace("\"propensity\": 0.8", "\"propensity\": 1e400");

    assertThat(problems(json))
        .containsExactly(
            new Problem(
                BANDARIA,
                "propensity",
                "The number is too large: it exceeds 1.7976931348623157E308.",
                "check for extra digits or a wrong exponent."));
  }

  @Test
  void read_missingYearsAvailable_isAProblemNotNoYearMoney() {
    ObjectNode root = richTree();
    object(root, "/programs/0/appropriations/2").remove("yearsAvailable");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                FMF_NO_YEAR,
                "yearsAvailable",
                "Required field 'yearsAvailable' is missing.",
                "add \"yearsAvailable\" with a whole number, or null for no-year money (available"
                    + " until expended)."));
  }

  @Test
  void read_nullYearsAvailable_isNoYearMoney() {
    Scenario scenario = read(richTree());

    assertThat(scenario.programs().get(0).appropriations().get(2).noYear()).isTrue();
  }

  @Test
  void read_missingFormatVersion_reportsItWithOtherProblems() {
    ObjectNode root = richTree();
    root.remove("formatVersion");
    root.remove("id");

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $",
                "formatVersion",
                "The formatVersion is missing.",
                "add \"formatVersion\": 1 as the first field; this release reads formatVersion 1."),
            new Problem(
                "scenario.json $",
                "id",
                "Required field 'id' is missing.",
                "add \"id\" with a string."));
  }

  @Test
  void read_otherFormatVersion_reportsOnlyTheVersion() {
    ObjectNode root = richTree();
    root.put("formatVersion", 2);
    root.put("newField", true);

    assertThat(problems(root))
        .containsExactly(
            new Problem(
                "scenario.json $",
                "formatVersion",
                "The formatVersion 2 is not supported.",
                "this release reads formatVersion 1."));
  }

  @Test
  void read_manyProblems_reportsAllInOneException() throws URISyntaxException {
    ScenarioValidationException failure =
        failure(() -> ScenarioJson.read(resource("many-problems.json")));

    String file = resource("many-problems.json").toString();
    String bandaria = file + " $.partners[0] (partner 'p-bandaria')";
    String corvia = file + " $.partners[1] (partner 'p-corvia')";
    String fmf = " (program 'fmf')";
    assertThat(failure.problems())
        .extracting(Problem::location, Problem::field, Problem::hint)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(file + " $", "partner", "did you mean 'partners'?"),
            org.assertj.core.groups.Tuple.tuple(
                file + " $.horizon", "lastFiscalYear", "remove the quotes: 2031."),
            org.assertj.core.groups.Tuple.tuple(
                bandaria, "propensty", "did you mean 'propensity'?"),
            org.assertj.core.groups.Tuple.tuple(
                bandaria, "combatantCommand", "did you mean \"INDOPACOM\"?"),
            org.assertj.core.groups.Tuple.tuple(
                bandaria, "propensity", "add \"propensity\" with a number."),
            org.assertj.core.groups.Tuple.tuple(
                bandaria,
                "absorptiveCapacityPerYear",
                "write 25000000 without quotes, commas or currency sign."),
            org.assertj.core.groups.Tuple.tuple(
                corvia, "vettingStatus", "use one of CLEAR, RESTRICTED, FAILED."),
            org.assertj.core.groups.Tuple.tuple(corvia, "scoId", "add \"scoId\" with a string."),
            org.assertj.core.groups.Tuple.tuple(
                file + " $.programs[0].appropriations[0]" + fmf,
                "amount",
                "round it to whole dollars: 2."),
            org.assertj.core.groups.Tuple.tuple(
                file + " $.programs[0].appropriations[1]" + fmf,
                "amount",
                "check for extra digits."),
            org.assertj.core.groups.Tuple.tuple(
                file + " $.programs[0].appropriations[1]" + fmf,
                "yearsAvailable",
                "add \"yearsAvailable\" with a whole number, or null for no-year money (available"
                    + " until expended)."));
    assertThat(failure.getMessage()).startsWith(file + " has 11 problems:\n");
  }

  @Test
  void read_malformedJson_reportsLineAndColumn() {
    String json =
        """
        {
          "formatVersion": 1,
          "id": "s"
          "name": "missing comma above"
        }
        """;

    assertThat(problems(json))
        .containsExactly(
            new Problem(
                "scenario.json line 4, column 3",
                "",
                "Unexpected character ('\"' (code 34)): was expecting comma to separate Object"
                    + " entries.",
                ""));
  }

  @Test
  void read_duplicateKey_reportsLineAndColumn() {
    String json =
        """
        {
          "formatVersion": 1,
          "id": "s",
          "id": "t"
        }
        """;

    assertThat(problems(json))
        .containsExactly(
            new Problem(
                "scenario.json line 4, column 7",
                "",
                "Duplicate field 'id'.",
                "remove one of the two: a field may appear only once in an object."));
  }

  @Test
  void read_nan_isASyntaxError() {
    String json =
        """
        {
          "formatVersion": 1,
          "id": "s",
          "horizon": {"firstFiscalYear": 2027, "lastFiscalYear": 2029},
          "endStates": [{"id": "e", "name": "E", "weight": NaN}]
        }
        """;

    assertThat(problems(json))
        .containsExactly(
            new Problem(
                "scenario.json line 5, column 55",
                "",
                "Non-standard token 'NaN'.",
                "JSON has no NaN or Infinity: write a finite number."));
  }

  @Test
  void read_nestingDepth200_isRefusedWithLocatedProblem() {
    String json =
        "{\"formatVersion\": 1, \"id\": \"s\", \"x\": " + "[".repeat(200) + "]".repeat(200) + "}";

    List<Problem> problems = problems(json);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).location()).isEqualTo("scenario.json line 1, column 102");
    assertThat(problems.get(0).message())
        .isEqualTo("Document nesting depth (65) exceeds the maximum allowed (64).");
    assertThat(problems.get(0).hint()).startsWith("inputs are limited to a nesting depth of 64");
  }

  @Test
  void read_numberOf101Digits_isRefusedWithLocatedProblem() {
    String json = "{\"formatVersion\": 1, \"id\": \"s\", \"x\": " + "9".repeat(101) + "}";

    List<Problem> problems = problems(json);

    assertThat(problems)
        .extracting(Problem::location, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "scenario.json line 1, column 139",
                "Number value length (101) exceeds the maximum allowed (100)."));
  }

  @Test
  void read_stringBeyondMillionCharacters_isRefusedWithLocatedProblem() {
    String json = "{\"formatVersion\": 1, \"id\": \"" + "x".repeat(1_000_001) + "\"}";

    List<Problem> problems = problems(json);

    assertThat(problems)
        .extracting(Problem::message)
        .containsExactly("String value length (1000001) exceeds the maximum allowed (1000000).");
    assertThat(problems.get(0).location()).startsWith("scenario.json line 1, column ");
  }

  @Test
  void read_emptyInput_reportsIt() {
    assertThat(problems("  \n"))
        .extracting(Problem::message)
        .containsExactly("The input is empty.");
  }

  @Test
  void read_contentAfterTheObject_reportsIt() {
    String json = ScenarioJson.write(Fixtures.richScenario()) + "{}";

    assertThat(problems(json))
        .extracting(Problem::message)
        .containsExactly("Unexpected content after the end of the top-level JSON value.");
  }

  @Test
  void read_arrayAtTopLevel_reportsIt() {
    assertThat(problems("[]"))
        .containsExactly(
            new Problem(
                "scenario.json $",
                "",
                "Expected a scenario object but found an array.",
                "a scenario file holds one JSON object that starts with {\"formatVersion\": 1,"
                    + " …}."));
  }

  @Test
  void read_missingFile_throwsValidationExceptionNamingThePath(@TempDir Path dir) {
    Path file = dir.resolve("nowhere.json");

    ScenarioValidationException failure = failure(() -> ScenarioJson.read(file));

    assertThat(failure.problems())
        .extracting(Problem::location, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(file.toString(), "The file does not exist."));
  }

  @Test
  void readValid_negativeCost_locatesTheProblemByFileAndJsonPath(@TempDir Path dir)
      throws IOException {
    ObjectNode root = richTree();
    ArrayNode profile = (ArrayNode) root.at("/options/1/costProfile");
    profile.set(0, -3_000_000L);
    String optionId = root.at("/options/1/id").asText();
    Path file = dir.resolve("negative.json");
    Files.writeString(file, root.toString());

    ScenarioValidationException failure = failure(() -> ScenarioJson.readValid(file));

    assertThat(failure.problems())
        .filteredOn(p -> p.field().equals("costProfile[0]"))
        .extracting(Problem::toString)
        .containsExactly(
            file
                + " $.options[1] (SolutionOption '"
                + optionId
                + "'), costProfile[0]: must be ≥ 0 dollars, but was -3000000. Maybe money is in"
                + " whole dollars and never negative; use 0 for a year without cost.");
    // The rich fixture breaks other rules on purpose; each is located in the file too.
    assertThat(failure.problems())
        .allSatisfy(p -> assertThat(p.location()).startsWith(file + " $."));
  }

  @Test
  void readValid_appropriationAndPolicy_locatedByJsonPath(@TempDir Path dir) throws IOException {
    ObjectNode root = richTree();
    ((ObjectNode) root.at("/programs/0/appropriations/0")).put("amount", -5);
    ((ObjectNode) root.at("/policy")).put("minimumDesire", 2.0);
    Path file = dir.resolve("bad.json");
    Files.writeString(file, root.toString());

    ScenarioValidationException failure = failure(() -> ScenarioJson.readValid(file));

    assertThat(failure.problems())
        .extracting(Problem::location)
        .anyMatch(l -> l.startsWith(file + " $.programs[0].appropriations[0] (Program '"))
        .anyMatch(l -> l.equals(file + " $.policy (Policy)"));
  }

  @Test
  void read_truncatedFile_saysItLooksTruncated() {
    String whole = ScenarioJson.write(Fixtures.richScenario());
    String cut = whole.substring(0, whole.length() / 2);

    List<Problem> problems = problems(cut);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).location()).startsWith(SOURCE + " line ");
    assertThat(problems.get(0).toString())
        .contains("The input ends in the middle of the JSON: it looks truncated (")
        .contains("Maybe check that the whole file was saved or copied");
  }

  @Test
  void read_invalidUtf8_reportsLocatedProblem() {
    byte[] bytes = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}'};

    ScenarioValidationException failure =
        failure(() -> ScenarioJson.read(new ByteArrayInputStream(bytes), "latin1.json"));

    assertThat(failure.problems()).hasSize(1);
    assertThat(failure.problems().get(0).location()).startsWith("latin1.json line 1, column ");
  }

  private static ObjectNode richTree() {
    try {
      return (ObjectNode) JsonSupport.MAPPER.readTree(ScenarioJson.write(Fixtures.richScenario()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode object(JsonNode root, String pointer) {
    return (ObjectNode) root.at(pointer);
  }

  private static Scenario read(JsonNode root) {
    return ScenarioJson.read(root.toString(), SOURCE);
  }

  private static List<Problem> problems(JsonNode root) {
    return problems(root.toString());
  }

  private static List<Problem> problems(String json) {
    return failure(() -> ScenarioJson.read(json, SOURCE)).problems();
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

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ScenarioJsonTest.class.getResource(name).toURI());
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
