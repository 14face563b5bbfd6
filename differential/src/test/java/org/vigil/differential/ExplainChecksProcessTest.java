package org.vigil.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/vigil verify --explain-checks} as a user runs it, on the shaded jar: per command, which hosts' and
 * services' checks run built-in and why the others run the plugin, with each way's first expanded command line;
 * {@code --web-config} applies vigil.yml's {@code builtin_checks:} switches.
 */
class ExplainChecksProcessTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run vigil(String... args) throws Exception {
        Path jar = ROOT.resolve("vigil-app/target/vigil.jar");
        assertThat(jar).as("the suite runs in `mvn verify` after vigil-app's package").exists();
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/vigil").toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("VIGIL_JAVA_OPTS", "-Xmx160m -XX:TieredStopAtLevel=1");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path config(String main) throws Exception {
        Files.writeString(dir.resolve("resource.cfg"), "$USER1$=/usr/lib/nagios/plugins\n");
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nresource_file=resource.cfg\n" + main);
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name dummy
                    command_line $USER1$/check_dummy $ARG1$ "$ARG2$"
                }
                define command {
                    command_name dummy_piped
                    command_line $USER1$/check_dummy $ARG1$ | tr a-z A-Z
                }
                define command {
                    command_name users
                    command_line $USER1$/check_users -w $ARG1$ -c $ARG2$
                }
                define contact {
                    contact_name admin
                    host_notification_commands dummy!0
                    service_notification_commands dummy!0
                }
                define host {
                    host_name web1
                    address 10.0.0.1
                    check_command dummy!0!$HOSTADDRESS$ is up
                    max_check_attempts 1
                    contacts admin
                }
                define host {
                    host_name web2
                    check_command dummy!0!up
                    max_check_attempts 1
                    contacts admin
                }
                define service {
                    host_name web1
                    service_description heartbeat
                    check_command dummy!1!late
                    max_check_attempts 1
                    contacts admin
                }
                define service {
                    host_name web1
                    service_description help
                    check_command dummy!-h
                    max_check_attempts 1
                    contacts admin
                }
                define service {
                    host_name web1
                    service_description shouting
                    check_command dummy_piped!0
                    max_check_attempts 1
                    contacts admin
                }
                define service {
                    host_name web2
                    service_description users
                    check_command users!5!10
                    max_check_attempts 1
                    contacts admin
                }
                """);
        return dir.resolve("nagios.cfg");
    }

    @Test
    void eachCommandSaysWhichChecksRunBuiltInAndWhyTheOthersDoNot() throws Exception {
        Run r = vigil("verify", "--explain-checks", config("").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("""
                Checks: 3 of 6 run built-in (command lines expanded with each object's macros; runtime macros such \
                as $HOSTSTATE$ read empty here)
                  dummy: built-in check_dummy (2 hosts, 1 service)
                      e.g. host web1: /usr/lib/nagios/plugins/check_dummy 0 "10.0.0.1 is up"
                  dummy: forked: check_dummy -h (its help and version screens) is left to the plugin (1 service)
                      e.g. service web1/help: /usr/lib/nagios/plugins/check_dummy -h ""
                  dummy_piped: forked: it needs a shell (""");
        assertThat(r.out()).contains("""
                  users: forked: Vigil has no built-in check_users (1 service)
                      e.g. service web2/users: /usr/lib/nagios/plugins/check_users -w 5 -c 10
                """);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theSwitchesOfVigilYmlAndEnvironmentMacrosAreTakenIntoAccount() throws Exception {
        Path cfg = config("");
        Files.writeString(dir.resolve("off.yml"), "builtin_checks:\n  enabled: false\n");
        Run off = vigil("verify", "--explain-checks", "--web-config", dir.resolve("off.yml").toString(),
                cfg.toString());
        assertThat(off.exit()).as(off.err()).isZero();
        assertThat(off.out()).contains("Checks: 0 of 6 run built-in").contains("  dummy: forked: built-in checks are"
                + " switched off (builtin_checks: enabled: false) (2 hosts, 1 service)");

        Files.writeString(dir.resolve("forked.yml"), "builtin_checks:\n  forked_plugins: [check_dummy]\n");
        Run forked = vigil("verify", "--explain-checks", "--web-config", dir.resolve("forked.yml").toString(),
                cfg.toString());
        assertThat(forked.out())
                .contains("  dummy: forked: built-in check_dummy is switched off (2 hosts, 2 services)");

        Files.writeString(dir.resolve("bad.yml"), "builtin_checks:\n  forked_plugins: [check_dumy]\n");
        Run bad = vigil("verify", "--explain-checks", "--web-config", dir.resolve("bad.yml").toString(),
                cfg.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("builtin_checks.forked_plugins: 'check_dumy' is not a plugin Vigil has built"
                + " in").doesNotContain("\tat ");

        Run env = vigil("verify", "--explain-checks", config("enable_environment_macros=1\n").toString());
        assertThat(env.out()).contains("  dummy: forked: enable_environment_macros=1: the plugin may read the"
                + " NAGIOS_* environment (2 hosts, 1 service)");
    }

    /** The sample gives real results without monitoring-plugins: every one of its checks runs built-in. */
    @Test
    void everyCheckOfTheSampleConfigRunsBuiltIn() throws Exception {
        Run r = vigil("verify", "--explain-checks", ROOT.resolve("sample-configs/nagios.cfg").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Checks: (\\d+) of \\1 run built-in").doesNotContain(": forked:")
                .contains("  check-host-alive: built-in check_dummy (4 hosts)")
                .contains("  check_dummy: built-in check_dummy (4 services)")
                .contains("  check_tcp: built-in check_tcp (3 services)")
                .contains("  check_local_load: built-in check_load (1 service)")
                .contains("  check_vigil_web: built-in check_http (2 services)")
                .contains("  check_vigil_admin: built-in check_http (2 services)");
    }
}
