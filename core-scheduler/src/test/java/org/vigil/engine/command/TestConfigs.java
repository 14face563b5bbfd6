package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;

/** A small config for command tests: host web1 (address 10.0.0.1) with services http and disk. */
final class TestConfigs {

    static final String OBJECTS = """
            define command {
                command_name check
                command_line /bin/true
            }
            define contact {
                contact_name admin
                host_notification_commands check
                service_notification_commands check
            }
            define host {
                host_name web1
                address 10.0.0.1
                check_command check
                max_check_attempts 2
                check_interval 5
                retry_interval 1
                contacts admin
            }
            define service {
                host_name web1
                service_description http
                check_command check
                max_check_attempts 3
                check_interval 5
                retry_interval 1
                contacts admin
            }
            define service {
                host_name web1
                service_description disk
                check_command check
                max_check_attempts 3
                check_interval 5
                retry_interval 1
                contacts admin
            }
            """;

    private TestConfigs() {
    }

    /** Writes nagios.cfg (with {@code extraMain}) and the objects into {@code dir} and loads them. */
    static LoadResult load(Path dir, String extraMain) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\ninterval_length=60\n"
                + "log_service_retries=1\nuse_timezone=UTC\n" + extraMain);
        Files.writeString(dir.resolve("objects.cfg"), OBJECTS);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        return config;
    }
}
