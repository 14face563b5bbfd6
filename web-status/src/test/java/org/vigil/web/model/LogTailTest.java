package org.vigil.web.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's end parsed once and read on: appended lines, a line still being written, rotation, the 8 MB window. */
class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void readsOnAsTheFileGrowsAndKeepsWhatItHandedOut() throws Exception {
        Path log = dir.resolve("nagios.log");
        Files.writeString(log, "[1] SERVICE ALERT: a;x;CRITICAL;HARD;1;down\nnot a log line\n[2] HOST ALERT: b;DOWN");
        LogTail tail = new LogTail(log);
        LogTail.Entries before = tail.entries();
        assertThat(messages(before)).containsExactly("a;x;CRITICAL;HARD;1;down"); // the last line is unfinished

        append(log, ";HARD;1;gone\n[3] Vigil 0.1.0 starting...\n");
        LogTail.Entries after = tail.entries();
        assertThat(messages(after)).containsExactly("Vigil 0.1.0 starting...", "b;DOWN;HARD;1;gone",
                "a;x;CRITICAL;HARD;1;down");
        assertThat(after.newest(1).host()).isEqualTo("b");
        assertThat(messages(before)).containsExactly("a;x;CRITICAL;HARD;1;down");
    }

    @Test
    void findsAHostsLinesWithoutReadingTheOthers() throws Exception {
        Path log = dir.resolve("nagios.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) { // past the first arrays' size, so they are copied and the numbers kept
            text.append("[").append(i).append("] SERVICE ALERT: host").append(i % 7).append(";svc;OK;HARD;1;x\n");
        }
        Files.writeString(log, text);
        LogTail tail = new LogTail(log);
        LogTail.Entries entries = tail.entries();
        long[] lines = tail.newestOf("host3", entries);
        assertThat(lines).hasSize(429);
        assertThat(entries.at(lines[0]).time().getEpochSecond()).isEqualTo(2999);
        assertThat(entries.at(lines[428]).time().getEpochSecond()).isEqualTo(3);
        assertThat(tail.newestOf("nobody", entries)).isEmpty();
    }

    @Test
    void aRotatedLogIsReadFromItsStart() throws Exception {
        Path log = dir.resolve("nagios.log");
        Files.writeString(log, "[1] HOST ALERT: old;DOWN;HARD;1;x\n[2] HOST ALERT: old;UP;HARD;1;x\n");
        LogTail tail = new LogTail(log);
        assertThat(tail.entries().size()).isEqualTo(2);
        Files.move(log, dir.resolve("nagios-12-07-2026-00.log"));
        Files.writeString(log, "[3] LOG ROTATION: DAILY\n");
        assertThat(messages(tail.entries())).containsExactly("DAILY");
    }

    @Test
    void keepsTheLinesOfTheLastWindowOnly() throws Exception {
        Path log = dir.resolve("nagios.log");
        String line = "[1] SERVICE ALERT: h;s;OK;HARD;1;" + "x".repeat(1000) + "\n";
        int lines = EventLog.WINDOW / line.length() + 100;
        Files.writeString(log, line.repeat(lines));
        LogTail tail = new LogTail(log);
        int first = tail.entries().size();
        assertThat(first).isEqualTo(EventLog.tail(log).size());
        append(log, line.repeat(200));
        assertThat(tail.entries().size()).isEqualTo(EventLog.tail(log).size());
    }

    @Test
    void aCallerDoesNotWaitForAnotherThreadsFirstRead() throws Exception {
        Path log = dir.resolve("nagios.log");
        Files.writeString(log, "[1] HOST ALERT: a;DOWN;HARD;1;x\n");
        LogTail tail = new LogTail(log);
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread first = new Thread(() -> tail.asReader(() -> { // the start's first read, taking long
            reading.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        first.start();
        reading.await();
        long t = System.nanoTime();
        LogTail.Entries meanwhile = tail.entries();
        long waitedMillis = (System.nanoTime() - t) / 1_000_000;
        assertThat(meanwhile.loading()).isTrue();
        assertThat(meanwhile.size()).isZero();
        assertThat(tail.loaded()).isFalse();
        assertThat(waitedMillis).isBetween(LogTail.FIRST_READ_WAIT_MILLIS - 1, 5_000L);
        done.countDown();
        first.join();

        LogTail.Entries after = tail.entries();
        assertThat(after.loading()).isFalse();
        assertThat(messages(after)).containsExactly("a;DOWN;HARD;1;x");
        assertThat(tail.loaded()).isTrue();
    }

    private static List<String> messages(LogTail.Entries entries) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            out.add(entries.newest(i).message());
        }
        return out;
    }

    private static void append(Path log, String text) throws Exception {
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
