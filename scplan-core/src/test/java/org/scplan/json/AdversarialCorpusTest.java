package org.scplan.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scplan.testing.InputReaders;
import org.scplan.validation.ScenarioValidationException;

/**
 * Replays the adversarial corpus (written by {@code src/test/fuzz/make_corpus.py}): every document
 * named {@code valid-*} is accepted, every other one is refused with {@link
 * ScenarioValidationException} and located problems, never with another exception type and never
 * out of memory.
 */
class AdversarialCorpusTest {
  private static final List<String> REFUSED = new ArrayList<>();

  static Stream<Arguments> documents() throws IOException, URISyntaxException {
    List<Arguments> documents = new ArrayList<>();
    for (InputReaders reader : InputReaders.values()) {
      try (Stream<Path> files = Files.list(directory(reader))) {
        files.sorted().forEach(file -> documents.add(Arguments.of(reader, file.getFileName())));
      }
    }
    return documents.stream();
  }

  @AfterAll
  static void summarise() {
    System.out.printf(
        "Adversarial corpus: %d documents refused with located ScenarioValidationExceptions%n",
        REFUSED.size());
  }

  @Test
  void corpus_isLargeEnough() throws Exception {
    assertThat(documents().filter(d -> !d.get()[1].toString().startsWith("valid-")).count())
        .isGreaterThanOrEqualTo(100);
  }

  @Test
  void read_overlongUtf8_isRefusedAtItsLineAndColumn() {
    // "Tiny sc" + C0 AF + "enario 11": Jackson alone would read the overlong pair as "/".
    byte[] bytes = "{\n  \"name\": \"Tiny sc\u00ffenario\"\n}".getBytes(StandardCharsets.UTF_8);
    int marker = indexOf(bytes, (byte) 0xC3);
    bytes[marker] = (byte) 0xC0;
    bytes[marker + 1] = (byte) 0xAF;

    ScenarioValidationException refusal =
        InputReaders.SCENARIO_JSON.readOrRefuseCleanly(bytes, "overlong.json");

    assertThat(refusal).isNotNull();
    assertThat(refusal.problems()).hasSize(1);
    assertThat(refusal.problems().get(0).location()).isEqualTo("overlong.json line 2, column 19");
    assertThat(refusal.problems().get(0).message()).contains("0xC0");
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    throw new IllegalArgumentException("no such byte");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("documents")
  void read_adversarialDocument_isRefusedWithLocatedProblems(InputReaders reader, Path name)
      throws Exception {
    Path file = directory(reader).resolve(name);
    byte[] bytes = Files.readAllBytes(file);
    String sourceName = name.toString();
    ScenarioValidationException refusal = reader.readOrRefuseCleanly(bytes, sourceName);
    if (sourceName.startsWith("valid-")) {
      assertThat(refusal).as("a valid document is accepted").isNull();
      return;
    }
    assertThat(refusal).as("refused with the library's exception").isNotNull();
    REFUSED.add(reader + "/" + sourceName);
  }

  private static Path directory(InputReaders reader) throws URISyntaxException {
    return Path.of(
        AdversarialCorpusTest.class
            .getResource("ReaderFuzzTestInputs/" + reader.corpusDirectory())
            .toURI());
  }
}
