package org.vigil.engine.retention;

import java.nio.file.Path;
import java.time.Duration;

/** Where retained state lives (a JDBC URL) and how often pending changes are written. */
public record RetentionSettings(String jdbcUrl, Duration flushInterval) {

    /** The default write interval: a {@code kill -9} loses at most this much. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    /** The embedded file's name, without H2's {@code .mv.db} suffix. */
    public static final String EMBEDDED_NAME = "vigil-retention";

    /** Embedded H2 in the directory of nagios.cfg's {@code state_retention_file}. */
    public static RetentionSettings embedded(Path stateRetentionFile) {
        Path dir = stateRetentionFile.toAbsolutePath().getParent();
        return new RetentionSettings("jdbc:h2:file:" + dir.resolve(EMBEDDED_NAME), DEFAULT_INTERVAL);
    }

    /** A database named by URL, for example {@code jdbc:postgresql://db/vigil?user=vigil&password=...}. */
    public static RetentionSettings of(String jdbcUrl) {
        return new RetentionSettings(jdbcUrl, DEFAULT_INTERVAL);
    }

    public RetentionSettings withFlushInterval(Duration interval) {
        return new RetentionSettings(jdbcUrl, interval);
    }
}
