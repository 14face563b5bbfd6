package org.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.Retention;
import org.vigil.engine.retention.RetentionSettings;
import org.vigil.engine.retention.WriteBehindRetention;
import org.vigil.engine.retention.ObjectRecord;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.testkit.EngineFixture;

/**
 * A restore at scale, through the retention database and the engine's lookups by host name and service key (whose
 * hashes were changed to stop colliding): every host and service comes back with its own record.
 */
class ManyRecordsRestoreTest {

    private static final int HOSTS = 1_100;
    private static final int PER_HOST = 20;
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyOneOf23100RecordsComesBackOnItsOwnObject() throws Exception {
        LoadResult config = config();
        Path retentionFile = dir.resolve("var/retention.dat");
        Retention.Started seed = (Retention.Started) Retention.start(RetentionSettings.embedded(retentionFile),
                java.util.Set.of(), problem -> { });
        WriteBehindRetention writer = seed.writer();
        long version = 0;
        for (int h = 0; h < HOSTS; h++) {
            writer.save(new ObjectRecord(ObjectKey.host(host(h)), ++version, Map.of("current_state", "" + (h % 3),
                    "state_type", "1", "has_been_checked", "1", "plugin_output", "host " + h,
                    "last_check", "" + (T0.getEpochSecond() - h))));
            for (int s = 0; s < PER_HOST; s++) {
                int n = h * PER_HOST + s;
                writer.save(new ObjectRecord(ObjectKey.service(host(h), "svc" + s), ++version, Map.of(
                        "current_state", "" + (n % 4), "state_type", "1", "has_been_checked", "1",
                        "current_attempt", "1", "plugin_output", "service " + n,
                        "last_check", "" + (T0.getEpochSecond() - n),
                        "flap_detection_enabled", n % 2 == 0 ? "1" : "0")));
            }
        }
        writer.close();

        try (EngineFixture f = EngineFixture.on(config, T0).retained(retentionFile, problem -> { }).start()) {
            List<String> wrong = f.engine.call(() -> {
                List<String> bad = new ArrayList<>();
                for (int h = 0; h < HOSTS; h++) {
                    CheckableStatus<?> st = f.engine.statusOf(f.engine.hostTarget(host(h)).orElseThrow());
                    if (st.currentState().code() != h % 3 || !("host " + h).equals(st.pluginOutput())
                            || st.lastCheck().getEpochSecond() != T0.getEpochSecond() - h) {
                        bad.add(host(h));
                    }
                    for (int s = 0; s < PER_HOST; s++) {
                        int n = h * PER_HOST + s;
                        CheckableStatus<?> svc = f.engine.statusOf(f.engine.serviceTarget(
                                new ServiceKey(host(h), "svc" + s)).orElseThrow());
                        if (svc.currentState().code() != n % 4 || !("service " + n).equals(svc.pluginOutput())
                                || svc.lastCheck().getEpochSecond() != T0.getEpochSecond() - n
                                || svc.flapDetectionEnabled() != (n % 2 == 0)) {
                            bad.add(host(h) + ";svc" + s);
                        }
                    }
                }
                return bad;
            });
            assertThat(wrong).isEmpty();
        }
    }

    private static String host(int h) {
        return String.format("h%05d", h);
    }

    private LoadResult config() throws Exception {
        Files.createDirectories(dir.resolve("var"));
        StringBuilder objects = new StringBuilder("""
                define command {
                    command_name ok
                    command_line /bin/true
                }
                define timeperiod {
                    timeperiod_name 24x7
                    alias always
                    sunday 00:00-24:00
                    monday 00:00-24:00
                    tuesday 00:00-24:00
                    wednesday 00:00-24:00
                    thursday 00:00-24:00
                    friday 00:00-24:00
                    saturday 00:00-24:00
                }
                define contact {
                    contact_name admin
                    host_notification_period 24x7
                    service_notification_period 24x7
                    host_notification_commands ok
                    service_notification_commands ok
                }
                define host {
                    name h
                    register 0
                    check_command ok
                    max_check_attempts 3
                    check_interval 5
                    check_period 24x7
                    contacts admin
                    notification_period 24x7
                }
                define service {
                    name s
                    register 0
                    check_command ok
                    max_check_attempts 3
                    check_interval 5
                    retry_interval 1
                    check_period 24x7
                    contacts admin
                    notification_period 24x7
                }
                """);
        for (int h = 0; h < HOSTS; h++) {
            objects.append("define host {\n use h\n host_name ").append(host(h)).append("\n}\n");
            for (int s = 0; s < PER_HOST; s++) {
                objects.append("define service {\n use s\n host_name ").append(host(h))
                        .append("\n service_description svc").append(s).append("\n}\n");
            }
        }
        Files.writeString(dir.resolve("objects.cfg"), objects);
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=" + dir.resolve("objects.cfg") + "\n"
                + "state_retention_file=" + dir.resolve("var/retention.dat") + "\n");
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(() -> config.diagnostics().all().stream().limit(5).toList().toString()).isTrue();
        return config;
    }
}
