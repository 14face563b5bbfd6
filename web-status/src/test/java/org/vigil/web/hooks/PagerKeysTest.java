package org.vigil.web.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ObjectModel;
import org.vigil.notify.delivery.DedupKey;

/** A pager's dedup key back to the object: names holding '/', keys long enough to be hashed, keys naming nothing. */
class PagerKeysTest {

    @TempDir
    Path dir;

    @Test
    void everyKeyVigilSendsNamesItsObjectAndNoOther() throws Exception {
        String longHost = "h".repeat(150);
        String longService = "s".repeat(150);
        ObjectModel model = model("web1", "http", "db/1", "pg/main", "db", "1/pg/main", longHost, longService);
        assertThat(PagerKeys.resolve(model, "vigil/web1")).contains(new PagerKeys.Target("web1", null));
        assertThat(PagerKeys.resolve(model, "vigil/web1/http")).contains(new PagerKeys.Target("web1", "http"));
        // "db/1" + "pg/main" and "db" + "1/pg/main" give the same key: it names neither
        assertThat(DedupKey.of("db/1", "pg/main")).isEqualTo(DedupKey.of("db", "1/pg/main"));
        assertThat(PagerKeys.resolve(model, "vigil/db/1/pg/main")).isEmpty();
        assertThat(PagerKeys.resolve(model, "vigil/db/1")).contains(new PagerKeys.Target("db/1", null));
        String hashed = DedupKey.of(longHost, longService);
        assertThat(hashed).hasSize(DedupKey.MAX_LENGTH).contains("#");
        assertThat(PagerKeys.resolve(model, hashed)).contains(new PagerKeys.Target(longHost, longService));
        assertThat(PagerKeys.resolve(model, hashed.substring(0, 254) + "0")).isEmpty();
        assertThat(PagerKeys.resolve(model, "vigil/web1/nosuch")).isEmpty();
        assertThat(PagerKeys.resolve(model, "nagios/web1")).isEmpty();
        assertThat(PagerKeys.resolve(model, "vigil/")).isEmpty();
    }

    /** Hosts and services given as pairs: host, service. */
    private ObjectModel model(String... pairs) throws Exception {
        StringBuilder objects = new StringBuilder("""
                define command {
                    command_name ok
                    command_line /bin/true
                }
                define contact {
                    contact_name admin
                    host_notification_commands ok
                    service_notification_commands ok
                }
                """);
        java.util.Set<String> hosts = new java.util.LinkedHashSet<>();
        for (int i = 0; i < pairs.length; i += 2) {
            hosts.add(pairs[i]);
        }
        for (String h : hosts) {
            objects.append("define host {\n host_name ").append(h).append("\n check_command ok\n max_check_attempts 1\n}\n");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            objects.append("define service {\n host_name ").append(pairs[i]).append("\n service_description ")
                    .append(pairs[i + 1]).append("\n check_command ok\n max_check_attempts 1\n}\n");
        }
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\n");
        Files.writeString(dir.resolve("objects.cfg"), objects);
        LoadResult loaded = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(loaded.ok()).as(loaded.diagnostics().all().toString()).isTrue();
        return loaded.model();
    }
}
