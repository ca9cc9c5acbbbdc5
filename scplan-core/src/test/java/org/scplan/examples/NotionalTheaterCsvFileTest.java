package org.scplan.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.csv.ScenarioCsv;

/**
 * {@code examples/notional-theater-csv/} is the embedded theater as a CSV workbook for planners to
 * start from; it must never drift from the code. Regenerate it with {@code mvn -B -ntp -pl
 * scplan-core test -Dtest=NotionalTheaterCsvFileTest -Dscplan.regenerate=true}.
 */
class NotionalTheaterCsvFileTest {
  private static final Path FOLDER = Path.of("..", "examples", "notional-theater-csv");

  @TempDir Path directory;

  @Test
  void exampleFolder_equalsEmbeddedTheater() throws Exception {
    if (Boolean.getBoolean("scplan.regenerate")) {
      ScenarioCsv.write(NotionalTheater.scenario(), FOLDER);
    }
    Path expected = directory.resolve("expected");
    ScenarioCsv.write(NotionalTheater.scenario(), expected);

    try (Stream<Path> files = Files.list(FOLDER)) {
      assertThat(
              files
                  .map(file -> file.getFileName().toString())
                  .filter(name -> name.endsWith(".csv"))
                  .sorted()
                  .toList())
          .containsExactlyElementsOf(ScenarioCsv.fileNames().stream().sorted().toList());
    }
    for (String name : ScenarioCsv.fileNames()) {
      assertThat(Files.readString(FOLDER.resolve(name)))
          .as(name)
          .isEqualTo(Files.readString(expected.resolve(name)));
    }
    assertThat(ScenarioCsv.read(FOLDER)).isEqualTo(NotionalTheater.scenario());
  }
}
