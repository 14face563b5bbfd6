package org.vigil.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;

/**
 * {@code log_rotation_method=h} across an hour boundary, Vigil's daemon on an injected clock beside nagios4 4.4.6
 * under libfaketime, both on the same config and both started at 03:59:30 UTC (time for the first checks on a busy
 * machine): each archives its log as {@code nagios-12-07-2026-04.log} at 04:00:00 and opens the new log with the
 * same lines.
 */
class LogRotationDaemonTest {

    private static final Instant START = Instant.parse("2026-12-07T03:59:30Z");
    private static final Instant BOUNDARY = Instant.parse("2026-12-07T04:00:00Z");
    private static final String ARCHIVE = "var/archive/nagios-12-07-2026-04.log";
    private static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

    @TempDir
    Path dir;

    @Test
    void anHourBoundaryArchivesTheLogAndOpensTheNewOneAsNagiosDoes() throws Exception {
        assertThat(LIBFAKETIME).as("install faketime (bin/test does)").exists();
        Path nagiosDir = prepare(dir.resolve("nagios"));
        Path vigilDir = prepare(dir.resolve("vigil"));
        removeLeftSemaphores();
        // the library preloaded, not the faketime wrapper: the wrapper refuses to start when a semaphore named for
        // its pid is left over from a killed process, and a signal to it would not reach nagios4
        ProcessBuilder nagiosCommand = new ProcessBuilder("/usr/sbin/nagios4",
                nagiosDir.resolve("nagios.cfg").toString()).redirectErrorStream(true).redirectOutput(nagiosDir.resolve("console.txt").toFile());
        nagiosCommand.environment().put("LD_PRELOAD", LIBFAKETIME.toString());
        nagiosCommand.environment().put("FAKETIME", "@2026-12-07 03:59:30");
        Process nagios = nagiosCommand.start();
        try {
            LoadResult config = ConfigLoader.load(vigilDir.resolve("nagios.cfg"));
            assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
            try (Daemon daemon = new Daemon(config, clock, new PrintStream(PrintStream.nullOutputStream()))) {
                daemon.start();
                await(() -> opening(vigilDir).size() == 4 && opening(nagiosDir).size() == 4, nagiosDir);
                List<String> expected = List.of(
                        "[1796616000] LOG ROTATION: HOURLY",
                        "[1796616000] LOG VERSION: 2.0",
                        "[1796616000] CURRENT HOST STATE: local;UP;HARD;1;OK: up",
                        "[1796616000] CURRENT SERVICE STATE: local;svc;CRITICAL;HARD;1;CRITICAL: broken");
                assertThat(BOUNDARY.getEpochSecond()).isEqualTo(1796616000L);
                assertThat(opening(nagiosDir)).as("nagios4's new log").isEqualTo(expected);
                assertThat(opening(vigilDir)).as("Vigil's new log").isEqualTo(expected);

                String archived = Files.readString(vigilDir.resolve(ARCHIVE));
                assertThat(archived).contains("SERVICE ALERT: local;svc;CRITICAL;HARD;1;CRITICAL: broken")
                        .doesNotContain("LOG ROTATION");
                assertThat(stamps(archived)).allMatch(t -> t < BOUNDARY.getEpochSecond());
                assertThat(Files.readString(nagiosDir.resolve(ARCHIVE)))
                        .contains("SERVICE ALERT: local;svc;CRITICAL;HARD;1;CRITICAL: broken");
                assertThat(Files.list(vigilDir.resolve("var/archive")).toList()).hasSize(1);

                await(() -> lastLogRotation(vigilDir) > 0, nagiosDir);
                assertThat(lastLogRotation(vigilDir)).isBetween(BOUNDARY.getEpochSecond(),
                        BOUNDARY.getEpochSecond() + 5);
            }
        } finally {
            nagios.destroy();
            if (!nagios.waitFor(20, TimeUnit.SECONDS)) {
                nagios.destroyForcibly();
            }
        }
    }

    /**
     * libfaketime names a semaphore and a shared memory file in /dev/shm for each process it starts in, and only a
     * clean exit removes them: those of processes no longer running are removed, so a new process given the same pid
     * does not find them.
     */
    private static void removeLeftSemaphores() throws IOException {
        try (var files = Files.list(Path.of("/dev/shm"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                String pid = name.startsWith("faketime_shm_") ? name.substring("faketime_shm_".length())
                        : name.startsWith("sem.faketime_sem_") ? name.substring("sem.faketime_sem_".length()) : "";
                if (pid.matches("[0-9]+") && !Files.exists(Path.of("/proc", pid))) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private Path prepare(Path at) throws IOException, InterruptedException {
        Files.createDirectories(at.resolve("var/archive")); // nagios4 does not make it (Vigil would)
        String user = System.getProperty("user.name");
        Files.writeString(at.resolve("nagios.cfg"), resource("nagios.cfg").replace("@DIR@", at.toString())
                .replace("@USER@", user).replace("@GROUP@", groupOf(user)));
        Files.writeString(at.resolve("objects.cfg"), resource("objects.cfg"));
        return at;
    }

    /** The new log's lines up to the first that is not part of a rotation's opening. */
    private static List<String> opening(Path at) {
        List<String> lines = lines(at.resolve("var/nagios.log"));
        if (lines.isEmpty() || !lines.get(0).contains("LOG ROTATION")) {
            return List.of();
        }
        return lines.stream().takeWhile(l -> l.startsWith("[1796616000] ")
                && !l.contains("ALERT") && !l.contains("shutdown")).limit(4).toList();
    }

    private static long lastLogRotation(Path at) {
        return lines(at.resolve("var/status.dat")).stream().filter(l -> l.startsWith("\tlast_log_rotation="))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf('=') + 1))).findFirst().orElse(0);
    }

    private static List<Long> stamps(String log) {
        return log.lines().map(l -> Long.parseLong(l.substring(1, l.indexOf(']')))).toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void await(BooleanSupplier done, Path nagiosDir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(() -> "nagios4's console: " + read(nagiosDir.resolve("console.txt")))
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LogRotationDaemonTest.class.getResourceAsStream("/rotation/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String groupOf(String user) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", "-gn", user).start();
        String g = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 && !g.isEmpty() ? g : user;
    }
}
