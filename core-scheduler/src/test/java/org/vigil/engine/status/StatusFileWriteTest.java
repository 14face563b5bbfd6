package org.vigil.engine.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing status.dat from a reused buffer: the same bytes as writing the text, atomically, every time. */
class StatusFileWriteTest {

    @TempDir
    Path dir;

    @Test
    void rendersIntoTheBufferAndWritesItWhole() throws IOException {
        StatusFile file = new StatusFile(dir.resolve("status.dat"));
        // more than one chunk, and characters that are more than one byte in UTF-8
        String text = "hoststatus {\n\thost_name=d\u00e9j\u00e0-vu\n\t}\n\n".repeat(2000);
        file.write((sb, spill) -> sb.append(text));
        assertThat(Files.readString(dir.resolve("status.dat"))).isEqualTo(text);
        file.write((sb, spill) -> {
            assertThat(sb).as("the buffer starts empty").isEmpty();
            sb.append("second\n");
        });
        assertThat(Files.readString(dir.resolve("status.dat"))).isEqualTo("second\n");
        file.write("third\n");
        assertThat(Files.readString(dir.resolve("status.dat"))).isEqualTo("third\n");
    }

    @Test
    void aFailingRenderLeavesTheLastFileAndNoTemporaryOne() throws IOException {
        StatusFile file = new StatusFile(dir.resolve("status.dat"));
        file.write((sb, spill) -> sb.append("good\n"));
        assertThatThrownBy(() -> file.write((sb, spill) -> {
            sb.append("half");
            throw new IllegalStateException("engine stopped");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(dir.resolve("status.dat"))).isEqualTo("good\n");
        file.write((sb, spill) -> sb.append("next\n"));
        assertThat(Files.readString(dir.resolve("status.dat"))).isEqualTo("next\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("status.dat");
        }
    }

    @Test
    void aHugeBufferIsNotKept() throws IOException {
        StatusFile file = new StatusFile(dir.resolve("status.dat"));
        file.write((sb, spill) -> sb.ensureCapacity(AtomicFileWriter.KEEP_BUFFER_CHARS + 1));
        file.write((sb, spill) -> assertThat(sb.capacity()).isLessThanOrEqualTo(AtomicFileWriter.KEEP_BUFFER_CHARS));
    }

    @Test
    void aLargeFileIsPassedOnAsItIsRenderedNotHeldWhole() throws IOException {
        StatusFile file = new StatusFile(dir.resolve("status.dat"));
        String block = "servicestatus {\n" + "\tplugin_output=x\n".repeat(50) + "\t}\n\n";
        int[] most = {0};
        file.write((sb, spill) -> {
            for (int i = 0; i < 20_000; i++) {
                sb.append(block);
                most[0] = Math.max(most[0], sb.length());
                spill.run();
            }
        });
        assertThat(Files.size(dir.resolve("status.dat"))).isEqualTo(20_000L * block.length());
        assertThat(most[0]).isLessThan(AtomicFileWriter.SPILL_CHARS + block.length());
    }
}
