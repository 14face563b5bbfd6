package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil run} as a process on config files that cannot be read whole: {@code resource_file=/dev/zero} used
 * to run the heap out after 10 s; now it is refused at once, naming the file, without a stack trace.
 */
class BoundedFilesProcessTest {

    @TempDir
    Path dir;

    @Test
    void aResourceFileOfDevZeroStopsTheRunAtOnceWithAClearError() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                resource_file=/dev/zero
                log_file=%1$s/nagios.log
                state_retention_file=%1$s/retention.dat
                """.formatted(dir));
        Files.writeString(dir.resolve("objects.cfg"), "");
        Path out = dir.resolve("out.txt");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(List.of(java(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--no-web", dir.resolve("nagios.cfg").toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        String text = Files.readString(out);
        assertThat(p.exitValue()).as(text).isEqualTo(1);
        assertThat(text).contains("/dev/zero: error: resource file is binary, not text (expected a Nagios config "
                + "file)").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(millis).as("start to exit, JVM start included").isLessThan(5000);
    }

    @Test
    void aWebConfigOrNotificationSettingsOfDevZeroAreRefusedNamingTheFile() throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int rc = Vigil.run(new String[] {"run", "--web-config", "/dev/zero", "nagios.cfg"},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("vigil run: the web "
                + "configuration is not valid: /dev/zero is larger than 1 MiB (is it the right file?)\n");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
