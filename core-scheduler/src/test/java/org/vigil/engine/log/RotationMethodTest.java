package org.vigil.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The boundaries of Nagios 4.4.6's get_next_log_rotation_time, and the archive named for each. */
class RotationMethodTest {

    @ParameterizedTest(name = "{0} after {1} in {2}: {3}")
    @CsvSource({
        "h, 2026-12-07T03:59:40Z, UTC, 2026-12-07T04:00:00Z, nagios-12-07-2026-04.log",
        "h, 2026-12-07T04:00:00Z, UTC, 2026-12-07T05:00:00Z, nagios-12-07-2026-05.log",
        "d, 2026-12-07T23:59:59Z, UTC, 2026-12-08T00:00:00Z, nagios-12-08-2026-00.log",
        // Monday 7 December: the next Sunday; a Sunday goes to the one after
        "w, 2026-12-07T10:00:00Z, UTC, 2026-12-13T00:00:00Z, nagios-12-13-2026-00.log",
        "w, 2026-12-13T10:00:00Z, UTC, 2026-12-20T00:00:00Z, nagios-12-20-2026-00.log",
        "m, 2026-12-07T10:00:00Z, UTC, 2027-01-01T00:00:00Z, nagios-01-01-2027-00.log",
        // the day DST ends in Berlin has 25 hours: still its real midnight (local 00:00 is 23:00Z)
        "d, 2026-10-25T12:00:00Z, Europe/Berlin, 2026-10-25T23:00:00Z, nagios-10-26-2026-00.log",
        "h, 2026-03-29T00:30:00Z, Europe/Berlin, 2026-03-29T01:00:00Z, nagios-03-29-2026-03.log",
    })
    void nextBoundaryAndArchive(String letter, String now, String zone, String next, String archive) {
        ZoneId z = ZoneId.of(zone);
        Instant boundary = RotationMethod.of(letter).nextAfter(Instant.parse(now), z);
        assertThat(boundary).isEqualTo(Instant.parse(next));
        assertThat(LogArchive.fileFor(Path.of("/a"), boundary, z)).isEqualTo(Path.of("/a", archive));
    }

    @ParameterizedTest
    @CsvSource({"n", "x"})
    void noneHasNoBoundary(String letter) {
        assertThat(RotationMethod.of(letter).nextAfter(Instant.EPOCH, ZoneId.of("UTC"))).isNull();
    }
}
