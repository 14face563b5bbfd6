package org.vigil.engine.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * After a crash, copies the embedded database into a new file before using it. H2 2.5's recovery
 * reads a file cut off by {@code kill -9} in the middle of committing a large transaction correctly,
 * but can leave transaction bookkeeping behind that makes a later write of some rows spin forever
 * (seen in {@code RetentionCrashTest}: about one kill in ten during 20,000-row flushes). Reading
 * everything and writing it into a fresh file leaves none of that behind. Costs a load and a full
 * write (seconds for 100,000 objects), and only after a crash.
 *
 * <p>A crash during the rebuild itself loses nothing: the new file is written under another name and
 * closed cleanly, the old one is linked as {@code .crashed} (replacing an older one), and only then
 * does the new file atomically take the old one's name. Until that moment the old file is in place and
 * still marked unclosed, so the next start simply rebuilds again.
 */
final class H2Rebuild {

    private H2Rebuild() {
    }

    /** {@code c} is open on the crashed database at {@code url} and is closed here. */
    static void afterUncleanShutdown(Connection c, String url) throws SQLException {
        rewrite(url, read(c));
    }

    /** Everything the crashed database holds (reading it is safe; writing is not); {@code c} is closed here. */
    static Crashed read(Connection c) throws SQLException {
        try (c) {
            return new Crashed(RetentionReads.read(c), Schema.read(c, Schema.NEXT_ENTRY_ID, 1));
        }
    }

    /** What a crashed database held, as {@link #read} found it. */
    record Crashed(RetainedState state, long nextEntryId) {
    }

    /** Writes {@code crashed} into a new file that takes the place of the crashed one at {@code url}. */
    static void rewrite(String url, Crashed crashed) {
        String rebuildUrl = H2Dialect.withBaseSuffix(url, ".rebuild");
        Path file = file(url);
        Path rebuilt = file(rebuildUrl);
        Path old = file.resolveSibling(file.getFileName() + ".crashed");
        try {
            Files.deleteIfExists(rebuilt);
            try (JdbcRetentionStore fresh = JdbcRetentionStore.openWithoutRebuild(rebuildUrl)) {
                fresh.restore(crashed.state(), crashed.nextEntryId());
            }
            Files.deleteIfExists(old);
            Files.createLink(old, file);
            Files.move(rebuilt, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RetentionException(new RetentionProblem(file.toString(), "cannot rebuild the retention database"
                    + " after a crash: " + Problems.firstLine(e), "let the user Vigil runs write its directory"), e);
        }
    }

    private static Path file(String url) {
        String path = new H2Dialect().where(url);
        return Path.of(path.startsWith("~") ? System.getProperty("user.home") + path.substring(1) : path);
    }
}
