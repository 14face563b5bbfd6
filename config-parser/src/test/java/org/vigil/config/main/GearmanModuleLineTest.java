package org.vigil.config.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;

/** nagios.cfg's mod_gearman broker_module line is kept with its arguments and its line, for the dispatch reader. */
class GearmanModuleLineTest {

    @TempDir
    Path dir;

    @Test
    void theModuleLineIsKeptWithItsArgumentsAndLine() throws Exception {
        MainConfig main = read("""
                log_file=nagios.log
                broker_module=/usr/lib/check_mk/livestatus.o /live
                broker_module=/usr/lib/mod_gearman/mod_gearman_naemon.o  config=/etc/mod-gearman/module.conf hosts
                """, new Diagnostics());
        GearmanModuleLine line = GearmanModuleLine.of(main).orElseThrow();
        assertThat(line.module()).isEqualTo("/usr/lib/mod_gearman/mod_gearman_naemon.o");
        assertThat(line.arguments()).containsExactly("config=/etc/mod-gearman/module.conf", "hosts");
        assertThat(line.where()).isEqualTo(new SourceLocation(dir.resolve("nagios.cfg"), 3));
        assertThat(main.brokerModules()).hasSize(2);
    }

    @Test
    void anyModuleFileStartingWithModGearmanCounts() {
        assertThat(GearmanModuleLine.isGearman("/usr/lib/mod_gearman/mod_gearman_nagios4.o server=a:1")).isTrue();
        assertThat(GearmanModuleLine.isGearman("mod_gearman.o")).isTrue();
        assertThat(GearmanModuleLine.isGearman("/usr/lib/mod_gearman/neb.o config=mod_gearman.conf")).isFalse();
        assertThat(GearmanModuleLine.of(new MainConfig(dir, java.util.Map.of(), java.util.List.of(),
                java.util.Map.of()))).isEmpty();
    }

    @Test
    void aSecondModGearmanLineIsAWarningNamingTheFirst() throws Exception {
        Diagnostics diags = new Diagnostics();
        MainConfig main = read("""
                broker_module=/usr/lib/mod_gearman/mod_gearman_naemon.o config=/a.conf
                broker_module=/usr/lib/mod_gearman/mod_gearman_naemon.o config=/b.conf
                """, diags);
        assertThat(diags.all()).extracting(Object::toString).containsExactly(dir.resolve("nagios.cfg")
                + ":2: warning: a second mod_gearman module line is ignored (Vigil reads the first, at "
                + dir.resolve("nagios.cfg") + ":1)");
        assertThat(GearmanModuleLine.of(main).orElseThrow().arguments()).containsExactly("config=/a.conf");
    }

    private MainConfig read(String text, Diagnostics diags) throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), text);
        return new MainConfigReader(diags).read(dir.resolve("nagios.cfg"));
    }
}
