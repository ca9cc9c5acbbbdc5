package org.scplan.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scplan.testing.ModuleDescriptors;

/**
 * The layers of scplan-core, checked on its compiled classes with ArchUnit: no package cycles,
 * support at the bottom importing nothing of scplan, the engine above plan and valuation and below
 * the entry points, and no OR-Tools anywhere in core; and the module descriptor exports every API
 * package to all and the engine and support only to scplan's own modules.
 */
class CoreArchitectureTest {
  /** Packages the engine builds on; none of them may reach back up into the engine. */
  private static final String[] BELOW_ENGINE = {
    "org.scplan.support..",
    "org.scplan.time..",
    "org.scplan.scenario..",
    "org.scplan.validation..",
    "org.scplan.valuation..",
    "org.scplan.plan..",
    "org.scplan.explain..",
    "org.scplan.execution..",
    "org.scplan.uncertainty..",
    "org.scplan.examples..",
    "org.scplan.generate.."
  };

  /** Entry points that stand on the engine; the engine never calls up into them. */
  private static final String[] ABOVE_ENGINE = {
    "org.scplan.greedy..",
    "org.scplan.whatif..",
    "org.scplan.csv..",
    "org.scplan.json..",
    "org.scplan.assessment..",
    "org.scplan.optimizer..",
    "org.scplan.sweep..",
    "org.scplan.cli..",
    "org.scplan.report.."
  };

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.scplan");
    // An empty import would make every rule below pass vacuously.
    assertThat(core.contain("org.scplan.engine.GreedySearch")).isTrue();
    assertThat(core.contain("org.scplan.support.Copies")).isTrue();
  }

  @Test
  void packages_formNoCycles() {
    slices().matching("org.scplan.(**)").should().beFreeOfCycles().check(core);
  }

  @Test
  void support_importsNothingOfScplan() {
    noClasses()
        .that()
        .resideInAPackage("org.scplan.support..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("org.scplan..").and(resideOutsideOfPackage("org.scplan.support..")))
        .check(core);
  }

  @Test
  void domainBelowEngine_neverReachesUpIntoIt() {
    noClasses()
        .that()
        .resideInAnyPackage(BELOW_ENGINE)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.scplan.engine..")
        .check(core);
  }

  @Test
  void engine_neverCallsUpIntoEntryPoints() {
    noClasses()
        .that()
        .resideInAPackage("org.scplan.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ABOVE_ENGINE)
        .check(core);
  }

  @Test
  void core_hasNoOrTools() {
    noClasses().should().dependOnClassesThat().resideInAPackage("com.google.ortools..").check(core);
  }

  @Test
  void moduleDescriptor_exportsEveryPackageButEngineAndSupportToAll() throws Exception {
    ModuleDescriptor descriptor = ModuleDescriptors.of(org.scplan.scenario.Scenario.class);
    assertThat(descriptor.name()).isEqualTo("org.scplan.core");
    ModuleDescriptors.assertExportsApiToAllAndInternalToScplan(
        descriptor, Set.of("org.scplan.engine", "org.scplan.support"));
  }
}
