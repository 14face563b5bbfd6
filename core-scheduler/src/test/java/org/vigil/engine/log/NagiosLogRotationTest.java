package org.vigil.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NagiosLog.rotate: the move, the new log's opening, and an archive that is there already. */
class NagiosLogRotationTest {

    private static final Instant AT = Instant.ofEpochSecond(1796616000L);

    @TempDir
    Path dir;

    @Test
    void movesTheLogIntoAnArchiveDirectoryItMakesAndStampsTheOpeningWithTheBoundary() throws Exception {
        Path file = dir.resolve("nagios.log");
        Path archive = dir.resolve("missing/archives/nagios-12-07-2026-04.log");
        try (NagiosLog log = new NagiosLog(file, Clock.fixed(AT.plusSeconds(2), ZoneOffset.UTC), null)) {
            log.log("before");
            assertThat(log.rotate(archive, AT, List.of("LOG ROTATION: HOURLY", "LOG VERSION: 2.0")))
                    .isEqualTo(NagiosLog.Rotation.ROTATED);
            log.log("after");
        }
        assertThat(Files.readAllLines(archive)).containsExactly("[1796616002] before");
        assertThat(Files.readAllLines(file)).containsExactly("[1796616000] LOG ROTATION: HOURLY",
                "[1796616000] LOG VERSION: 2.0", "[1796616002] after");
    }

    @Test
    void anArchiveThatExistsIsLeftAloneAndTheLogGoesOn() throws Exception {
        Path file = dir.resolve("nagios.log");
        Path archive = dir.resolve("nagios-12-07-2026-04.log");
        Files.writeString(archive, "the hour before\n");
        try (NagiosLog log = new NagiosLog(file, Clock.fixed(AT, ZoneOffset.UTC), null)) {
            log.log("one");
            assertThat(log.rotate(archive, AT, List.of("LOG ROTATION: HOURLY")))
                    .isEqualTo(NagiosLog.Rotation.ARCHIVE_EXISTS);
            log.log("two");
        }
        assertThat(Files.readString(archive)).isEqualTo("the hour before\n");
        assertThat(Files.readAllLines(file)).containsExactly("[1796616000] one", "[1796616000] two");
    }
}
