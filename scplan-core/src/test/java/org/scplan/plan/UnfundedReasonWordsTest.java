package org.scplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.scenario.Scenario;

/** The reasons a planner reads name options, groups and programs by name, never by id. */
class UnfundedReasonWordsTest {
  @Test
  void reasons_theater_carryNoIdWhereANameExists() {
    Scenario theater = NotionalTheater.scenario();
    Plan plan = GreedyAllocator.allocate(theater);
    Set<String> ids = new TreeSet<>();
    theater.options().forEach(o -> ids.add(o.id()));
    theater.options().stream()
        .map(o -> o.exclusionGroup())
        .filter(Objects::nonNull)
        .forEach(ids::add);
    theater.programs().forEach(p -> ids.add(p.id()));
    theater.gaps().forEach(g -> ids.add(g.id()));

    assertThat(plan.unfundedOptions()).isNotEmpty();
    assertThat(plan.unfundedOptions())
        .allSatisfy(
            u ->
                assertThat(ids)
                    .as(u.reason().detail())
                    .noneMatch(
                        id ->
                            Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])")
                                .matcher(u.reason().detail())
                                .find()));
    assertThat(plan.unfundedOptions())
        .allSatisfy(u -> assertThat(u.reason().detail()).doesNotContainPattern("\\b0 FYs? "));
  }
}
