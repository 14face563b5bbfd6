package org.vigil.config.differential;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real Nagios ({@code nagios4 -vp}) on a copied config and collects its verdict and its
 * precache, the resolved objects Nagios would run with.
 */
final class NagiosRunner {

    static final Path BINARY = Path.of("/usr/sbin/nagios4");

    /**
     * Main-config directives that make Nagios write somewhere. They are appended to the copy of
     * {@code nagios.cfg}: in the main config a later directive overrides an earlier one (checked with
     * nagios4 4.4.6: of two {@code precached_object_file} lines, the second is used).
     */
    private static final List<String> RUNTIME_FILES = List.of(
            "log_file=nagios.log",
            "status_file=status.dat",
            "temp_file=nagios.tmp",
            "temp_path=.",
            "lock_file=nagios.lock",
            "check_result_path=checkresults",
            "precached_object_file=objects.precache",
            "object_cache_file=objects.cache",
            "command_file=nagios.cmd",
            "state_retention_file=retention.dat",
            "debug_file=nagios.debug");

    /** What one {@code nagios4 -vp} run produced, and the copied config it ran on. */
    record Run(Path nagiosCfg, int exitCode, String output, Optional<String> precache) {
        @Override
        public String toString() {
            return "nagios4 exited with " + exitCode + ":\n" + output;
        }
    }

    private NagiosRunner() {
    }

    /** Fails the calling test when Nagios is missing: a differential test that skips proves nothing. */
    static void requireNagios() {
        requireNagios(BINARY);
    }

    static void requireNagios(Path binary) {
        if (!Files.isExecutable(binary)) {
            fail(binary + " is not installed: the differential tests need the real Nagios."
                    + " Install it with 'apt-get install nagios4-core' (CI does).");
        }
    }

    /**
     * Copies {@code config} into {@code scratch}, points its runtime files into
     * {@code scratch/runtime} and runs {@code nagios4 -vp} on the copy.
     */
    static Run run(ConfigUnderTest config, Path scratch) throws IOException, InterruptedException {
        requireNagios();
        Path nagiosCfg = config.copyInto(scratch);
        Path runtimeDir = scratch.resolve("runtime");
        redirectRuntimeFiles(nagiosCfg, runtimeDir);
        openUp(scratch);
        return verify(nagiosCfg, runtimeDir);
    }

    /** Points every runtime path of the copied config into {@code runtimeDir}. */
    private static void redirectRuntimeFiles(Path nagiosCfg, Path runtimeDir) throws IOException {
        Files.createDirectories(runtimeDir.resolve("checkresults"));
        StringBuilder tail = new StringBuilder("\n# Appended by the differential test: runtime files go to a scratch dir.\n");
        for (String directive : RUNTIME_FILES) {
            int eq = directive.indexOf('=');
            Path target = runtimeDir.resolve(directive.substring(eq + 1)).normalize();
            tail.append(directive, 0, eq + 1).append(target).append('\n');
        }
        Files.writeString(nagiosCfg, tail, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Runs {@code nagios4 -vp}; relative paths must resolve against the config, so cwd is {@code /}. */
    private static Run verify(Path nagiosCfg, Path runtimeDir) throws IOException, InterruptedException {
        Path log = runtimeDir.resolve("nagios4-output.txt");
        Process process = new ProcessBuilder(BINARY.toString(), "-vp", nagiosCfg.toString())
                .directory(Path.of("/").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
            fail("nagios4 -vp did not finish within 60 s:\n" + output);
        }
        Path precache = runtimeDir.resolve("objects.precache");
        Optional<String> text = Files.exists(precache) ? Optional.of(Files.readString(precache)) : Optional.empty();
        return new Run(nagiosCfg, process.exitValue(), output, text);
    }

    /**
     * Run as root, nagios4 drops to the {@code nagios} user before writing the precache, so the
     * scratch tree must be readable and writable by everyone.
     */
    private static void openUp(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
            }
        }
    }
}
