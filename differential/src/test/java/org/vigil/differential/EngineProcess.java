package org.vigil.differential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One monitoring engine (Nagios or Vigil) running one scenario in a directory of its own: the scenario's files, the
 * shared prelude, the scripted plugins, and {@code var/} for the log, status.dat, the command FIFO and retention.
 */
abstract class EngineProcess implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(40);

    final String label;
    final Path dir;
    private final List<String> resourceLines = new ArrayList<>();
    private Process process;

    EngineProcess(String label, Path dir) {
        this.label = label;
        this.dir = dir;
    }

    /** Adds a line to this engine's resource.cfg (after {@code $USER1$}, the scripted plugins' directory). */
    EngineProcess withResource(String line) {
        resourceLines.add(line);
        return this;
    }

    /** The command that starts the engine on {@code nagiosCfg}. */
    abstract List<String> command(Path nagiosCfg);

    /** A log line that says the engine reads its command file. */
    abstract String readyLine();

    /** Environment for the process. */
    Map<String, String> environment() {
        return Map.of();
    }

    /** Lays out the directory: prelude, scenario files, plugins, main config with the scenario's lines. */
    void prepare(Scenario s) throws IOException {
        Files.createDirectories(dir.resolve("var/spool")); // where a perfdata processing command moves its files
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("seq"));
        try (Stream<Path> files = Files.list(s.dir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String user = System.getProperty("user.name");
        String main = (prelude("nagios.cfg") + String.join("\n", s.mainLines()) + "\n").replace("@DIR@",
                dir.toString()).replace("@USER@", user).replace("@GROUP@", groupOf(user));
        Files.writeString(dir.resolve("nagios.cfg"), main);
        Files.writeString(dir.resolve("prelude.cfg"), prelude("prelude.cfg"));
        Files.writeString(dir.resolve("resource.cfg"), "$USER1$=" + dir.resolve("bin") + "\n"
                + resourceLines.stream().map(l -> l + "\n").collect(Collectors.joining()));
        for (String script : List.of("scripted", "record")) {
            Path p = dir.resolve("bin").resolve(script);
            Files.writeString(p, prelude(script));
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (var e : s.plugins().entrySet()) {
            setPlugin(e.getKey(), e.getValue());
        }
    }

    /**
     * Replaces an object's sequence in one atomic move; its new generation id makes the plugin count from the start
     * (deleting the count file instead raced with a run in flight, which then read the old sequence from its start).
     */
    void setPlugin(String object, List<String> results) throws IOException {
        Path seq = dir.resolve("seq").resolve(object);
        Files.writeString(seq.resolveSibling(object + ".new"), "#gen " + System.nanoTime() + "\n"
                + String.join("\n", results) + "\n");
        Files.move(seq.resolveSibling(object + ".new"), seq, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    void start() throws IOException {
        long before = countOf(readyLine());
        ProcessBuilder pb = new ProcessBuilder(command(dir.resolve("nagios.cfg"))).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.txt").toFile()));
        pb.environment().putAll(environment());
        process = pb.start();
        awaitLog(before + 1, readyLine(), START);
    }

    private long countOf(String text) {
        return lines(text).count();
    }

    /** Waits until the log holds {@code text} {@code count} times. */
    void awaitLog(long count, String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (countOf(text) < count) {
            if (process != null && !process.isAlive()) {
                throw new AssertionError(label + " exited (" + process.exitValue() + ") while waiting for '" + text
                        + "'\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(label + " did not log '" + text + "' " + count + " time(s) within "
                        + timeout.toSeconds() + " s\n" + tail());
            }
            sleep(50);
        }
    }

    /** Waits until status.dat shows every host and service checked at least once. */
    void awaitAllChecked(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> unchecked = List.of("(no status.dat yet)");
        while (!unchecked.isEmpty()) {
            if (process != null && !process.isAlive()) {
                throw new AssertionError(label + " exited (" + process.exitValue() + ") while waiting for checks\n"
                        + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(label + " had not checked " + unchecked + " within " + timeout.toSeconds()
                        + " s\n" + tail());
            }
            sleep(100);
            unchecked = uncheckedObjects();
        }
    }

    private List<String> uncheckedObjects() {
        Path status = dir.resolve("var/status.dat");
        try {
            if (!Files.exists(status)) {
                return List.of("(no status.dat yet)");
            }
            Map<String, List<String>> objects = Observation.status(Files.readAllLines(status, StandardCharsets.UTF_8));
            List<String> out = objects.entrySet().stream().filter(e -> e.getValue().contains("has_been_checked=0"))
                    .map(Map.Entry::getKey).toList();
            boolean any = objects.values().stream().anyMatch(v -> v.contains("has_been_checked=1"));
            return any ? out : List.of("(nothing in status.dat yet)");
        } catch (IOException | UncheckedIOException e) {
            return List.of("(status.dat unreadable: " + e.getMessage() + ")");
        }
    }

    Stream<String> lines(String containing) {
        return logLines().stream().filter(l -> l.contains(containing));
    }

    List<String> logLines() {
        Path log = dir.resolve("var/nagios.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one line to the command FIFO. Nagios logs that its command file worker runs a moment before the FIFO is
     * there (seen when a scenario's first step is a command), so this waits for it a little.
     */
    void command(String line) throws IOException {
        Path fifo = dir.resolve("var/nagios.cmd");
        for (int i = 0; i < 100 && !Files.exists(fifo); i++) {
            sleep(50);
        }
        Files.writeString(fifo, line + "\n", StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    void hangUp() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start().waitFor();
    }

    /** Copies status.dat as it stands now (Nagios deletes it when it stops). */
    void snapshotStatus() throws IOException {
        Path status = dir.resolve("var/status.dat");
        if (Files.exists(status)) {
            Files.copy(status, dir.resolve("status.final"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** SIGTERM, then waits for the process to end. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(label + " did not stop within 30 s of SIGTERM\n" + tail());
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    String tail() {
        List<String> log = logLines();
        String console = "";
        try {
            Path c = dir.resolve("console.txt");
            console = Files.exists(c) ? Files.readString(c) : "";
        } catch (IOException e) {
            console = e.toString();
        }
        return "--- " + label + " log (last 40 lines) ---\n"
                + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size()))
                + "\n--- " + label + " console (last 2000 chars) ---\n"
                + console.substring(Math.max(0, console.length() - 2000));
    }

    static String prelude(String name) throws IOException {
        try (InputStream in = EngineProcess.class.getResourceAsStream("/prelude/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource prelude/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String groupOf(String user) {
        try {
            Process p = new ProcessBuilder("id", "-gn", user).start();
            String g = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && !g.isEmpty() ? g : user;
        } catch (IOException e) {
            return user;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return user;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Debian's nagios4 (Nagios Core 4.4.6), the reference. */
    static final class Nagios extends EngineProcess {
        Nagios(String label, Path dir) {
            super(label, dir);
        }

        @Override
        List<String> command(Path cfg) {
            if (!Files.isExecutable(Path.of("/usr/sbin/nagios4"))) {
                throw new AssertionError("/usr/sbin/nagios4 is missing: install nagios4-core (bin/test does)");
            }
            return List.of("/usr/sbin/nagios4", cfg.toString());
        }

        @Override
        String readyLine() {
            return "Successfully launched command file worker";
        }
    }

    /** Vigil as a user runs it: {@code bin/vigil run --no-web} on the shaded jar. */
    static class Vigil extends EngineProcess {
        static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

        Vigil(String label, Path dir) {
            super(label, dir);
        }

        @Override
        List<String> command(Path cfg) {
            Path jar = ROOT.resolve("vigil-app/target/vigil.jar");
            if (!Files.exists(jar)) {
                throw new AssertionError(jar + " is missing: the suite runs in `mvn verify` after vigil-app's package");
            }
            return List.of(ROOT.resolve("bin/vigil").toString(), "run", "--no-web", cfg.toString());
        }

        @Override
        Map<String, String> environment() {
            // many engines share two cores here: a small heap, the client compiler, one GC thread
            return Map.of("VIGIL_JAVA_OPTS", "-Xmx160m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto");
        }

        @Override
        String readyLine() {
            return "External commands: reading";
        }
    }
}
