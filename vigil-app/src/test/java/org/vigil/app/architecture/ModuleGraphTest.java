package org.vigil.app.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.vigil.config.fixture.ConfigReachingIntoTheWeb;

/**
 * The module graph, one package root per module: data flows one way (config → checks → engine → notifier and the
 * read model → web → app), and only the application at the top wires modules together. Checked here, in the one
 * module that sees every other. perfdata (the metric writers) and Livestatus (reads the read model, status-model) sit
 * beside the web, each used by the application alone. Scale-out on gearmand (worker: the central node's dispatch and
 * {@code vigil worker}) sits there too, used by the application alone (the web shows its status through a record of
 * its own); every layer is optional, so
 * the rule holds while a module is being added or taken apart. Finer rules inside a module stay in its own tests
 * (e.g. notifier's DeliveryArchitectureTest: delivery knows nothing of the engine, though the notifier may).
 */
@AnalyzeClasses(packages = "org.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleGraphTest {

    @ArchTest
    static final ArchRule MODULES = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("config").definedBy("org.vigil.config..")           // config-parser
            .layer("checks").definedBy("org.vigil.checks..")           // checks-compat
            .layer("engine").definedBy("org.vigil.engine..")           // core-scheduler
            .layer("notify").definedBy("org.vigil.notify..")           // notifier
            .layer("model").definedBy("org.vigil.model..")             // status-model: the read model
            .layer("livestatus").definedBy("org.vigil.livestatus..")   // Livestatus
            .layer("worker").definedBy("org.vigil.worker..")           // worker: scale-out on gearmand
            .layer("perfdata").definedBy("org.vigil.perfdata..")       // perfdata: the metric writers
            .layer("web").definedBy("org.vigil.web..")                 // web-status
            .layer("app").definedBy("org.vigil.app..")                 // vigil-app: may use every module
            .whereLayer("config").mayNotAccessAnyLayer()
            .whereLayer("checks").mayOnlyAccessLayers("config")
            .whereLayer("engine").mayOnlyAccessLayers("config", "checks")
            .whereLayer("notify").mayOnlyAccessLayers("config", "checks", "engine")
            .whereLayer("model").mayOnlyAccessLayers("config", "checks", "engine")
            .whereLayer("livestatus").mayOnlyAccessLayers("config", "checks", "engine", "model")
            .whereLayer("worker").mayOnlyAccessLayers("config", "checks", "engine")
            .whereLayer("perfdata").mayOnlyAccessLayers("config", "checks", "engine")
            .whereLayer("perfdata").mayOnlyBeAccessedByLayers("app")
            .whereLayer("web").mayOnlyAccessLayers("config", "checks", "engine", "notify", "model")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .because("each module depends only on the ones before it; only vigil-app wires them together");

    /** The rule bites: a config class that uses the web (a fixture, outside the analysed classes) fails it. */
    @Test
    void aModuleReachingUpFailsTheRule() {
        JavaClasses classes = new ClassFileImporter().importClasses(ConfigReachingIntoTheWeb.class,
                org.vigil.web.control.ControlProtocol.class);
        assertThatThrownBy(() -> MODULES.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ConfigReachingIntoTheWeb").hasMessageContaining("ControlProtocol");
    }
}
