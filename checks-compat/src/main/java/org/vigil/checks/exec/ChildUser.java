package org.vigil.checks.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vigil.config.main.Accounts;
import org.vigil.config.main.DaemonUser;
import org.vigil.config.main.MainConfig;

/**
 * How a command is started as {@code nagios_user} by a JVM that is still root, as Nagios's {@code drop_privileges}
 * sets it (the group, the supplementary groups, the user; the environment left as it is): the native runner sets the
 * ids in its vfork child before it execs ({@code vigilspawn.c}); the Java runners, which cannot, prefix the command
 * with util-linux's {@code setpriv}, one more exec per command.
 *
 * <p>A JVM cannot drop root for itself, so {@code bin/vigil} starts it as that user when it is run as root: then
 * every child is that user's already and nothing is done here. This covers a JVM started as root another way
 * ({@code java -jar vigil.jar run}, {@code VIGIL_KEEP_ROOT=1}).
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

    /** The argv prefix that starts a command as {@code user} (the Java runners'). */
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
                + " used): the commands it starts run as " + user.describe() + ", but the files it writes belong"
                + " to root");
    }

    /** Whether {@code runner} can start commands as another user here: natively, or with setpriv installed. */
    public static boolean canSwitch(PluginRunner runner) {
        return runner instanceof NativeRunner || Files.isExecutable(SETPRIV);
    }
}
