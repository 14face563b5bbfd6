package org.vigil.checks.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.checks.command.CommandLine;
import org.vigil.config.main.Accounts;
import org.vigil.config.main.DaemonUser;

/**
 * A runner of a root JVM told to start its commands as nagios_user starts them so, each runner alike: user, group
 * and supplementary groups are the user's, the environment is what the runner was given.
 */
class ChildUserTest {

    @Test
    void theLauncherComesFirstAndTheCommandIsCheckedAsGiven() {
        DaemonUser user = new DaemonUser("nagios", 105, 112, List.of(112, 4));
        CommandLine line = CommandLine.parse("/bin/true a");
        assertThat(ExecPlan.of(line, Map.of(), RunnerOptions.SETSID, ChildUser.launcher(user)).argv())
                .containsExactly("/usr/bin/setpriv", "--reuid=105", "--regid=112", "--groups=112,4", "--",
                        "/usr/bin/setsid", "-w", "/bin/true", "a");
        assertThat(ExecPlan.of(CommandLine.parse("/nonexistent/x"), Map.of(), null, ChildUser.launcher(user))
                .execFailure()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"native", "direct", "commons-exec"})
    void everyRunnerStartsTheCommandAsTheUser(String name) throws Exception {
        Accounts accounts = new Accounts();
        assumeTrue(accounts.currentUid() == 0, "only root can start a command as another user (CI runs as root)");
        if (name.equals("native")) {
            assertThat(NativeRunner.available()).as(NativeRunner.whyUnavailable()).isTrue();
        }
        Accounts.User nagios = accounts.user("nagios").orElseThrow(() -> new AssertionError("no nagios user:"
                + " install nagios4-core (bin/test does)"));
        DaemonUser user = new DaemonUser("nagios", nagios.uid(), nagios.gid(), accounts.groupsOf("nagios"));
        PluginRunner runner = PluginRunners.create(name, RunnerOptions.defaults().withUser(user));
        try {
            PluginResult r = runner.run(CommandLine.parse("/bin/sh -c 'echo $(id -un) $(id -gn) $(id -G) $HOME'"),
                    Map.of("PATH", "/usr/bin:/bin", "HOME", "/root"), Duration.ofSeconds(10));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout().strip()).isEqualTo("nagios " + group(nagios.gid()) + " " + user.groupList()
                    .replace(',', ' ') + " /root");
        } finally {
            if (runner instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    /**
     * A program root may run but the user may not: the native runner's child fails at its exec, as the user, and
     * reports it as Nagios's child does (exit status errno 13, "execvp(...) failed" on stderr).
     */
    @Test
    void aProgramTheUserMayNotRunFailsAsNagiosReportsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Accounts accounts = new Accounts();
        assumeTrue(accounts.currentUid() == 0, "only root can start a command as another user (CI runs as root)");
        assertThat(NativeRunner.available()).as(NativeRunner.whyUnavailable()).isTrue();
        java.nio.file.Path script = dir.resolve("root-only");
        java.nio.file.Files.writeString(script, "#!/bin/sh\necho ran\n");
        java.nio.file.Files.setPosixFilePermissions(script,
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        java.nio.file.Files.setPosixFilePermissions(dir,
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Accounts.User nagios = accounts.user("nagios").orElseThrow();
        DaemonUser user = new DaemonUser("nagios", nagios.uid(), nagios.gid(), accounts.groupsOf("nagios"));
        try (NativeRunner runner = new NativeRunner(RunnerOptions.defaults().withUser(user))) {
            PluginResult r = runner.run(CommandLine.parse(script.toString()), Map.of("PATH", "/usr/bin:/bin"),
                    Duration.ofSeconds(10));
            assertThat(r.exitCode()).isEqualTo(13);
            assertThat(r.stderr()).isEqualTo("execvp(" + script + ", ...) failed. errno is 13: Permission denied\n");
            assertThat(r.stdout()).isEmpty();
        }
    }

    private static String group(int gid) throws Exception {
        Process p = new ProcessBuilder("getent", "group", String.valueOf(gid)).start();
        return new String(p.getInputStream().readAllBytes()).split(":")[0];
    }
}
