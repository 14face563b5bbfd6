package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.history.HistoryIndex;

/**
 * The history index's table of names is rebuilt when most of it names hosts and services that no file within the
 * span names any more: an archive of 40 retired hosts ages out of a one-day span, and a new index, holding only
 * the current log's names, takes over from the old one once it is filled.
 */
class HistoryIndexesTest {

    @TempDir
    Path dir;

    @Test
    void namesNoFileInTheSpanNamesAreDroppedByANewIndex() throws Exception {
        long now = Instant.now().getEpochSecond();
        Path archives = Files.createDirectories(dir.resolve("archives"));
        Path old = archives.resolve("nagios-11-10-2026-00.log");
        Files.writeString(old, alerts("retired", 40, now - 7200));
        Path log = dir.resolve("nagios.log");
        Files.writeString(log, alerts("live", 5, now - 60));
        HistoryIndexes indexes = new HistoryIndexes(() -> Optional.of(log), () -> Optional.of(archives),
                Duration.ofDays(1), 0, 1);
        HistoryIndex first = indexes.index();
        await(() -> first.names() == 45 * 2, "the archive and the log read");
        assertThat(first.staleNames(now)).isZero();

        Files.setLastModifiedTime(old, FileTime.from(Instant.ofEpochSecond(now - 2 * 86400)));
        assertThat(first.staleNames(now)).as("the retired hosts' names, aged out of the span").isEqualTo(80);
        await(() -> indexes.index() != first, "a new index");
        HistoryIndex second = indexes.index();
        assertThat(second.names()).isEqualTo(10);
        assertThat(second.staleNames(now)).isZero();
    }

    /** A host and a service alert for each of {@code n} hosts named {@code prefix}N. */
    private static String alerts(String prefix, int n, long at) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append('[').append(at).append("] HOST ALERT: ").append(prefix).append(i).append(";DOWN;HARD;1;down\n");
            b.append('[').append(at).append("] SERVICE ALERT: ").append(prefix).append(i)
                    .append(";disk;CRITICAL;HARD;1;full\n");
        }
        return b.toString();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws Exception {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as(what + " within 10 s").isTrue();
    }
}
