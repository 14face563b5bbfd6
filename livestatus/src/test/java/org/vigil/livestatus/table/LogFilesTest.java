package org.vigil.livestatus.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log files as the log table reads them: the current log parsed again only from where it grew (a line still
 * being written waits for its end), from its start once rotated; archives newest first; only so many archive lines
 * kept parsed.
 */
class LogFilesTest {

    @TempDir
    Path dir;

    @Test
    void theCurrentLogIsReadOnFromWhereItGrewAndAgainOnceRotated() throws Exception {
        Path log = dir.resolve("nagios.log");
        Files.writeString(log, "[1700000000] LOG VERSION: 2.0\n[1700000001] SERVICE ALERT: a;b;OK;HARD;1;x\n");
        LogFiles files = new LogFiles(log, dir.resolve("archives"));
        assertThat(files.lines(log)).extracting(LogLine::time).containsExactly(1700000000L, 1700000001L);
        // a line being written is not an entry until its end arrives
        append(log, "[1700000002] HOST ALERT: a;DOWN;HARD;1;d\n[1700000003] HOST AL");
        assertThat(files.lines(log)).extracting(LogLine::time).containsExactly(1700000000L, 1700000001L,
                1700000002L);
        append(log, "ERT: a;UP;HARD;1;u\n");
        List<LogLine> lines = files.lines(log);
        assertThat(lines).extracting(LogLine::type).containsExactly("LOG VERSION: 2.0", "SERVICE ALERT",
                "HOST ALERT", "HOST ALERT");
        assertThat(lines).extracting(LogLine::lineno).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lines.get(3).pluginOutput()).isEqualTo("u");
        // rotated: the old log moves to the archives, a new one starts
        Files.createDirectories(dir.resolve("archives"));
        Files.move(log, dir.resolve("archives/nagios-11-14-2023-00.log"));
        Files.writeString(log, "[1700090000] LOG ROTATION: DAILY\n");
        assertThat(files.lines(log)).extracting(LogLine::time).containsExactly(1700090000L);
        assertThat(files.newestFirst()).containsExactly(log, dir.resolve("archives/nagios-11-14-2023-00.log"));
    }

    @Test
    void archivesComeNewestFirstAndOnlySoManyLinesStayParsed() throws Exception {
        Path archives = Files.createDirectories(dir.resolve("archives"));
        for (int day = 0; day < 4; day++) {
            Path f = archives.resolve("nagios-" + day + ".log");
            Files.writeString(f, "[" + (1700000000 + day * 86400) + "] LOG ROTATION: DAILY\n["
                    + (1700000001 + day * 86400) + "] LOG VERSION: 2.0\n");
            Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000L * day));
        }
        Files.writeString(archives.resolve("notes.txt"), "not a log");
        LogFiles files = new LogFiles(null, archives, 4);
        List<Path> order = files.newestFirst();
        assertThat(order).extracting(p -> p.getFileName().toString()).containsExactly("nagios-3.log", "nagios-2.log",
                "nagios-1.log", "nagios-0.log");
        for (Path p : order) {
            assertThat(files.lines(p)).hasSize(2);
        }
        // four files of two lines, four lines kept: the two read last
        assertThat(files.parsedFiles()).isEqualTo(2);
        assertThat(files.lines(order.get(0))).hasSize(2);
    }

    private static void append(Path p, String text) throws Exception {
        Files.writeString(p, text, StandardOpenOption.APPEND);
        // a later modification time, as a writer's append gives on any file system
        Files.setLastModifiedTime(p, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis() + 1000));
    }
}
