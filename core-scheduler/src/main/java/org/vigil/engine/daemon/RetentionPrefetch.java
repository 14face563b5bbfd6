package org.vigil.engine.daemon;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.retention.Retention;
import org.vigil.engine.retention.RetentionSettings;

/**
 * Reads the retention database on its own thread while the object config is still loading: at 100,000 services
 * these are a restart's two slowest parts, and neither needs the other. Nothing is restored here: the daemon
 * takes the read at start ({@link Daemon#useRetentionPrefetch}) and restores it before any check runs, as
 * without a prefetch.
 */
public final class RetentionPrefetch {

    /** Null once taken or discarded: whoever keeps this object (a caller's local) must not keep every record. */
    private volatile CompletableFuture<Retention.Read> read;

    private RetentionPrefetch(CompletableFuture<Retention.Read> read) {
        this.read = read;
    }

    /**
     * Starts reading the database {@code main} (and {@code chosenUrl}, vigil.yml's {@code database.url}, or null)
     * names for retention; empty when state is not retained.
     */
    public static Optional<RetentionPrefetch> start(MainConfig main, String chosenUrl) {
        return DaemonRetention.settings(main, chosenUrl).map(settings -> {
            CompletableFuture<Retention.Read> read = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    read.complete(Retention.read(settings));
                } catch (RuntimeException | Error e) {
                    read.completeExceptionally(e);
                }
            }, "vigil-retention-read");
            t.setDaemon(true);
            t.start();
            return new RetentionPrefetch(read);
        });
    }

    /** The read, if it was of {@code settings} and did not fail unexpectedly; else empty (and it is closed). */
    Optional<Retention.Read> take(RetentionSettings settings) {
        CompletableFuture<Retention.Read> f = read;
        read = null;
        if (f == null) {
            return Optional.empty();
        }
        Retention.Read r;
        try {
            r = f.join();
        } catch (RuntimeException e) {
            return Optional.empty(); // read again on the caller's thread, which reports what is wrong
        }
        if (r.settings().equals(settings)) {
            return Optional.of(r);
        }
        r.discard();
        return Optional.empty();
    }

    /** Closes what was read, unused: the monitor does not start. Waits for the read to end. */
    public void discard() {
        CompletableFuture<Retention.Read> f = read;
        read = null;
        if (f == null) {
            return;
        }
        try {
            f.join().discard();
        } catch (RuntimeException e) {
            // nothing was opened, or it cannot be closed: the next start treats it as after a crash
        }
    }
}
