package org.vigil.engine.retention;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Retention stores plain data: it knows nothing of the engine's runtime objects, and reaches the
 * databases only through JDBC, so a driver is chosen by URL and can be swapped without code.
 */
@AnalyzeClasses(packages = "org.vigil.engine.retention", importOptions = ImportOption.DoNotIncludeTests.class)
class RetentionArchitectureTest {

    @ArchTest
    static final ArchRule only_the_jdk = classes().that().resideInAPackage("org.vigil.engine.retention..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.vigil.engine.retention..")
            .because("retention must not depend on the engine's classes nor on a JDBC driver's");
}
