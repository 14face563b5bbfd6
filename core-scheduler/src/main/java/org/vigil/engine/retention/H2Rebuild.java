package org.vigil.engine.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * After a crash, copies the embedded database into a new file before using it. H2 2.5's recovery
 * reads a file cut off by {@code kill -9} in the middle of committing a large transaction correctly,
 * but can leave transaction bookkeeping behind that makes a later write of some rows spin forever
 * (seen in {@code RetentionCrashTest}: roughly one kill in ten during 20,000-row flushes). Reading
 * everything and writing it into a fresh file leaves none of that behind. The old file is kept
 * beside the new one as {@code .crashed}, replacing the previous one. Costs a load and a full write
 * (seconds for 100,000 objects), and only after a crash.
 */
final class H2Rebuild {

    private H2Rebuild() {
    }

    /** {@code c} is open on the crashed database and is closed here; {@code openNew} opens the new one. */
    static JdbcRetentionStore afterUncleanShutdown(Connection c, String file, Supplier<JdbcRetentionStore> openNew)
            throws SQLException {
        RetainedState state;
        long nextEntryId;
        try (c) {
            state = JdbcRetentionStore.read(c);
            nextEntryId = Schema.read(c, Schema.NEXT_ENTRY_ID, 1);
        }
        Path old = Path.of(file.startsWith("~") ? System.getProperty("user.home") + file.substring(1) : file);
        try {
            Files.move(old, old.resolveSibling(old.getFileName() + ".crashed"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RetentionException(new RetentionProblem(file, "cannot set the file aside after a crash: "
                    + Problems.firstLine(e), "let the user Vigil runs as write the directory"), e);
        }
        JdbcRetentionStore fresh = openNew.get();
        fresh.restore(state, nextEntryId);
        return fresh;
    }
}
