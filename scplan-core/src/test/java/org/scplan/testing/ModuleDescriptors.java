package org.scplan.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Reads and checks the compiled module descriptors of scplan's library modules. */
public final class ModuleDescriptors {
  private ModuleDescriptors() {}

  /**
   * The module {@code type} was compiled into, read from its classes folder or jar as the JVM reads
   * it: packages included, found by scanning (javac writes no package list into module-info).
   */
  public static ModuleDescriptor of(Class<?> type) throws Exception {
    Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<ModuleReference> found = ModuleFinder.of(location).findAll();
    assertThat(found).as("module at %s", location).hasSize(1);
    return found.iterator().next().descriptor();
  }

  /**
   * Asserts that every package of {@code descriptor} is exported once: to everyone, or, for the
   * {@code internal} ones, only to scplan's own modules.
   */
  public static void assertExportsApiToAllAndInternalToScplan(
      ModuleDescriptor descriptor, Set<String> internal) {
    assertThat(descriptor.packages()).containsAll(internal);
    for (String pkg : descriptor.packages()) {
      List<ModuleDescriptor.Exports> exports =
          descriptor.exports().stream().filter(e -> e.source().equals(pkg)).toList();
      assertThat(exports).as("exports of %s", pkg).hasSize(1);
      if (internal.contains(pkg)) {
        assertThat(exports.get(0).targets())
            .as("%s is internal: exported only to scplan's modules", pkg)
            .isNotEmpty()
            .allMatch(target -> target.startsWith("org.scplan."));
      } else {
        assertThat(exports.get(0).isQualified())
            .as("%s is API: exported to everyone; maybe add it to module-info.java", pkg)
            .isFalse();
      }
    }
  }
}
