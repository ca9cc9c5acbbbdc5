package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * scplan-bom has no parent (a BOM would otherwise pass on the parent's whole dependencyManagement),
 * so its version and its OR-Tools and Spark versions are written twice; this keeps them equal to
 * the parent's.
 */
class BomTest {

  @Test
  void bom_pinsModulesAndEveryOrToolsArtifact_atTheParentsVersions() {
    Element parent = Poms.read(Poms.root().resolve("pom.xml"));
    Element bom = Poms.read(Poms.root().resolve("scplan-bom/pom.xml"));

    assertThat(Poms.text(bom, "packaging")).isEqualTo("pom");
    assertThat(Poms.text(bom, "version")).isEqualTo(Poms.text(parent, "version"));
    assertThat(Poms.property(bom, "ortools.version"))
        .isEqualTo(Poms.property(parent, "ortools.version"));
    assertThat(Poms.property(bom, "spark.version"))
        .isEqualTo(Poms.property(parent, "spark.version"));
    assertThat(Poms.property(bom, "scala.binary.version"))
        .isEqualTo(Poms.property(parent, "scala.binary.version"));
    Map<String, String> managed =
        Poms.managedDependencies(bom).stream()
            .collect(Collectors.toMap(Poms.Dependency::key, Poms.Dependency::version));
    List<String> expected =
        List.of(
            "org.scplan:scplan-core=${project.version}",
            "org.scplan:scplan-optimizer=${project.version}",
            "org.scplan:scplan-cli=${project.version}",
            "org.scplan:scplan-spark=${project.version}",
            "org.apache.spark:spark-sql_${scala.binary.version}=${spark.version}",
            "com.google.ortools:ortools-java=${ortools.version}",
            "com.google.ortools:ortools-linux-x86-64=${ortools.version}",
            "com.google.ortools:ortools-linux-aarch64=${ortools.version}",
            "com.google.ortools:ortools-darwin-x86-64=${ortools.version}",
            "com.google.ortools:ortools-darwin-aarch64=${ortools.version}",
            "com.google.ortools:ortools-win32-x86-64=${ortools.version}");
    assertThat(managed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()))
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
