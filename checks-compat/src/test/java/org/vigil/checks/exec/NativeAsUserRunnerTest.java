package org.vigil.checks.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.vigil.config.main.Accounts;
import org.vigil.config.main.DaemonUser;

/**
 * The native runner of a root JVM starting every command as {@code nagios} (vfork, the ids set in the child) passes
 * the same contract as the others: output, exit codes, timeouts that kill the whole tree, process groups.
 */
class NativeAsUserRunnerTest extends PluginRunnerContract {

    @Override
    PluginRunner newRunner(RunnerOptions options) {
        Accounts accounts = new Accounts();
        assumeTrue(accounts.currentUid() == 0, "only root can start a command as another user (CI runs as root)");
        assertThat(NativeRunner.available()).as("native spawner: %s", NativeRunner.whyUnavailable()).isTrue();
        Accounts.User nagios = accounts.user("nagios").orElseThrow(() -> new AssertionError("no nagios user:"
                + " install nagios4-core (bin/test does)"));
        try { // the scripts and what they write lie here
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NativeRunner(options.withUser(new DaemonUser("nagios", nagios.uid(), nagios.gid(),
                accounts.groupsOf("nagios"))));
    }
}
