package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directives Vigil does not act on are named, at their line, by {@code vigil verify} and at the start of
 * {@code vigil run}; on Debian's own {@code /etc/nagios4/nagios.cfg} exactly these.
 */
class IgnoredDirectivesTest {

    private static final Path DEBIAN = Path.of("/etc/nagios4/nagios.cfg");

    /**
     * What Debian's nagios.cfg sets that Vigil does nothing with (use_syslog, log_rotation_method, nagios_user,
     * nagios_group, perfdata, OCSP/OCHP and object_cache_file it does).
     */
    private static final List<String> IGNORED_IN_DEBIAN = List.of("precached_object_file",
            "event_broker_options", "service_inter_check_delay_method",
            "service_interleave_factor", "host_inter_check_delay_method", "check_result_reaper_frequency",
            "max_check_result_reaper_time", "check_result_path", "max_check_result_file_age",
            "cached_service_check_horizon", "enable_predictive_host_dependency_checks",
            "enable_predictive_service_dependency_checks", "auto_reschedule_checks", "auto_rescheduling_interval",
            "auto_rescheduling_window", "retention_update_interval",
            "use_retained_program_state", "use_retained_scheduling_info", "retained_host_attribute_mask",
            "retained_service_attribute_mask", "retained_process_host_attribute_mask",
            "retained_process_service_attribute_mask", "retained_contact_host_attribute_mask",
            "retained_contact_service_attribute_mask", "check_for_updates", "bare_update_check",
            "check_for_orphaned_services",
            "check_for_orphaned_hosts", "daemon_dumps_core", "debug_level", "debug_verbosity", "debug_file",
            "max_debug_file_size");

    @TempDir
    Path dir;

    @Test
    void verifyOnDebiansNagiosCfgNamesExactlyTheDirectivesVigilIgnores() throws IOException {
        assertThat(DEBIAN).as("install nagios4-core (bin/test does)").exists();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vigil.run(new String[] {"verify", DEBIAN.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<String> warned = out.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("is ignored by Vigil")).map(l -> l.substring(0, l.indexOf(": warning: '") + 12)
                        + l.substring(l.indexOf(": warning: '") + 12).split("'")[0]).toList();
        List<String> expected = new ArrayList<>();
        List<String> lines = Files.readAllLines(DEBIAN);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0 && IGNORED_IN_DEBIAN.contains(line.substring(0, eq))) {
                expected.add(DEBIAN + ":" + (i + 1) + ": warning: '" + line.substring(0, eq));
            }
        }
        assertThat(expected).hasSize(IGNORED_IN_DEBIAN.size());
        assertThat(warned).containsExactlyElementsOf(expected);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("'use_syslog' is ignored",
                "'log_rotation_method' is ignored", "'log_archive_path' is ignored");
    }

    @Test
    void vigilRunSaysAtStartWhatItIgnores() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                use_syslog=0
                broker_module=/usr/lib/check_mk/livestatus.o live debug=1
                check_for_updates=1
                broker_module=/usr/lib/ndoutils/ndomod.o config_file=/etc/ndomod.cfg
                illegal_macro_output_chars=`
                """);
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_dummy!0
                    service_notification_commands check_dummy!0
                }
                define host {
                    host_name local
                    max_check_attempts 1
                    contacts admin
                }
                define service {
                    host_name local
                    service_description svc
                    check_command check_dummy!0
                    max_check_attempts 1
                    check_interval 1
                    retry_interval 1
                    contacts admin
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = dir.resolve("out.txt");
        Process vigil = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--no-web", "nagios.cfg")).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // the livestatus.o line is acted on: its socket (beside nagios.cfg) is answered
            while (!(Files.readString(output).contains("Livestatus: answering on unix:" + dir.resolve("live")))) {
                assertThat(System.nanoTime()).as(Files.readString(output)).isLessThan(deadline);
                assertThat(vigil.isAlive()).as(Files.readString(output)).isTrue();
                Thread.sleep(50);
            }
        } finally {
            vigil.destroy();
            vigil.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(output)).contains(
                "nagios.cfg:4: warning: Livestatus option 'debug' is ignored by Vigil: Vigil has no debug log (its"
                        + " own diagnostics go through vigil.yml's 'logging:')",
                "nagios.cfg:5: warning: 'check_for_updates' is ignored by Vigil: Vigil never checks for updates",
                "nagios.cfg:6: warning: 'broker_module' is ignored by Vigil: NEB modules are not loaded (Vigil is not"
                        + " the Nagios process they link into)");
        assertThat(Files.readString(output)).doesNotContain("nagios.cfg:4: warning: 'broker_module'");
    }
}
