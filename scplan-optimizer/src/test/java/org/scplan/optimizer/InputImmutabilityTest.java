package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.json.ScenarioJson;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.testing.RandomScenarios;

/** The scenario object and its file are unchanged by allocation, greedy and checking. */
class InputImmutabilityTest {
  @TempDir Path directory;

  @Test
  void allocateGreedyAndCheck_scenarioFromFile_leaveObjectAndFileUnchanged() throws Exception {
    Path file = directory.resolve("scenario.json");
    ScenarioJson.write(RandomScenarios.tiny(21), file);
    byte[] bytes = Files.readAllBytes(file);
    FileTime modified = Files.getLastModifiedTime(file);
    Scenario scenario = ScenarioJson.read(file);
    String asRead = ScenarioJson.write(scenario);

    Plan optimized =
        Allocator.create(
                AllocatorConfig.builder().timeLimit(Duration.ofSeconds(20)).workers(1).build())
            .allocate(scenario);
    Plan greedy = GreedyAllocator.allocate(scenario);
    PlanChecker.check(scenario, optimized);
    PlanChecker.verify(scenario, greedy);

    assertThat(ScenarioJson.write(scenario)).isEqualTo(asRead);
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
  }

  @Test
  void builder_listChangedAfterBuild_scenarioKeepsItsCopy() {
    Scenario original = RandomScenarios.tiny(22);
    List<SolutionOption> options = new ArrayList<>(original.options());
    Scenario built = original.toBuilder().options(options).build();

    options.clear();

    assertThat(built.options()).isEqualTo(original.options());
    assertThat(built).isEqualTo(original);
  }
}
