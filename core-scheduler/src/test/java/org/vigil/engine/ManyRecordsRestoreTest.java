package org.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.Retention;
import org.vigil.engine.retention.RetentionSettings;
import org.vigil.engine.retention.WriteBehindRetention;
import org.vigil.engine.retention.ObjectRecord;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.testkit.EngineFixture;
import org.vigil.engine.testkit.TestConfig;

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
        Path retentionFile = dir.resolve("retention.dat");
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
        StringBuilder objects = new StringBuilder(TestConfig.CHECK_AND_ADMIN + """
                define host {
                    name h
                    register 0
                    check_command check
                    max_check_attempts 3
                    contacts admin
                }
                define service {
                    name s
                    register 0
                    check_command check
                    max_check_attempts 3
                    contacts admin
                }
                """);
        for (int h = 0; h < HOSTS; h++) {
            objects.append("define host {\n use h\n host_name ").append(host(h)).append("\n}\n");
            for (int s = 0; s < PER_HOST; s++) {
                objects.append("define service {\n use s\n host_name ").append(host(h))
                        .append("\n service_description svc").append(s).append("\n}\n");
            }
        }
        return TestConfig.load(dir, "", objects.toString());
    }
}
