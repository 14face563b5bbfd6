package org.vigil.checks.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vigil.config.main.Accounts;
import org.vigil.config.main.DaemonUser;
import org.vigil.config.main.MainConfig;

/**
 * How a command is started as {@code nagios_user} by a JVM that is still root: through util-linux's {@code setpriv},
 * which sets the group, the supplementary groups and the user (as Nagios's {@code drop_privileges}: setgid,
 * initgroups, setuid) and then execs the command, leaving the environment as it is, as Nagios leaves it.
 *
 * <p>A JVM cannot drop root for itself, so {@code bin/vigil} starts it as that user when it is run as root: then
 * every child is that user's already and nothing is added here. This covers a JVM started as root another way
 * ({@code java -jar vigil.jar run}), at the cost of one more exec per command.
 */
public final class ChildUser {

    static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private ChildUser() {
    }

    /** The user a root JVM must switch its children to; empty when it is not root or no other user is named. */
    public static Optional<DaemonUser> switchTo(MainConfig main, Accounts accounts) {
        if (accounts.currentUid() != 0) {
            return Optional.empty();
        }
        return DaemonUser.of(main, accounts).filter(u -> u.uid() != 0);
    }

    /** The argv prefix that starts a command as {@code user}. */
    static List<String> launcher(DaemonUser user) {
        return List.of(SETPRIV.toString(), "--reuid=" + user.uid(), "--regid=" + user.gid(),
                "--groups=" + user.groupList(), "--");
    }

    /**
     * What the start-up log says about the user Vigil runs as, when the config names one: that it runs as that user,
     * or, for a root JVM, that only its children do. A process of another user was warned by the config reader.
     */
    public static Optional<String> startNotice(MainConfig main, Accounts accounts) {
        Optional<DaemonUser> named = DaemonUser.of(main, accounts);
        int self = accounts.currentUid();
        if (named.isEmpty() || self != named.get().uid() && self != 0) {
            return Optional.empty();
        }
        DaemonUser user = named.get();
        if (self == user.uid()) {
            return Optional.of("Running as " + user.describe() + ", as nagios_user and nagios_group say");
        }
        return Optional.of("Warning: Vigil itself runs as root (bin/vigil, which starts it as nagios_user, was not"
                + " used): the commands it starts run as " + user.describe() + " through setpriv, but the files it"
                + " writes belong to root");
    }

    /** Whether the launcher can be used here. */
    public static boolean available() {
        return Files.isExecutable(SETPRIV);
    }
}
