package org.vigil.engine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;

/** Writes a nagios.cfg and one objects.cfg into a folder and loads them, failing the test on any diagnostic. */
public final class TestConfig {

    /** The main config of the scenario tests: minutes, one log line per soft state, UTC. */
    public static final String MAIN = "cfg_file=objects.cfg\ninterval_length=60\nlog_service_retries=1\n"
            + "use_timezone=UTC\n";

    /** Command {@code check} (/bin/true) and contact {@code admin}: what every scenario's objects start with. */
    public static final String CHECK_AND_ADMIN = """
            define command {
                command_name check
                command_line /bin/true
            }
            define contact {
                contact_name admin
                host_notification_commands check
                service_notification_commands check
            }
            """;

    /** Services http and disk of web1: 3 attempts, every 5 minutes, retried every minute. */
    public static final String HTTP_AND_DISK = """
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

    /** Host web1 (address 10.0.0.1, 2 attempts) with services http and disk. */
    public static final String WEB1 = CHECK_AND_ADMIN + """
            define host {
                host_name web1
                address 10.0.0.1
                check_command check
                max_check_attempts 2
                check_interval 5
                retry_interval 1
                contacts admin
            }
            """ + HTTP_AND_DISK;

    private TestConfig() {
    }

    /** Writes {@link #MAIN} followed by {@code extraMain}, and {@code objects}; loads them. */
    public static LoadResult load(Path dir, String extraMain, String objects) throws IOException {
        return loadExactly(dir, MAIN + extraMain, objects);
    }

    /** Writes {@code nagiosCfg} (which names objects.cfg itself) and {@code objects} as they are; loads them. */
    public static LoadResult loadExactly(Path dir, String nagiosCfg, String objects) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), nagiosCfg);
        Files.writeString(dir.resolve("objects.cfg"), objects);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        return config;
    }
}
