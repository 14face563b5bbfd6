package org.vigil.config.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.diag.Diagnostics;

/**
 * nagios_user and nagios_group resolved against the system's real accounts: the {@code nagios} user and group that
 * Debian's nagios4-core package creates (bin/test installs it), and {@code root}.
 */
class DaemonUserTest {

    @TempDir
    Path dir;

    /** The real accounts, as seen by a process of {@code uid}. */
    private static Accounts as(int uid) {
        return new Accounts() {
            @Override
            public int currentUid() {
                return uid;
            }
        };
    }

    private record Read(MainConfig main, List<String> diagnostics) {
    }

    private Read read(String text, Accounts accounts) throws IOException {
        Path cfg = dir.resolve("nagios.cfg");
        Files.writeString(cfg, text);
        Diagnostics diags = new Diagnostics();
        MainConfig main = new MainConfigReader(diags, accounts).read(cfg);
        return new Read(main, diags.all().stream().map(Diagnostic::toString)
                .map(s -> s.replace(dir + "/", "")).toList());
    }

    private static Accounts.User nagios() {
        return new Accounts().user("nagios").orElseThrow(() -> new AssertionError("no nagios user: install"
                + " nagios4-core (bin/test does)"));
    }

    @Test
    void namesResolveToTheUserItsGroupAndItsSupplementaryGroups() throws IOException {
        Read r = read("nagios_user=nagios\nnagios_group=nagios\n", as(0));
        assertThat(r.diagnostics()).isEmpty();
        DaemonUser u = DaemonUser.of(r.main(), as(0)).orElseThrow();
        Accounts.User nagios = nagios();
        assertThat(u.user()).isEqualTo("nagios");
        assertThat(u.uid()).isEqualTo(nagios.uid());
        assertThat(u.gid()).isEqualTo(new Accounts().group("nagios").orElseThrow());
        assertThat(u.groups()).first().isEqualTo(u.gid());
        assertThat(u.groups()).containsExactlyInAnyOrderElementsOf(new Accounts().groupsOf("nagios"));
    }

    @Test
    void numericIdsAreTakenAsIdsAsNagiosTakesThem() throws IOException {
        Accounts.User nagios = nagios();
        Read r = read("nagios_user=" + nagios.uid() + "\nnagios_group=" + nagios.gid() + "\n", as(0));
        assertThat(r.diagnostics()).isEmpty();
        DaemonUser u = DaemonUser.of(r.main(), as(0)).orElseThrow();
        assertThat(u).extracting(DaemonUser::user, DaemonUser::uid, DaemonUser::gid)
                .containsExactly("nagios", nagios.uid(), nagios.gid());
        // a uid no passwd entry names is used as it is, as Nagios does, with the group it is given
        r = read("nagios_user=4242\nnagios_group=4343\n", as(0));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(DaemonUser.of(r.main(), as(0)).orElseThrow())
                .isEqualTo(new DaemonUser("4242", 4242, 4343, List.of(4343)));
    }

    @Test
    void aMissingGroupIsTheUsersOwnAndAMissingUserIsNagiosDefault() throws IOException {
        Accounts.User nagios = nagios();
        assertThat(DaemonUser.of(read("nagios_user=nagios\n", as(0)).main(), as(0)).orElseThrow().gid())
                .isEqualTo(nagios.gid());
        DaemonUser groupOnly = DaemonUser.of(read("nagios_group=0\n", as(0)).main(), as(0)).orElseThrow();
        assertThat(groupOnly.user()).isEqualTo("nagios");
        assertThat(groupOnly.gid()).isZero();
        assertThat(DaemonUser.of(read("log_file=x.log\n", as(0)).main(), as(0))).isEmpty();
    }

    @Test
    void aUserOrGroupTheSystemDoesNotHaveIsAnErrorAtItsLine() throws IOException {
        Read r = read("log_file=x.log\nnagios_user=nagiox\nnagios_group=nagios\n", as(0));
        assertThat(r.diagnostics()).containsExactly("nagios.cfg:2: error: nagios_user 'nagiox' is not a user of this"
                + " system (expected a user name that 'getent passwd' knows, or a numeric uid)");
        r = read("nagios_user=nagios\nnagios_group=nagiox\n", as(0));
        assertThat(r.diagnostics()).containsExactly("nagios.cfg:2: error: nagios_group 'nagiox' is not a group of"
                + " this system (expected a group name that 'getent group' knows, or a numeric gid)");
        r = read("nagios_user=4242\n", as(0));
        assertThat(r.diagnostics()).containsExactly("nagios.cfg:1: error: nagios_user 4242 has no passwd entry to"
                + " take a group from (expected nagios_group naming the group to run as)");
        assertThat(DaemonUser.of(r.main(), as(0))).isEqualTo(Optional.empty());
    }

    @Test
    void notStartedAsRootTheDirectivesAreIgnoredWithAWarning() throws IOException {
        int other = nagios().uid() + 1;
        Read r = read("nagios_user=nagios\n", as(other));
        assertThat(r.diagnostics()).containsExactly("nagios.cfg:1: warning: nagios_user 'nagios' is ignored: Vigil"
                + " was not started as root, so it and the commands it starts run as itself (uid " + other + "), as"
                + " Nagios does (expected to be started as root to run as nagios)");
        // the user it runs as already, or root itself: nothing to say
        assertThat(read("nagios_user=nagios\n", as(nagios().uid())).diagnostics()).isEmpty();
        assertThat(read("nagios_user=root\n", as(0)).diagnostics()).isEmpty();
    }
}
