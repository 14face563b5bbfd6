package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;

/** A real configuration loaded from files: hosts {@code h0..} with services {@code svc0..} each, check_dummy. */
final class TestConfig {

    private TestConfig() {
    }

    /** A host and one service of it, checked with check_dummy, for {@link #load(Path, int, int, String)}. */
    static String hostWithService(String host, String service) {
        return "define host {\n host_name " + host + "\n address 127.0.0.1\n check_command check_dummy!0!up\n"
                + " max_check_attempts 1\n check_period 24x7\n notification_period 24x7\n contacts ops\n}\n"
                + "define service {\n host_name " + host + "\n service_description " + service
                + "\n check_command check_dummy!0!ok\n max_check_attempts 1\n check_interval 5\n retry_interval 1\n"
                + " check_period 24x7\n notification_period 24x7\n contacts ops\n}\n";
    }

    static LoadResult load(Path dir, int hosts, int servicesPerHost) throws IOException {
        return load(dir, hosts, servicesPerHost, "");
    }

    /** {@link #load(Path, int, int)} with {@code extra} object definitions added. */
    static LoadResult load(Path dir, int hosts, int servicesPerHost, String extra) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nlog_file=" + dir.resolve("nagios.log")
                + "\nretain_state_information=0\ncheck_external_commands=0\n");
        StringBuilder b = new StringBuilder("""
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ $ARG2$
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
                    contact_name ops
                    host_notification_period 24x7
                    service_notification_period 24x7
                    host_notification_options n
                    service_notification_options n
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                """);
        for (int h = 0; h < hosts; h++) {
            b.append("define host {\n host_name h").append(h).append("\n address 127.0.0.1\n")
                    .append(" check_command check_dummy!0!up\n max_check_attempts 1\n check_period 24x7\n")
                    .append(" notification_period 24x7\n contacts ops\n}\n");
            for (int s = 0; s < servicesPerHost; s++) {
                b.append("define service {\n host_name h").append(h).append("\n service_description svc").append(s)
                        .append("\n check_command check_dummy!1!warn\n max_check_attempts 1\n check_interval 5\n")
                        .append(" retry_interval 1\n check_period 24x7\n notification_period 24x7\n contacts ops\n}\n");
            }
        }
        b.append(extra);
        Files.writeString(dir.resolve("objects.cfg"), b);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(() -> config.diagnostics().all().stream().limit(5).toList().toString()).isTrue();
        return config;
    }
}
