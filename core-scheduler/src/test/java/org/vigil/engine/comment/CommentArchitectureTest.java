package org.vigil.engine.comment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Comments and acknowledgements act on the runtime state and keep their entries through a narrow sink: they do
 * not know the engine that owns them, the commands that call them, nor the status file that shows them.
 */
@AnalyzeClasses(packages = {"org.vigil.engine.comment", "org.vigil.engine.ack"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class CommentArchitectureTest {

    @ArchTest
    static final ArchRule not_the_callers = noClasses().that()
            .resideInAnyPackage("org.vigil.engine.comment..", "org.vigil.engine.ack..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vigil.engine.command..",
                    "org.vigil.engine.status..", "org.vigil.engine.log..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.vigil.engine.Engine")
            .because("the engine and the commands use comments, not the other way round");
}
