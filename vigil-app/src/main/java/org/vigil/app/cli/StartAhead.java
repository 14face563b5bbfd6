package org.vigil.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.vigil.config.ConfigLoader;
import org.vigil.config.main.MainConfig;
import org.vigil.config.main.MainConfigReader;
import org.vigil.engine.daemon.RetentionPrefetch;
import org.vigil.web.app.DatabaseConfig;
import org.vigil.web.app.WebServer;

/**
 * What {@code vigil run} starts before it needs it: the object config loads and the retention database is read on
 * threads of their own while the web settings are parsed (the slowest parts of a restart at 100,000 services).
 */
final class StartAhead {

    private StartAhead() {
    }

    /**
     * Whether {@code webConfig} may choose the retention database ({@code database:} in the file, or a
     * {@code -Ddw.database.*} override), so that the database nagios.cfg names cannot be read before it is parsed.
     * A wrong guess costs time only: the daemon uses a read ahead only if it read the database it chose.
     */
    static boolean mayNameDatabase(Path webConfig) {
        if (System.getProperties().stringPropertyNames().stream().anyMatch(k -> k.startsWith("dw.database"))) {
            return true;
        }
        if (webConfig == null) {
            return false;
        }
        try (java.io.InputStream in = org.vigil.config.main.BoundedInput.open(webConfig, WebServer.MAX_YAML_BYTES)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return java.util.regex.Pattern.compile("(?m)^\\s*\"?database\"?\\s*:|[{,]\\s*\"?database\"?\\s*:")
                    .matcher(text).find();
        } catch (IOException | RuntimeException e) {
            return true; // the settings' own parse reports it
        }
    }

    /** Loads the object config on a thread of its own; the load reports its problems in its result. */
    static CompletableFuture<ConfigLoader.Cached> loadInBackground(Path file) {
        CompletableFuture<ConfigLoader.Cached> loaded = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                loaded.complete(ConfigLoader.loadCached(file));
            } catch (Throwable e) { // NOPMD: whatever it is, the caller reports it as the load would have
                loaded.completeExceptionally(e);
            }
        }, "vigil-config-load");
        t.setDaemon(true);
        t.start();
        return loaded;
    }

    /** The background load's result, or what it threw, as the load on this thread would have thrown it. */
    static ConfigLoader.Cached joined(CompletableFuture<ConfigLoader.Cached> loading) {
        try {
            return loading.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error x) {
                throw x;
            }
            throw e;
        }
    }

    /**
     * Reads the retention database on its own thread while the object config loads (the two slowest parts of a
     * restart at 100,000 services), when the main config names it; the daemon restores it at start.
     */
    static Optional<RetentionPrefetch> prefetchRetention(Path file, DatabaseConfig database) {
        org.vigil.config.diag.Diagnostics quiet = new org.vigil.config.diag.Diagnostics();
        MainConfig main = new MainConfigReader(quiet).read(file);
        if (main == null || quiet.errorCount() > 0) {
            return Optional.empty(); // the full load reports what is wrong
        }
        return RetentionPrefetch.start(main, database.given() ? database.retentionUrl().orElseThrow() : null);
    }
}
