package org.scplan.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scplan.testing.ModuleDescriptors;

/**
 * The layers of scplan-optimizer over scplan-core, checked on the compiled classes with ArchUnit:
 * no package cycles across both modules, OR-Tools only in {@code org.scplan.optimizer.internal} (so
 * an OR-Tools upgrade cannot change scplan's API), core's engine never reaching into the optimizer,
 * and the module descriptor exporting every package but the internal one to all.
 */
class OptimizerArchitectureTest {
  private static JavaClasses scplan;

  @BeforeAll
  static void importScplan() {
    // Core's classes come from its jar in a reactor build and from its classes folder with -am:
    // both are imported; test classes (core's test jar too) and third-party jars are not.
    scplan =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(OptimizerArchitectureTest::isScplanMain)
            .importPackages("org.scplan");
    // An empty import would make every rule below pass vacuously.
    assertThat(scplan.contain("org.scplan.optimizer.Allocator")).isTrue();
    assertThat(scplan.contain("org.scplan.optimizer.internal.CpSatModel")).isTrue();
    assertThat(scplan.contain("org.scplan.engine.GreedySearch")).isTrue();
  }

  private static boolean isScplanMain(Location location) {
    return !location.isJar()
        || (location.contains("scplan-core") && !location.contains("-tests.jar"));
  }

  @Test
  void packages_formNoCycles() {
    slices().matching("org.scplan.(**)").should().beFreeOfCycles().check(scplan);
  }

  @Test
  void orTools_onlyInOptimizerInternal() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.scplan.optimizer.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.google.ortools..")
        .because(
            "OR-Tools types must not leak into scplan's API; maybe move that code to"
                + " org.scplan.optimizer.internal")
        .check(scplan);
  }

  @Test
  void optimizerInternal_neverCallsUpIntoEntryPoints() {
    noClasses()
        .that()
        .resideInAPackage("org.scplan.optimizer.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.scplan.optimizer",
            "org.scplan.optimizer.explain..",
            "org.scplan.optimizer.whatif..",
            "org.scplan.sweep..")
        .check(scplan);
  }

  @Test
  void engine_neverReachesIntoTheOptimizer() {
    noClasses()
        .that()
        .resideInAnyPackage("org.scplan.engine..", "org.scplan.support..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.scplan.optimizer..", "org.scplan.sweep..")
        .check(scplan);
  }

  @Test
  void moduleDescriptor_exportsEveryPackageButInternalToAll() throws Exception {
    ModuleDescriptor descriptor = ModuleDescriptors.of(org.scplan.optimizer.Allocator.class);
    assertThat(descriptor.name()).isEqualTo("org.scplan.optimizer");
    ModuleDescriptors.assertExportsApiToAllAndInternalToScplan(
        descriptor, Set.of("org.scplan.optimizer.internal"));
  }
}
