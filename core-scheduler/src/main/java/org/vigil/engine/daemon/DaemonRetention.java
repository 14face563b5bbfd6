package org.vigil.engine.daemon;

import java.nio.file.Path;
import java.util.Optional;
import org.vigil.config.StageTimer;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.Engine;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.retention.Retention;
import org.vigil.engine.retention.RetentionSettings;
import org.vigil.engine.retention.WriteBehindRetention;

/**
 * The daemon's retention: where state is kept (vigil.yml's database, the system property, the environment, or H2
 * beside {@code state_retention_file}), the restore at start, and the writer that outlives engines.
 */
public final class DaemonRetention {

    private final NagiosLog log;
    /** The retention database chosen by the caller (vigil.yml's {@code database.url}); null: as the Daemon decides. */
    private volatile String chosenUrl;
    /** The retention database read ahead by {@link RetentionPrefetch}; before the start. */
    private volatile RetentionPrefetch prefetch;
    private WriteBehindRetention writer;
    /** Why retention is not running, for the web health checks (null: running or off). */
    private volatile String problem;

    DaemonRetention(NagiosLog log) {
        this.log = log;
    }

    void useDatabase(String jdbcUrl) {
        this.chosenUrl = jdbcUrl;
    }

    void usePrefetch(RetentionPrefetch early) {
        this.prefetch = early;
    }

    /**
     * Restores the retained state into {@code engine} and keeps saving it: embedded H2 beside
     * {@code state_retention_file}, or the database of {@code -Dvigil.retention.url} / {@code VIGIL_RETENTION_URL}.
     * If it cannot be opened, the monitor runs without it and says so: nothing on disk is changed.
     */
    void start(MainConfig main, Engine engine) {
        Optional<RetentionSettings> chosen = settings(main, chosenUrl);
        RetentionPrefetch early = prefetch;
        prefetch = null;
        if (chosen.isEmpty()) {
            if (early != null) {
                early.discard();
            }
            if (main.flag("retain_state_information", true)) {
                log.log("Warning: no state_retention_file set: state is not retained across restarts");
            }
            return;
        }
        RetentionSettings settings = chosen.get();
        StageTimer timer = new StageTimer();
        Retention.Read read = (early == null ? Optional.<Retention.Read>empty() : early.take(settings))
                .orElseGet(() -> Retention.read(settings));
        Retention.Start started = Retention.start(read, engine.retentionKeys(),
                p -> log.log("Warning: retention: " + p),
                () -> log.log("Retention: state is written again"));
        timer.stage("start: retention read");
        if (started instanceof Retention.Started s) {
            writer = s.writer();
            engine.retain(s.state(), s.writer());
            log.log("Retention: restored " + s.state().records().size() + " records");
        } else if (started instanceof Retention.Failed f) {
            problem = String.valueOf(f.problem());
            log.log("Error: retention cannot start, running without retained state: " + f.problem());
        }
    }

    /**
     * Where state is retained: {@code chosenUrl} (vigil.yml's {@code database.url}), else {@code -Dvigil.retention.url}
     * or {@code VIGIL_RETENTION_URL}, else embedded H2 beside {@code state_retention_file}; empty when state is not
     * retained.
     */
    public static Optional<RetentionSettings> settings(MainConfig main, String chosenUrl) {
        if (!main.flag("retain_state_information", true)) {
            return Optional.empty();
        }
        String url = chosenUrl != null ? chosenUrl
                : System.getProperty("vigil.retention.url", System.getenv("VIGIL_RETENTION_URL"));
        Optional<Path> file = main.path("state_retention_file");
        if (url == null && file.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(url != null ? RetentionSettings.of(url) : RetentionSettings.embedded(file.get()));
    }

    /** The writer every engine hands its changes to; null when state is not retained. */
    WriteBehindRetention writer() {
        return writer;
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    Optional<String> writeProblem() {
        WriteBehindRetention r = writer;
        return r == null ? Optional.empty() : r.writeProblem().map(String::valueOf);
    }

    /** Writes what is pending and closes; a prefetch never taken (stopped before the start) is dropped. */
    void close() {
        if (writer != null) {
            writer.close();
        }
        if (prefetch != null) { // stopped before it started
            prefetch.discard();
        }
    }
}
