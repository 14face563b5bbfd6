package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil verify}, in a JVM of its own, on a nagios.cfg with mod_gearman's broker_module line: the module.conf's
 * problems with the rest, at their file:line, in the totals and the exit code, and one line saying where checks go.
 */
class GearmanVerifyProcessTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void objects() throws Exception {
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
                }
                define contact {
                    contact_name admin
                    host_notifications_enabled 0
                    service_notifications_enabled 0
                    host_notification_period 24x7
                    service_notification_period 24x7
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                define timeperiod {
                    timeperiod_name 24x7
                    alias           always
                    monday          00:00-24:00
                }
                define host {
                    host_name web1
                    max_check_attempts 3
                    check_command check_dummy!0
                    contacts admin
                }
                define service {
                    host_name web1
                    service_description ping
                    check_command check_dummy!0
                    max_check_attempts 3
                    check_period 24x7
                    notification_period 24x7
                    contacts admin
                }
                """);
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                illegal_macro_output_chars=`~$&|'"<>
                broker_module=/usr/lib/mod_gearman/mod_gearman_naemon.o config=module.conf
                """);
    }

    private Run vigil(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.vigil.app.cli.Vigil"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aGoodModuleConfSaysWhereChecksGoAndWarnsAboutKeysNotActedOn() throws Exception {
        Files.writeString(dir.resolve("secret.key"), "0123456789abcdef\n");
        Files.writeString(dir.resolve("module.conf"), """
                server=127.0.0.1:4730
                keyfile=%s
                hosts=yes
                services=yes
                hostgroups=web
                perfdata=no
                """.formatted(dir.resolve("secret.key")));
        Run r = vigil("verify", "nagios.cfg");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("module.conf:6: warning: mod_gearman option 'perfdata' is ignored by Vigil:"
                + " performance data is not queued on gearmand")
                .contains("Checks go to gearmand at 127.0.0.1:4730: queues host, service, hostgroup_web; key from "
                        + dir.resolve("secret.key") + "; results on check_results\n")
                .contains("Total Warnings: 1\n").contains("Total Errors: 0\n").doesNotContain("is ignored by Vigil:"
                        + " NEB modules");
        assertThat(r.exit()).isZero();
    }

    @Test
    void moduleConfErrorsAreCountedAndMakeVerifyFail() throws Exception {
        Files.writeString(dir.resolve("module.conf"), """
                server=127.0.0.1:4730
                key=secret
                orphan_retrun=2
                hosts=perhaps
                """);
        Run r = vigil("verify", "nagios.cfg");
        assertThat(r.out()).contains("module.conf:3: error: unknown mod_gearman option 'orphan_retrun' (did you"
                + " mean 'orphan_return'?)\n", "module.conf:4: error: hosts: expected yes/no, on/off, true/false or"
                + " 1/0, got 'perhaps'\n", "Checks would run on this machine: the gearman settings have errors\n",
                "Total Errors: 2\n");
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void vigilYmlGivenToVerifyWinsOverTheModuleLine() throws Exception {
        Files.writeString(dir.resolve("module.conf"), "server=127.0.0.1:4730\nkey=secret\n");
        Files.writeString(dir.resolve("vigil.yml"), """
                gearman:
                  server: gearmand.example:4730
                  encryption: false
                  local_fallback_after: never
                """);
        Run r = vigil("verify", "--web-config", "vigil.yml", "nagios.cfg");
        assertThat(r.out()).contains("Checks go to gearmand at gearmand.example:4730: queues host, service,"
                + " eventhandler; unencrypted; results on check_results\n", "Total Errors: 0\n");
        assertThat(r.exit()).isZero();
    }
}
