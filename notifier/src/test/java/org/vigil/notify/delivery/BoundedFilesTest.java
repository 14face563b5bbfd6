package org.vigil.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.notify.setup.NotifySettingsFile;

/** The notifier's files (settings, templates) are read with a ceiling: too big or a device is a clear error. */
class BoundedFilesTest {

    @TempDir
    Path dir;

    @Test
    void aTemplateOverOneMebibyteIsRefusedAndOneUnderIsRendered() throws Exception {
        Files.writeString(dir.resolve("small.ftl"), "x".repeat((1 << 20) - 1) + "!");
        Files.writeString(dir.resolve("big.ftl"), "x".repeat(1 << 20) + "!");
        Templates templates = Templates.withOverrides(dir);
        assertThat(templates.render("small.ftl", Map.of())).hasSize(1 << 20);
        assertThatThrownBy(() -> templates.render("big.ftl", Map.of())).isInstanceOf(DeliveryException.class)
                .hasMessage("template big.ftl cannot be read: " + dir.resolve("big.ftl") + " is larger than 1 MiB "
                        + "(is it the right file?)");
    }

    /** Freemarker's loader takes only regular files: a pipe is "not found", not a delivery waiting forever. */
    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aTemplateThatIsAPipeIsRefusedRatherThanWaitedOn() throws Exception {
        assertThat(new ProcessBuilder(List.of("mkfifo", dir.resolve("pipe.ftl").toString())).start().waitFor())
                .isZero();
        assertThatThrownBy(() -> Templates.withOverrides(dir).render("pipe.ftl", Map.of()))
                .isInstanceOf(DeliveryException.class).hasMessage("template pipe.ftl not found");
    }

    @Test
    void aSettingsFileOfDevZeroIsAnError() {
        NotifySettingsFile.Read read = NotifySettingsFile.read(Path.of("/dev/zero"), ZoneOffset.UTC);
        assertThat(read.errors()).containsExactly("/dev/zero: cannot read the notification settings: /dev/zero is "
                + "larger than 1 MiB (is it the right file?)");
    }
}
