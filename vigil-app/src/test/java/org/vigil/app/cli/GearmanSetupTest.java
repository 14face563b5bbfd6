package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.web.app.WebServer;
import org.vigil.worker.dispatch.DispatchReading;
import org.vigil.worker.dispatch.DispatchSettings;
import org.vigil.worker.gearman.ServerAddress;

/** vigil.yml's gearman: section and nagios.cfg's mod_gearman line, read as vigil run will: vigil.yml wins. */
class GearmanSetupTest {

    @TempDir
    Path dir;

    private LoadResult nagios(String brokerLine) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\n" + brokerLine);
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
                }
                define host {
                    host_name web1
                    max_check_attempts 3
                    check_command check_dummy!0
                }
                """);
        return ConfigLoader.load(dir.resolve("nagios.cfg"));
    }

    private RunSettings yml(String text) throws IOException, ConfigurationException {
        Files.writeString(dir.resolve("vigil.yml"), text);
        return WebServer.configuration(dir.resolve("vigil.yml"), RunSettings.class);
    }

    @Test
    void withoutEitherPlaceChecksRunLocally() throws Exception {
        LoadResult config = nagios("");
        assertThat(GearmanSetup.dispatchSettings(null, config)).isEmpty();
        assertThat(GearmanSetup.dispatchSettings(yml("livestatus:\n  socket: live\n"), config)).isEmpty();
    }

    @Test
    void theModuleLineAloneConfiguresTheDispatch() throws Exception {
        Files.writeString(dir.resolve("module.conf"), "server=127.0.0.1:4730\nkey=secret\nhostgroups=web\n");
        LoadResult config = nagios("broker_module=/usr/lib/mod_gearman/mod_gearman_naemon.o config=module.conf\n");
        assertThat(config.diagnostics().all()).extracting(Object::toString).noneMatch(d -> d.contains(":2:"));
        DispatchSettings s = GearmanSetup.dispatchSettings(null, config).orElseThrow();
        assertThat(s.servers()).containsExactly(new ServerAddress("127.0.0.1", 4730));
        assertThat(s.key()).isEqualTo("secret");
        assertThat(s.hostgroups()).containsExactly("web");
        assertThat(s.hosts()).isFalse();
        assertThat(s.orphanAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.localFallbackAfter()).contains(Duration.ofSeconds(60));
    }

    @Test
    void vigilYmlKeysWinOverTheModuleLineAndAddVigilsOwn() throws Exception {
        Files.writeString(dir.resolve("module.conf"), "server=127.0.0.1:4730\nkey=secret\nhostgroups=web\n");
        Files.writeString(dir.resolve("gearman.key"), "fromfile\n");
        LoadResult config = nagios("broker_module=/usr/lib/mod_gearman/mod_gearman_naemon.o config=module.conf\n");
        RunSettings settings = yml("""
                gearman:
                  server: [ "gm1:4731", "gm2" ]
                  key_file: gearman.key
                  hostgroups: db
                  services: true
                  orphan_after: 2.5
                  local_fallback_after: never
                """);
        DispatchReading r = GearmanSetup.read(settings, config.mainConfig());
        assertThat(r.errors()).isEmpty();
        DispatchSettings s = r.settings().orElseThrow();
        assertThat(s.servers()).containsExactly(new ServerAddress("gm1", 4731), new ServerAddress("gm2", 4730));
        assertThat(s.key()).isEqualTo("fromfile");
        assertThat(s.hostgroups()).containsExactly("db");
        assertThat(s.services()).isTrue();
        assertThat(s.orphanAfter()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.localFallbackAfter()).isEmpty();
        assertThat(GearmanSetup.describe(settings, r)).isEqualTo("Checks go to gearmand at gm1:4731, gm2:4730:"
                + " queues service, hostgroup_db; key from " + dir.resolve("gearman.key") + "; results on"
                + " check_results");
    }

    @Test
    void vigilYmlAloneWithItsOwnModuleConfOrInlineKeys() throws Exception {
        Files.writeString(dir.resolve("other.conf"), "server=other:4730\nencryption=no\n");
        LoadResult config = nagios("broker_module=/usr/lib/mod_gearman/mod_gearman_naemon.o server=line:1 key=k\n");
        DispatchSettings fromConf = GearmanSetup.dispatchSettings(yml("gearman:\n  config: other.conf\n"), config)
                .orElseThrow();
        assertThat(fromConf.servers()).containsExactly(new ServerAddress("other", 4730));
        assertThat(fromConf.encryption()).isFalse();
        DispatchSettings inline = GearmanSetup.dispatchSettings(yml("""
                gearman:
                  server: 10.0.0.1:4730
                  key: s3cret
                  local_fallback_after: 0
                """), nagios("")).orElseThrow();
        assertThat(inline.servers()).containsExactly(new ServerAddress("10.0.0.1", 4730));
        assertThat(inline.localFallbackAfter()).contains(Duration.ZERO);
        assertThat(List.of(inline.hosts(), inline.services(), inline.eventhandler())).containsOnly(true);
    }

    @Test
    void enabledFalseKeepsEveryCheckLocalWhateverTheModuleLineSays() throws Exception {
        LoadResult config = nagios("broker_module=/usr/lib/mod_gearman/mod_gearman_naemon.o server=a:1 key=k\n");
        RunSettings settings = yml("gearman:\n  enabled: false\n");
        DispatchReading r = GearmanSetup.read(settings, config.mainConfig());
        assertThat(r.settings()).isEmpty();
        assertThat(GearmanSetup.describe(settings, r)).isEqualTo("Checks run on this machine ("
                + dir.resolve("vigil.yml") + ": gearman: enabled: false)");
    }

    @Test
    void badValuesInVigilYmlNameTheirKey() throws Exception {
        assertThatThrownBy(() -> yml("gearman:\n  orphan_after: 0\n  local_fallback_after: soon\n"))
                .hasMessageContaining("gearman.orphan_after: must be more than 0 seconds (default 10)")
                .hasMessageContaining("gearman.local_fallback_after: 'soon' is not understood (expected seconds,"
                        + " 0 or more, or never)");
        assertThatThrownBy(() -> yml("gearman:\n  servers: a:1\n")).hasMessageContaining("servers");
        DispatchReading r = GearmanSetup.read(yml("gearman:\n  server: 'x:y'\n  encryption: false\n"),
                nagios("").mainConfig());
        assertThat(r.errors()).containsExactly(dir.resolve("vigil.yml") + ", gearman:: error: server: expected"
                + " host:port, got 'x:y'", dir.resolve("vigil.yml") + ", gearman:: error: no gearmand server given"
                + " (expected server=host:port in module.conf, on the broker_module line or in vigil.yml's gearman:"
                + " server)");
    }
}
