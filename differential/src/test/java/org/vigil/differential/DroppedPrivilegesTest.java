package org.vigil.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Started as root with {@code nagios_user=nagios}, {@code vigil run} runs its plugins (host and service checks), its
 * notification commands and its event handlers as {@code nagios}, with nagios's group and supplementary groups and
 * the environment it was started with (as Nagios, which keeps it: HOME stays root's), and every file it creates is
 * nagios's. nagios4 on the same config records the same. Each command records {@code id -un}, {@code id -gn} and
 * {@code id -G}. The tests run as root in CI; Debian's nagios4-core created the {@code nagios} user and group.
 */
class DroppedPrivilegesTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** What each command the config starts records, besides its kind. */
    private static final List<String> KINDS = List.of("eventhandler", "hostcheck", "notification", "plugin");

    @TempDir
    Path tmp;

    private static String nagiosIds;

    @BeforeAll
    static void asRootWithNagios() throws Exception {
        assumeTrue(uid(Path.of("/proc/self")) == 0, "the privileges are dropped only when started as root (CI is)");
        String groups = output("id", "-G", "nagios").strip();
        assertThat(groups).as("the nagios user (Debian's nagios4-core creates it)").isNotEmpty();
        nagiosIds = "user=nagios group=" + output("id", "-gn", "nagios").strip() + " groups=" + groups + " home="
                + System.getenv("HOME");
    }

    @ParameterizedTest(name = "runner {0}")
    @ValueSource(strings = {"native", "direct", "commons-exec"})
    void everyCommandAndFileIsNagiosAndSoIsVigil(String runner) throws Exception {
        Path dir = site("vigil-" + runner);
        Result r = run(dir, List.of(ROOT.resolve("bin/vigil").toString(), "run", "--no-web", "nagios.cfg"),
                Map.of("VIGIL_JAVA_OPTS", "-Dvigil.runner=" + runner + " -Xmx160m -XX:TieredStopAtLevel=1"));
        assertThat(r.ids()).as(r.out()).containsExactlyElementsOf(expectedIds());
        assertThat(r.processUid()).as("the vigil JVM itself").isEqualTo(uid("nagios"));
        assertThat(r.out()).contains("Running as nagios (uid " + uid("nagios") + ", gid ");
        assertThat(r.out()).contains("Plugins are started through " + (runner.equals("native") ? "native posix_spawn"
                : runner.equals("direct") ? "java.lang.ProcessBuilder" : "Commons Exec"));
        assertThat(r.files()).as("every file under var/, with its owner")
                .contains("ids.txt nagios", "nagios.log nagios", "status.dat nagios", "nagios.cmd nagios",
                        "nagios.lock nagios", "vigil-retention.mv.db nagios", "vigil-objects.cache nagios",
                        "vigil-notify-started nagios")
                .allMatch(line -> line.endsWith(" nagios"));
    }

    /** bin/vigil finds nagios_user in the config that vigil.yml names as well. */
    @Test
    void theConfigNamedInVigilYmlIsFollowed() throws Exception {
        Path dir = site("vigil-yml");
        Files.writeString(dir.resolve("vigil.yml"), "nagios_config: \"nagios.cfg\"\n");
        Result r = run(dir, List.of(ROOT.resolve("bin/vigil").toString(), "run", "--no-web", "--web-config",
                dir.resolve("vigil.yml").toString()), Map.of("VIGIL_JAVA_OPTS", "-Xmx160m -XX:TieredStopAtLevel=1"));
        assertThat(r.ids()).as(r.out()).containsExactlyElementsOf(expectedIds());
        assertThat(r.processUid()).isEqualTo(uid("nagios"));
    }

    /** A JVM started as root without bin/vigil stays root (a JVM cannot drop it), but its children do not. */
    @ParameterizedTest(name = "runner {0}")
    @ValueSource(strings = {"native", "direct", "commons-exec"})
    void aJvmKeptRootStartsEveryCommandAsNagios(String runner) throws Exception {
        Path dir = site("root-jvm-" + runner);
        Result r = run(dir, List.of(ROOT.resolve("bin/vigil").toString(), "run", "--no-web", "nagios.cfg"),
                Map.of("VIGIL_KEEP_ROOT", "1",
                        "VIGIL_JAVA_OPTS", "-Dvigil.runner=" + runner + " -Xmx160m -XX:TieredStopAtLevel=1"));
        assertThat(r.ids()).as(r.out()).containsExactlyElementsOf(expectedIds());
        assertThat(r.processUid()).isZero();
        assertThat(r.out()).contains("Warning: Vigil itself runs as root (bin/vigil, which starts it as nagios_user,"
                + " was not used): the commands it starts run as nagios (uid " + uid("nagios"));
    }

    @Test
    void nagiosRecordsTheSame() throws Exception {
        Path dir = site("nagios4");
        Files.writeString(dir.resolve("nagios.cfg"), "check_result_path=" + dir.resolve("var") + "\ntemp_path="
                + dir.resolve("var") + "\nquery_socket=" + dir.resolve("var/nagios.qh") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Result r = run(dir, List.of("/usr/sbin/nagios4", "nagios.cfg"), Map.of());
        assertThat(r.ids()).as(r.out()).containsExactlyElementsOf(expectedIds());
        assertThat(r.processUid()).isEqualTo(uid("nagios"));
    }

    @Test
    void aUserTheSystemDoesNotHaveIsAConfigErrorAndNothingStarts() throws Exception {
        Path dir = site("unknown-user");
        Path cfg = dir.resolve("nagios.cfg");
        Files.writeString(cfg, Files.readString(cfg).replace("nagios_user=nagios", "nagios_user=nagiox"));
        Process p = new ProcessBuilder(ROOT.resolve("bin/vigil").toString(), "run", "--no-web", "nagios.cfg")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(1);
        int line = Files.readAllLines(cfg).indexOf("nagios_user=nagiox") + 1;
        assertThat(out).contains("nagios.cfg:" + line + ": error: nagios_user 'nagiox' is not a user of this system"
                + " (expected a user name that 'getent passwd' knows, or a numeric uid)").doesNotContain("\tat ");
        try (Stream<Path> var = Files.list(dir.resolve("var"))) {
            assertThat(var).isEmpty();
        }
    }

    /** var/ as a run as root left it: nagios cannot write there, and the error says which file and what to do. */
    @Test
    void aDirectoryARootRunLeftIsNamedWithWhatToDo() throws Exception {
        Path dir = site("root-owned");
        new ProcessBuilder("chown", "root:root", dir.resolve("var").toString()).inheritIO().start().waitFor();
        Process p = new ProcessBuilder(ROOT.resolve("bin/vigil").toString(), "run", "--no-web", "nagios.cfg")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(1);
        assertThat(out).contains("vigil run: Cannot write the lock file '" + dir.resolve("var/nagios.lock") + "': "
                + dir.resolve("var/nagios.lock") + ": permission denied to user nagios (expected a file and directory"
                + " that user may write: Vigil runs as nagios_user when started as root, so chown what an earlier run"
                + " as root left there)").doesNotContain("\tat ");
    }

    private static List<String> expectedIds() {
        return KINDS.stream().map(k -> k + " " + nagiosIds).toList();
    }

    /** @param files every entry under var/ with its owner, while the engine ran */
    private record Result(List<String> ids, int processUid, List<String> files, String out) {
    }

    /**
     * Runs the engine in {@code dir} until each kind of command has recorded itself and status.dat is written, then
     * stops it with SIGTERM.
     * The process started is the engine's (bin/vigil execs into setpriv, which execs the JVM; nagios4 stays in the
     * foreground).
     */
    private static Result run(Path dir, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        Path ids = dir.resolve("var/ids.txt");
        long deadline = System.nanoTime() + WAIT.toNanos();
        int processUid;
        List<String> files;
        try {
            while (!(Files.exists(ids) && KINDS.stream().allMatch(k -> contains(ids, k + " "))
                    && Files.exists(dir.resolve("var/status.dat")))) {
                assertThat(p.isAlive()).as(Files.readString(dir.resolve("out.txt"))).isTrue();
                assertThat(System.nanoTime()).as(Files.readString(dir.resolve("out.txt"))).isLessThan(deadline);
                Thread.sleep(100);
            }
            processUid = uid(Path.of("/proc/" + p.pid()));
            files = ownersOf(dir.resolve("var"));
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        List<String> seen = new ArrayList<>(new TreeSet<>(Files.readAllLines(ids)));
        seen.removeIf(l -> l.startsWith("host-notification"));
        return new Result(seen, processUid, files, Files.readString(dir.resolve("out.txt")));
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** A site in a directory of nagios's (a root-owned one, as left by a root run, it could not write). */
    private Path site(String name) throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("var"));
        Path record = dir.resolve("record");
        Files.writeString(record, """
                #!/bin/sh
                # each run records what it is and as whom it runs, and exits with $2
                echo "$1 user=$(id -un) group=$(id -gn) groups=$(id -G) home=$HOME" >> "$(dirname "$0")/var/ids.txt"
                exit ${2:-0}
                """);
        Files.setPosixFilePermissions(record, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                status_file=var/status.dat
                state_retention_file=var/retention.dat
                command_file=var/nagios.cmd
                lock_file=var/nagios.lock
                object_cache_file=var/objects.cache
                check_external_commands=1
                interval_length=1
                nagios_user=nagios
                nagios_group=nagios
                enable_event_handlers=1
                enable_notifications=1
                illegal_macro_output_chars=`
                """);
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name    rec
                    command_line    @DIR@/record $ARG1$ $ARG2$
                }
                define timeperiod {
                    timeperiod_name always
                    alias           always
                    sunday          00:00-24:00
                    monday          00:00-24:00
                    tuesday         00:00-24:00
                    wednesday       00:00-24:00
                    thursday        00:00-24:00
                    friday          00:00-24:00
                    saturday        00:00-24:00
                }
                define contact {
                    contact_name                    admin
                    host_notification_commands      rec!host-notification
                    service_notification_commands   rec!notification
                    host_notification_period        always
                    service_notification_period     always
                    service_notification_options    w,u,c,r
                    host_notification_options       d,r
                }
                define host {
                    host_name               local
                    check_command           rec!hostcheck!0
                    max_check_attempts      1
                    check_period            always
                    contacts                admin
                    notification_period     always
                }
                define service {
                    host_name               local
                    service_description     svc
                    check_command           rec!plugin!2
                    event_handler           rec!eventhandler
                    max_check_attempts      1
                    check_interval          1
                    retry_interval          1
                    check_period            always
                    contacts                admin
                    notification_period     always
                    notification_interval   0
                }
                """.replace("@DIR@", dir.toString()));
        new ProcessBuilder("chown", "-R", "nagios:nagios", dir.toString()).inheritIO().start().waitFor();
        return dir;
    }

    /** Every entry under {@code dir} with its owner's name, as {@code name owner}. */
    private static List<String> ownersOf(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> !f.equals(dir)).toList()) {
                out.add(dir.relativize(f) + " " + Files.getOwner(f).getName());
            }
        }
        return out;
    }

    private static int uid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid");
    }

    private static int uid(String user) throws Exception {
        return Integer.parseInt(output("id", "-u", user).strip());
    }

    private static String output(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
