package org.scplan.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scplan.json.ScenarioJson;

/**
 * {@code examples/notional-theater.json} is the embedded theater written out for planners to start
 * from; it must never drift from the code. Regenerate it with {@code mvn -B -ntp -pl scplan-core
 * test -Dtest=NotionalTheaterFileTest -Dscplan.regenerate=true}.
 */
class NotionalTheaterFileTest {
  private static final Path FILE = Path.of("..", "examples", "notional-theater.json");

  @Test
  void exampleFile_equalsEmbeddedTheater() throws Exception {
    String expected = ScenarioJson.write(NotionalTheater.scenario());
    if (Boolean.getBoolean("scplan.regenerate")) {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, expected);
    }
    assertThat(Files.readString(FILE)).isEqualTo(expected);
    assertThat(ScenarioJson.read(FILE)).isEqualTo(NotionalTheater.scenario());
  }
}
