package org.vigil.worker.payload;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The payload format is pure data and the JDK's crypto: the Gearman protocol, the engine's executor and the worker
 * all use it, and it uses none of them.
 */
@AnalyzeClasses(packages = "org.vigil.worker.payload", importOptions = ImportOption.DoNotIncludeTests.class)
class PayloadArchitectureTest {

    @ArchTest
    static final ArchRule only_the_jdk = classes().that().resideInAPackage("org.vigil.worker.payload..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.vigil.worker.payload..", "java..",
                    "javax.crypto..")
            .because("mod_gearman's format stands alone: queues, engine and worker build on it");
}
