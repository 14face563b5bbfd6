package org.vigil.livestatus.table;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The tables know no socket and change nothing: they read a snapshot, the resolved objects and the log files,
 * never the engine's commands or the running engine itself; and the query language knows no table.
 */
@AnalyzeClasses(packages = "org.vigil.livestatus", importOptions = ImportOption.DoNotIncludeTests.class)
class TablesArchitectureTest {

    @ArchTest
    static final ArchRule know_no_socket = noClasses().that().resideInAPackage("org.vigil.livestatus.table..")
            .should().dependOnClassesThat().resideInAPackage("org.vigil.livestatus.server..")
            .because("the server calls the tables, not the other way");

    @ArchTest
    static final ArchRule read_only = noClasses().that().resideInAPackage("org.vigil.livestatus.table..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vigil.engine.command..",
                    "org.vigil.engine.retention..", "org.vigil.engine.reload..", "org.vigil.engine.state..",
                    "org.vigil.engine.comment..", "org.vigil.engine.downtime..")
            .because("rows come from the read model's snapshot, never from the engine's live objects, so a query "
                    + "never touches the engine thread's state");

    @ArchTest
    static final ArchRule language_knows_no_table = noClasses().that()
            .resideInAPackage("org.vigil.livestatus.query..")
            .should().dependOnClassesThat().resideInAPackage("org.vigil.livestatus.table..")
            .because("the query language answers over any Table");
}
