package org.vigil.config.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A Nagios config the differential test runs, copied into a scratch directory so that Nagios can
 * write its runtime files there and nothing under {@code src/} is touched.
 */
sealed interface ConfigUnderTest permits ConfigUnderTest.CaseDirectory, ConfigUnderTest.DebianSample {

    String name();

    /** Copies the config into {@code scratch} and returns the copied main config file. */
    Path copyInto(Path scratch) throws IOException;

    /** A directory holding {@code nagios.cfg} and everything it reads through relative paths. */
    record CaseDirectory(String name, Path dir) implements ConfigUnderTest {

        /** Expected substrings of nagios4's output; present only for configs Nagios must reject. */
        Path expectedNagios() {
            return dir.resolve("expected-nagios.txt");
        }

        /**
         * Vigil's errors, one {@code file:line: error: message} per line. In a case Nagios accepts, the
         * file records a documented place where Vigil is stricter (docs/compatibility.md).
         */
        Path expectedErrors() {
            return dir.resolve("expected-errors.txt");
        }

        /**
         * Warnings Vigil must give (among others). In a case Nagios rejects and that has no
         * expected-errors.txt, they record a documented place where Vigil is more lenient.
         */
        Path expectedWarnings() {
            return dir.resolve("expected-warnings.txt");
        }

        boolean invalid() {
            return Files.exists(expectedNagios());
        }

        @Override
        public Path copyInto(Path scratch) throws IOException {
            Path target = scratch.resolve(name);
            copyTree(dir, target);
            return target.resolve("nagios.cfg");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Debian's own config from {@code nagios4-core}: {@code /etc/nagios4} plus the plugin command
     * definitions in {@code /etc/nagios-plugins/config}, with those two absolute paths rewritten to
     * the copies. With {@code allObjects}, the example object files Debian ships commented out
     * (windows, switch, printer) are read too.
     */
    record DebianSample(boolean allObjects) implements ConfigUnderTest {
        static final Path ETC_NAGIOS = Path.of("/etc/nagios4");
        static final Path PLUGIN_CONFIG = Path.of("/etc/nagios-plugins/config");

        @Override
        public String name() {
            return allObjects ? "debian-etc-nagios4-all-objects" : "debian-etc-nagios4";
        }

        @Override
        public Path copyInto(Path scratch) throws IOException {
            Path etc = scratch.resolve(name()).resolve("etc");
            Path nagios = etc.resolve("nagios4");
            Path plugins = etc.resolve("nagios-plugins/config");
            copyTree(ETC_NAGIOS, nagios);
            copyTree(PLUGIN_CONFIG, plugins);
            Path cfg = nagios.resolve("nagios.cfg");
            String text = Files.readString(cfg);
            if (allObjects) {
                text = text.replaceAll("(?m)^#(cfg_file=/etc/nagios4/objects/\\w+\\.cfg)$", "$1");
            }
            text = text
                    .replace(PLUGIN_CONFIG.toString(), plugins.toString())
                    .replace(ETC_NAGIOS.toString(), nagios.toString());
            Files.writeString(cfg, text);
            return cfg;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Copies a directory tree: its directories and regular files. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(p -> {
                try {
                    Path dest = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else if (Files.isRegularFile(p)) {
                        Files.copy(p, dest);
                    } // else: the command FIFO a local `vigil run` leaves in var/ (copying it would block)
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
