package org.vigil.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's packages depend on each other one way. The engine itself ({@code org.vigil.engine}) uses its
 * concept packages; they never reach back into it, but talk through the small interfaces they declare
 * ({@code comment.EntrySink}, {@code downtime.DowntimeListener}, {@code sweep.Sweeps.Checks}...). Only the clients of
 * the engine (the command pipe and the daemon that wires the process) hold an {@link Engine}.
 */
@AnalyzeClasses(packages = "org.vigil.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EnginePackagesArchitectureTest {

    private static final String ROOT = "org.vigil.engine";

    @ArchTest
    static final ArchRule no_cycles = slices().matching("org.vigil.engine.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule concepts_do_not_reach_back = noClasses().that().resideInAnyPackage(
                    ROOT + ".state..", ROOT + ".schedule..", ROOT + ".exec..", ROOT + ".dependency..",
                    ROOT + ".flap..", ROOT + ".freshness..", ROOT + ".handler..", ROOT + ".log..",
                    ROOT + ".comment..", ROOT + ".ack..", ROOT + ".downtime..", ROOT + ".sweep..",
                    ROOT + ".retention..", ROOT + ".status..", ROOT + ".reload..", ROOT + ".feed..",
                    ROOT + ".stats..")
            .should().dependOnClassesThat().resideInAPackage(ROOT)
            .because("the engine uses its concepts, not the other way round: no circle through the engine");

    @ArchTest
    static final ArchRule the_engine_does_not_know_its_clients = noClasses().that().resideInAPackage(ROOT)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".command..", ROOT + ".daemon..",
                    ROOT + ".reload..", ROOT + ".status..")
            .because("the command pipe, the status file and reloads act on the engine through its public API");

    @ArchTest
    static final ArchRule the_model_knows_nobody = noClasses().that().resideInAPackage(ROOT + ".state..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".schedule..", ROOT + ".exec..",
                    ROOT + ".dependency..", ROOT + ".flap..", ROOT + ".freshness..", ROOT + ".handler..",
                    ROOT + ".comment..", ROOT + ".ack..", ROOT + ".downtime..", ROOT + ".sweep..",
                    ROOT + ".retention..", ROOT + ".status..", ROOT + ".reload..", ROOT + ".command..",
                    ROOT + ".daemon..", ROOT + ".log..", ROOT + ".feed..",
                    ROOT + ".stats..")
            .because("the state machine and the runtime objects know nothing of who runs checks, as Icinga's model");

    @ArchTest
    static final ArchRule entries_stand_alone = noClasses().that().resideInAnyPackage(ROOT + ".comment..",
                    ROOT + ".ack..", ROOT + ".downtime..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".schedule..", ROOT + ".exec..",
                    ROOT + ".sweep..", ROOT + ".reload..", ROOT + ".command..", ROOT + ".daemon..",
                    ROOT + ".status..")
            .because("comments, acknowledgements and downtimes are aggregates of their own");

    @ArchTest
    static final ArchRule the_daemon_is_nobodys = noClasses().that().resideOutsideOfPackage(ROOT + ".daemon..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".daemon..")
            .because("only the process (the CLI, the web layer) wires a daemon");
}
