package org.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.main.TextFiles;

/**
 * Every config file is read with a size limit (docs/configuration.md): a device, an endless or a huge file is an
 * error naming the file within a moment, never a full heap or a hang.
 */
class BoundedReadTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aResourceFileOfDevZeroIsRefusedAtOnce() {
        TestConfig c = new TestConfig(dir);
        c.objects("");
        long start = System.nanoTime();
        LoadResult r = c.main("cfg_file=minimal.cfg\nresource_file=/dev/zero\n");
        assertThat(c.errors(r)).containsExactly("/dev/zero: error: resource file is binary, not text (expected a "
                + "Nagios config file)");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }

    @Test
    void filesOverTheirKindsLimitAreRefused() throws Exception {
        TestConfig c = new TestConfig(dir);
        c.objects("");
        Files.writeString(dir.resolve("resource.cfg"), "$USER1$=/usr/lib/nagios/plugins\n"
                + "# padding\n".repeat((int) (TextFiles.MAX_RESOURCE_FILE_BYTES / 10)));
        LoadResult r = c.main("cfg_file=minimal.cfg\nresource_file=resource.cfg\n");
        assertThat(c.errors(r)).containsExactly("resource.cfg: error: resource file is larger than 1 MiB (expected a "
                + "Nagios config file; is it the right file?)");
    }

    @Test
    void aFileAtTheLimitIsReadAndOneByteMoreIsNot() throws Exception {
        Path file = dir.resolve("at.cfg");
        Files.writeString(file, "x".repeat(999) + "\n");
        Diagnostics diags = new Diagnostics();
        assertThat(TextFiles.read(file, diags, "object config file", 1000)).hasSize(1000);
        assertThat(diags.all()).isEmpty();
        Files.writeString(file, "x".repeat(1000) + "\n");
        assertThat(TextFiles.read(file, diags, "object config file", 1000)).isNull();
        assertThat(diags.all()).singleElement().asString().endsWith("at.cfg: error: object config file is larger "
                + "than 1000 bytes (expected a Nagios config file; is it the right file?)");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aNamedPipeIsRefusedRatherThanWaitedOn() throws Exception {
        TestConfig c = new TestConfig(dir);
        c.objects("");
        Path fifo = dir.resolve("resource.cfg");
        assertThat(new ProcessBuilder(List.of("mkfifo", fifo.toString())).start().waitFor()).isZero();
        LoadResult r = c.main("cfg_file=minimal.cfg\nresource_file=resource.cfg\n");
        assertThat(c.errors(r)).containsExactly("resource.cfg: error: resource file is a named pipe (expected a file: "
                + "reading it would wait for a writer)");
    }
}
