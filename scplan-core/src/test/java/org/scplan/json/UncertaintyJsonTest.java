package org.scplan.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.scplan.uncertainty.Distribution;
import org.scplan.uncertainty.Uncertainty;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/**
 * Uncertainty files: written and read back unchanged, strict with every problem located at once;
 * the examples validate against the schema (generated from the types, see {@code JsonSchemaTest})
 * and the schema rejects what the reader rejects.
 */
class UncertaintyJsonTest {
  private static final Path SCHEMA = Path.of("..", "schema", "uncertainty.schema.json");
  private static final Path EXAMPLES = Path.of("..", "examples");

  private static JsonSchema schema() throws IOException {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(SCHEMA));
  }

  private static List<Problem> problems(String json) {
    return catchThrowableOfType(
            ScenarioValidationException.class, () -> UncertaintyJson.read(json, "u.json"))
        .problems();
  }

  @Test
  void write_thenRead_givesTheSameUncertainty() {
    Uncertainty custom =
        new Uncertainty(
            new Distribution.Triangular(0.9, 1.1, 1.6),
            new Distribution.Off(),
            new Distribution.Uniform(-0.1, 0.1),
            new Distribution.BernoulliUniform(0.5, 0.1, 0.2));
    for (Uncertainty u : List.of(Uncertainty.defaults(), Uncertainty.none(), custom)) {
      String text = UncertaintyJson.write(u);
      assertThat(UncertaintyJson.read(text, "written")).isEqualTo(u);
      assertThat(UncertaintyJson.write(UncertaintyJson.read(text, "again"))).isEqualTo(text);
    }
  }

  @Test
  void examples_readAndValidateAgainstTheSchema() throws IOException {
    JsonSchema schema = schema();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> examples = Files.list(EXAMPLES)) {
      examples
          .filter(f -> f.getFileName().toString().startsWith("uncertainty-"))
          .sorted()
          .forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(2);
    for (Path file : files) {
      assertThat(schema.validate(JsonSupport.MAPPER.readTree(file.toFile())))
          .as(file.toString())
          .isEmpty();
      UncertaintyJson.read(file);
    }
    assertThat(UncertaintyJson.read(EXAMPLES.resolve("uncertainty-default.json")))
        .isEqualTo(Uncertainty.defaults());
  }

  @Test
  void read_reportsEveryProblemAtOnce_locatedByInputAndField() {
    List<Problem> problems =
        problems(
            """
            {"formatVersion": 1,
             "costOverrun": {"distribution": "logNormal", "median": -1, "logSd": 0.1},
             "riskScore": {"distribution": "stp", "probability": 0.4},
             "propensity": {"distribution": "normal", "mean": 0, "sd": 0.05, "sigma": 1},
             "appropriationCuts": {"distribution": "off"}}
            """);
    assertThat(problems)
        .extracting(p -> p.location() + " | " + p.field())
        .containsExactlyInAnyOrder(
            "u.json $ | appropriationCuts",
            "u.json $.costOverrun (logNormal) | median",
            "u.json $.riskScore | distribution",
            "u.json $.propensity (normal) | sigma",
            "u.json $ | appropriationCut");
    assertThat(problems)
        .filteredOn(p -> p.field().equals("distribution"))
        .singleElement()
        .satisfies(p -> assertThat(p.hint()).contains("\"step\""));
    assertThat(problems)
        .filteredOn(p -> p.field().equals("median"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("costOverrun", "> 0", "-1"));
  }

  @Test
  void read_rejectsAKindTheInputDoesNotAccept_andMissingParameters() {
    List<Problem> problems =
        problems(
            """
            {"formatVersion": 1,
             "costOverrun": {"distribution": "step", "probability": 0.4},
             "riskScore": {"distribution": "off"},
             "propensity": {"distribution": "uniform", "minimum": -0.1},
             "appropriationCut": {"distribution": "off"}}
            """);
    assertThat(problems)
        .extracting(p -> p.location() + " | " + p.field())
        .containsExactlyInAnyOrder(
            "u.json $.costOverrun | distribution", "u.json $.propensity (uniform) | maximum");
    assertThat(problems.get(0).hint()).contains("logNormal", "triangular", "uniform", "off");
  }

  @Test
  void read_requiresTheFormatVersion() {
    assertThat(problems("{\"costOverrun\": {\"distribution\": \"off\"}}"))
        .extracting(Problem::field)
        .contains("formatVersion");
  }

  @Test
  void schema_rejectsWhatTheReaderRejects() throws IOException {
    JsonSchema schema = schema();
    String wrongKind =
        """
        {"formatVersion": 1, "costOverrun": {"distribution": "step", "probability": 0.4},
         "riskScore": {"distribution": "off"}, "propensity": {"distribution": "off"},
         "appropriationCut": {"distribution": "off"}}
        """;
    String missingInput =
        """
        {"formatVersion": 1, "costOverrun": {"distribution": "off"},
         "riskScore": {"distribution": "off"}, "propensity": {"distribution": "off"}}
        """;
    for (String json : List.of(wrongKind, missingInput)) {
      assertThat(schema.validate(JsonSupport.MAPPER.readTree(json))).isNotEmpty();
      assertThat(problems(json)).isNotEmpty();
    }
  }
}
