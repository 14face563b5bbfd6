package org.vigil.engine.sweep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Sweeps reach the engine through the narrow {@link Sweeps.Checks} it implements; only the service that callers
 * use holds an engine (to call into its thread). They run checks through the engine's normal path, so they know
 * nothing of commands, the log, the status file, retention or reloads.
 */
@AnalyzeClasses(packages = "org.vigil.engine.sweep", importOptions = ImportOption.DoNotIncludeTests.class)
class SweepArchitectureTest {

    @ArchTest
    static final ArchRule only_the_service_holds_the_engine = noClasses().that()
            .resideInAPackage("org.vigil.engine.sweep..").and().haveNameNotMatching(".*\\.SweepService(\\$.*)?")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.vigil.engine.Engine")
            .because("a sweep runs on the engine thread through Sweeps.Checks");

    @ArchTest
    static final ArchRule not_the_other_parts = noClasses().that().resideInAPackage("org.vigil.engine.sweep..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vigil.engine.command..",
                    "org.vigil.engine.status..", "org.vigil.engine.log..", "org.vigil.engine.retention..",
                    "org.vigil.engine.reload..", "org.vigil.engine.exec..")
            .because("a sweep result is an ordinary result: the engine logs, retains and reschedules it");
}
