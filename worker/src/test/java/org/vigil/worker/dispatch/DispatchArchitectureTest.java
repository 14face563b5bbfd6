package org.vigil.worker.dispatch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The central node's dispatch uses the protocol and the payloads, never the worker's side, and of the engine only its
 * exec contract and the event handlers' hook.
 */
@AnalyzeClasses(packages = "org.vigil.worker.dispatch", importOptions = ImportOption.DoNotIncludeTests.class)
class DispatchArchitectureTest {

    @ArchTest
    static final ArchRule not_the_worker_side = noClasses().that().resideInAPackage("org.vigil.worker.dispatch..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vigil.worker.run..", "org.vigil.worker.settings..")
            .because("the central node and vigil worker share only the protocol and the payloads");

    @ArchTest
    static final ArchRule engine_only_through_its_contract = noClasses().that()
            .resideInAPackage("org.vigil.worker.dispatch..").should().dependOnClassesThat(
                    resideInAPackage("org.vigil.engine..").and(not(resideInAnyPackage("org.vigil.engine.exec",
                            "org.vigil.engine.handler"))))
            .because("the daemon hands the dispatch what it needs through CheckDispatch");
}
