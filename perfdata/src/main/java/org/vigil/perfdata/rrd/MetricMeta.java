package org.vigil.perfdata.rrd;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What a metric's {@code .meta} file keeps beside its round-robin file: its names (the file names are encoded) and
 * the unit and thresholds of its last value as the plugin wrote them. Rewritten only when one of them changes.
 *
 * @param unit "" when none; {@code warn}, {@code crit}: ranges as written, "" when none; {@code min}, {@code max}:
 *             as written, "" when none
 */
public record MetricMeta(MetricKey key, String unit, String warn, String crit, String min, String max) {

    /** Reads {@code file}; the names come from it, not from the encoded path. */
    static MetricMeta read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String host = p.getProperty("host");
        String label = p.getProperty("label");
        if (host == null || label == null) {
            throw new IOException(file + ": no host or label");
        }
        return new MetricMeta(new MetricKey(host, p.getProperty("service"), label), p.getProperty("unit", ""),
                p.getProperty("warn", ""), p.getProperty("crit", ""), p.getProperty("min", ""),
                p.getProperty("max", ""));
    }

    /** Writes this to {@code file} through a temporary file, so a reader never sees half of it. */
    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("host", key.host());
        if (key.service() != null) {
            p.setProperty("service", key.service());
        }
        p.setProperty("label", key.label());
        p.setProperty("unit", unit);
        p.setProperty("warn", warn);
        p.setProperty("crit", crit);
        p.setProperty("min", min);
        p.setProperty("max", max);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
