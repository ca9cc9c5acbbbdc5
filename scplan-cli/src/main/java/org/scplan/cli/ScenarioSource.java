package org.scplan.cli;

import java.nio.file.Path;
import org.scplan.examples.NotionalTheater;
import org.scplan.json.ScenarioJson;
import org.scplan.scenario.Scenario;

/** Where a command's scenario comes from: a JSON file, or the embedded notional theater. */
final class ScenarioSource {
  private ScenarioSource() {}

  /** The scenario in {@code file}, or the embedded notional theater when {@code file} is null. */
  static Scenario load(Path file) {
    return file == null ? NotionalTheater.scenario() : ScenarioJson.read(file);
  }

  /** How to name the source in messages. */
  static String describe(Path file) {
    return file == null ? "the embedded notional theater" : file.toString();
  }
}
