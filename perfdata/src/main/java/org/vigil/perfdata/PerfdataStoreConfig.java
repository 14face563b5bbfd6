package org.vigil.perfdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.config.main.MainConfig;

/**
 * {@code perfdata:} in {@code vigil.yml}: the round-robin store behind the graphs. On unless {@code enabled: false};
 * its files go to {@code directory}, by default {@code perfdata/} beside the other state (the directory of
 * {@code state_retention_file}, else of {@code status_file}, else of nagios.cfg).
 */
public final class PerfdataStoreConfig {

    @JsonProperty
    public boolean enabled = true;

    /** Where the files go; null: beside the other state. */
    @JsonProperty
    public String directory;

    /** Metrics (files of about 382 KB each) kept at most; values of further metrics are not recorded. */
    @JsonProperty("max_metrics")
    public int maxMetrics = 20_000;

    /** Results held for the store's thread at most; beyond, the oldest are dropped (and counted). */
    @JsonProperty("queue_size")
    public int queueSize = 100_000;

    /**
     * Seconds a value is held in memory before its check's values are written together (rrdcached's {@code -w}); a
     * check is written between half of this and all of it after its first held value; 0 writes each value at once. A
     * kill -9 loses at most this much of the values.
     */
    @JsonProperty("flush_seconds")
    public int flushSeconds = 300;

    /** Values held at most (about 16 bytes each); beyond, the checks due first are written early. */
    @JsonProperty("max_pending")
    public long maxPending = 2_000_000;

    /** The store's bounds and timing. */
    public PerfdataStore.Limits limits() {
        return new PerfdataStore.Limits(maxMetrics, queueSize, flushSeconds, maxPending);
    }

    /** What is wrong with these settings, each naming its key ({@code perfdata.max_metrics: ...}). */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (maxMetrics < 1 || maxMetrics > 10_000_000) {
            out.add("perfdata.max_metrics: " + maxMetrics + " is out of range (expected 1 to 10000000)");
        }
        if (queueSize < 1 || queueSize > 10_000_000) {
            out.add("perfdata.queue_size: " + queueSize + " is out of range (expected 1 to 10000000)");
        }
        if (flushSeconds < 0 || flushSeconds > 86_400) {
            out.add("perfdata.flush_seconds: " + flushSeconds + " is out of range (expected 0 to 86400)");
        }
        if (maxPending < 1 || maxPending > 100_000_000) {
            out.add("perfdata.max_pending: " + maxPending + " is out of range (expected 1 to 100000000)");
        }
        if (directory != null && directory.isBlank()) {
            out.add("perfdata.directory: is empty (expected a directory, or no key for perfdata/ beside the state)");
        }
        return out;
    }

    /** The directory of the files: {@code directory}, or {@code perfdata/} beside the state {@code main} keeps. */
    public Path directory(MainConfig main) {
        if (directory != null) {
            return Path.of(directory).toAbsolutePath();
        }
        Optional<Path> state = main.path("state_retention_file").or(() -> main.path("status_file"));
        Path base = state.map(p -> p.toAbsolutePath().getParent())
                .orElseGet(() -> main.file().toAbsolutePath().getParent());
        return base.resolve("perfdata");
    }
}
