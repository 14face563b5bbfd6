package org.vigil.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The read model reads the engine and changes nothing: it knows no commands, no retention (but the comments' object
 * key, a value), no reloads; and it
 * serves every reader, so it knows none of them (web, notifier, the app).
 */
@AnalyzeClasses(packages = "org.vigil.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ReadModelArchitectureTest {

    @ArchTest
    static final ArchRule reads_only = noClasses().that().resideInAPackage("org.vigil.model..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("org.vigil.engine.command..",
                    "org.vigil.engine.retention..", "org.vigil.engine.reload..", "org.vigil.engine.exec..",
                    "org.vigil.engine.sweep..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("ObjectKey"))))
            .because("the read model copies what the engine has; every change goes through the engine's commands");

    @ArchTest
    static final ArchRule knows_no_reader = noClasses().that().resideInAPackage("org.vigil.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vigil.web..", "org.vigil.notify..",
                    "org.vigil.app..", "org.vigil.livestatus..")
            .because("pages, the JSON API, /metrics and Livestatus all read the one model");
}
