package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A library must leave the choice of logging backend to the application that embeds it: no library
 * module (scplan-core, scplan-optimizer), and not the parent pom they inherit from, declares an
 * SLF4J binding outside test (or provided) scope. Transitive dependencies are checked by the
 * enforcer's {@code no-logging-binding} rule in the same modules.
 */
class LoggingBindingTest {
  static final List<String> LIBRARY_MODULES = List.of("scplan-core", "scplan-optimizer");

  /** groupId:artifactId of SLF4J bindings (providers) and bridges that act as one. */
  static final Set<String> BINDINGS =
      Set.of(
          "org.slf4j:slf4j-simple",
          "org.slf4j:slf4j-nop",
          "org.slf4j:slf4j-jdk14",
          "org.slf4j:slf4j-jdk-platform-logging",
          "org.slf4j:slf4j-log4j12",
          "org.slf4j:slf4j-reload4j",
          "org.slf4j:slf4j-jcl",
          "ch.qos.logback:logback-classic",
          "org.apache.logging.log4j:log4j-slf4j-impl",
          "org.apache.logging.log4j:log4j-slf4j2-impl");

  @Test
  void libraryModules_dependOnNoLoggingBinding_outsideTestScope() {
    Element parent = Poms.read(Poms.root().resolve("pom.xml"));
    Map<String, Poms.Dependency> managed =
        Poms.managedDependencies(parent).stream()
            .collect(Collectors.toMap(Poms.Dependency::key, Function.identity(), (a, b) -> a));
    List<String> offenders = new ArrayList<>();
    List<Poms.Dependency> inherited = Poms.directDependencies(parent);
    for (String module : LIBRARY_MODULES) {
      Element pom = Poms.read(Poms.root().resolve(module).resolve("pom.xml"));
      List<Poms.Dependency> all = new ArrayList<>(inherited);
      all.addAll(Poms.directDependencies(pom));
      for (Poms.Dependency d : all) {
        String scope = effectiveScope(d, managed);
        if (BINDINGS.contains(d.key()) && !scope.equals("test") && !scope.equals("provided")) {
          offenders.add(module + " -> " + d.key() + " (scope " + scope + ")");
        }
      }
    }

    assertThat(offenders)
        .as(
            "library modules must not bring a logging binding to the applications that embed them;"
                + " maybe give it <scope>test</scope>")
        .isEmpty();
  }

  private static String effectiveScope(Poms.Dependency d, Map<String, Poms.Dependency> managed) {
    if (d.scope() != null) {
      return d.scope();
    }
    Poms.Dependency m = managed.get(d.key());
    return m != null && m.scope() != null ? m.scope() : "compile";
  }
}
