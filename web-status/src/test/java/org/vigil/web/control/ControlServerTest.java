package org.vigil.web.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control socket appears only once it accepts connections, and replaces a stale one. */
class ControlServerTest {

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    @Test
    void theSocketAcceptsAsSoonAsItExistsAndNothingElseIsLeft() throws IOException {
        Path path = dir.resolve("nagios.lock.sock");
        Files.writeString(path, "stale"); // left by a killed monitor
        try (ControlServer server = ControlServer.open(path, null, log::add).orElseThrow()) {
            assertThat(connects(path)).isTrue();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("nagios.lock.sock");
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-rw----");
        }
        assertThat(path).doesNotExist();
        assertThat(log).isEmpty();
    }

    @Test
    void aPathTooLongForTheStagedNameIsBoundInPlace() throws IOException {
        // a socket address holds at most 107 bytes: this path (104) fits, its staged name (5 bytes longer) does not
        Path base = dir.toAbsolutePath();
        int room = 104 - base.toString().getBytes(StandardCharsets.UTF_8).length - 1;
        assertThat(room).as("temporary directory path too long for this test").isGreaterThan(10);
        Path path = base.resolve("s".repeat(room - 2) + "ck");
        assertThat(path.toString().getBytes(StandardCharsets.UTF_8)).hasSize(104);
        try (ControlServer server = ControlServer.open(path, null, log::add).orElseThrow(() -> new AssertionError(log))) {
            assertThat(connects(path)).isTrue();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.count()).isEqualTo(1);
            }
        }
        assertThat(log).isEmpty();
    }

    private static boolean connects(Path path) {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return c.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            return false;
        }
    }
}
