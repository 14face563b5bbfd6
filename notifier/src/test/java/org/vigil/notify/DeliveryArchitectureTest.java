package org.vigil.notify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Delivery flows one way: channels know nothing of the outbox, and neither knows the engine. */
@AnalyzeClasses(packages = "org.vigil.notify", importOptions = ImportOption.DoNotIncludeTests.class)
class DeliveryArchitectureTest {

    @ArchTest
    static final ArchRule channels_do_not_know_the_outbox = noClasses().that()
            .resideInAPackage("org.vigil.notify.delivery..").should().dependOnClassesThat()
            .resideInAPackage("org.vigil.notify.outbox..");

    @ArchTest
    static final ArchRule delivery_does_not_reach_into_the_engine = noClasses().that()
            .resideInAnyPackage("org.vigil.notify.delivery..", "org.vigil.notify.outbox..").should()
            .dependOnClassesThat().resideInAPackage("org.vigil.engine..");

    @ArchTest
    static final ArchRule email_and_webhook_are_apart = noClasses().that()
            .resideInAPackage("org.vigil.notify.delivery.email..").should().dependOnClassesThat()
            .resideInAPackage("org.vigil.notify.delivery.webhook..");
}
