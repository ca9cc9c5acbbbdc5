package org.scplan.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.scplan.testing.InputReaders;

/**
 * Fuzzes the input readers with Jazzer: any input must be accepted or refused with the library's
 * own exception and located problems; any other exception, a hang or an out-of-memory is a finding.
 *
 * <p>The default test run replays the committed corpus under {@code ReaderFuzzTestInputs/<method>/}
 * (regression mode). {@code ./mvnw -B -ntp test -Pfuzz -pl scplan-core -am} fuzzes one target (by
 * default {@code scenarioJson}; choose with {@code -Dscplan.fuzz.target=ReaderFuzzTest#planJson})
 * for at most 5 minutes; a finding is written to {@code ReaderFuzzTestInputs/<method>/}, where it
 * becomes a regression input once fixed.
 */
class ReaderFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void scenarioJson(byte[] input) {
    InputReaders.SCENARIO_JSON.readOrRefuseCleanly(input, "fuzz.json");
  }

  @FuzzTest(maxDuration = "5m")
  void planJson(byte[] input) {
    InputReaders.PLAN_JSON.readOrRefuseCleanly(input, "fuzz-plan.json");
  }
}
