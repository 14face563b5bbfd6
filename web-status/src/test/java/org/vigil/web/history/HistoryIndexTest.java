package org.vigil.web.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index gives the reports what reading the files gives them, for one service, one host and many subjects (the
 * replay that walks every event), over periods within and across the files, with each set of assumptions; as the
 * current log grows (read on from where it stopped, a half-written line left for later), when it is rotated
 * (renamed into the archives, or truncated), when an archive disappears, and for archives older than the span
 * kept, which are read from their files.
 */
class HistoryIndexTest {

    private static final long T = 1_700_000_000L;
    private static final List<Assumptions> ASSUMPTIONS = List.of(Assumptions.DEFAULTS,
            new Assumptions(true, true, false, true), new Assumptions(false, false, false, false));

    @TempDir
    Path dir;

    private Path log;
    private Path archives;
    private SampleLog sample;
    private HistoryIndex index;
    private HistoryFiles files;

    @BeforeEach
    void writeLog() throws Exception {
        log = dir.resolve("nagios.log");
        archives = Files.createDirectories(dir.resolve("archives"));
        sample = new SampleLog(21, T, 40, 3);
        for (int i = 0; i < 3; i++) {
            Files.writeString(archives.resolve("nagios-11-1" + i + "-2023-00.log"), sample.lines(500));
        }
        Files.writeString(log, sample.lines(500));
        index = new HistoryIndex(log, archives, Duration.ofDays(1));
        files = new HistoryFiles(log, archives);
    }

    @Test
    void theIndexGivesWhatTheFilesGive() {
        assertSame();
        List<Availability> r = History.of(index, sample.targets(), T, sample.time(), now(), Assumptions.DEFAULTS,
                t -> Archived.NO_DATA);
        // the sample gives the reports something to get wrong: states, downtime, undetermined time
        assertThat(r.stream().mapToLong(a -> a.state(a.service() == null ? "DOWN" : "CRITICAL").total()).sum())
                .isPositive();
        assertThat(r.stream().flatMap(a -> a.states().stream()).mapToLong(StateTime::scheduled).sum()).isPositive();
        assertThat(r.stream().flatMap(a -> a.spans().stream()).filter(x -> !x.state().isState())).isNotEmpty();
        assertThat(index.keptArchives()).isEqualTo(3);
        assertThat(index.currentOffset()).isEqualTo(size(log));
    }

    @Test
    void theCurrentLogIsReadOnFromWhereItStoppedAndAHalfWrittenLineWaits() throws Exception {
        assertSame();
        long before = index.keptEvents();
        String more = sample.lines(400);
        int cut = more.indexOf('\n', more.length() / 2) + 10;
        Files.writeString(log, more.substring(0, cut), StandardOpenOption.APPEND);
        now();
        assertThat(index.currentOffset()).isEqualTo(size(log) - 9); // the 9 bytes after the last newline wait
        Files.writeString(log, more.substring(cut), StandardOpenOption.APPEND);
        assertSame();
        assertThat(index.currentOffset()).isEqualTo(size(log));
        assertThat(index.keptEvents()).isGreaterThan(before);
        for (int i = 0; i < 20; i++) { // many small reads: the parts are merged, the results unchanged
            Files.writeString(log, sample.lines(7), StandardOpenOption.APPEND);
            now();
        }
        assertSame();
    }

    @Test
    void aRotatedLogIsReadAsAnArchiveAndTheNewOneFromItsStart() throws Exception {
        assertSame();
        Files.move(log, archives.resolve("nagios-11-13-2023-00.log"));
        Files.writeString(log, "[" + sample.time() + "] LOG ROTATION: DAILY\n" + sample.lines(100));
        assertSame();
        assertThat(index.keptArchives()).isEqualTo(4);
        // truncated in place (copytruncate): the same file, smaller
        Files.writeString(log, sample.lines(50), StandardOpenOption.TRUNCATE_EXISTING);
        assertSame();
        assertThat(index.currentOffset()).isEqualTo(size(log));
    }

    @Test
    void aRemovedArchiveIsDroppedAndOldOnesAreReadFromTheirFiles() throws Exception {
        assertSame();
        Path first = archives.resolve("nagios-11-10-2023-00.log");
        Files.delete(first);
        assertSame();
        assertThat(index.keptArchives()).isEqualTo(2);
        Files.setLastModifiedTime(archives.resolve("nagios-11-11-2023-00.log"),
                FileTime.from(Instant.ofEpochSecond(now() - 2 * 86400)));
        assertSame();
        assertThat(index.keptArchives()).isEqualTo(1);
    }

    private void assertSame() {
        long end = sample.time();
        List<long[]> periods = List.of(new long[] {T, end}, new long[] {T + (end - T) / 3, end - (end - T) / 4},
                new long[] {end - 3600, end + 3600}, new long[] {T - 7200, T + 600});
        List<Target> all = sample.targets();
        List<List<Target>> targetSets = new ArrayList<>(List.of(all, List.of(all.get(1)), List.of(all.get(4)),
                List.of(all.get(0), all.get(2), all.get(3)), List.of(new Target("nobody", null))));
        long now = now();
        for (long[] p : periods) {
            for (Assumptions a : ASSUMPTIONS) {
                for (List<Target> targets : targetSets) {
                    List<Availability> read = History.of(files, targets, p[0], p[1], now, a, t -> Archived.NO_DATA);
                    List<Availability> indexed = History.of(index, targets, p[0], p[1], now, a,
                            t -> Archived.NO_DATA);
                    assertThat(indexed).as("%s over %d..%d with %s", targets.size() > 3 ? "all" : targets, p[0],
                            p[1], a).isEqualTo(read);
                }
            }
        }
    }

    private long now() {
        long now = Instant.now().getEpochSecond();
        History.of(index, List.of(new Target("host1", "svc 1")), sample.time() - 90000, sample.time(), now,
                Assumptions.DEFAULTS, t -> Archived.NO_DATA);
        return now;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
