package org.vigil.checks.exec;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One thread's scratch file for its plugins' stderr. Plugins append to it ({@code O_APPEND}, no truncation at each
 * start: opening with {@code O_TRUNC} changed the inode, and so went through the file system's journal, on every
 * run); after a run one {@code stat} tells whether the plugin wrote to it, and only then is it read and emptied.
 * No descriptor is kept open: every descriptor the JVM holds is scanned and closed again in each plugin's child
 * before exec, and its {@code /proc} entry dropped when the child is reaped (a kept-open file per pool thread
 * measured ~0.1 ms more CPU per check).
 */
final class StderrFile {

    private final Path path;
    private final ProcessBuilder.Redirect redirect;

    private StderrFile(Path path) {
        this.path = path;
        this.redirect = ProcessBuilder.Redirect.appendTo(path.toFile());
    }

    static StderrFile create() throws IOException {
        Path p = Files.createTempFile("vigil-plugin-stderr-", ".txt");
        p.toFile().deleteOnExit();
        return new StderrFile(p);
    }

    Path path() {
        return path;
    }

    /** A scratch file for one thread's plugins, or null (their stderr then discarded) when none can be made. */
    static StderrFile createOrNull() {
        try {
            return create();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** Where a plugin's stderr goes. */
    ProcessBuilder.Redirect redirect() {
        return redirect;
    }

    /**
     * After a run: copies what the plugin wrote into {@code into} (null: not wanted), and empties the file for the
     * next run. An unreadable file leaves stderr empty: it is only informational.
     */
    void collect(CappedBuffer into) {
        try {
            if (Files.size(path) == 0) {
                return;
            }
            if (into != null) {
                try (InputStream in = Files.newInputStream(path)) {
                    in.transferTo(into);
                }
            }
            new FileOutputStream(path.toFile()).close(); // truncates
        } catch (IOException e) {
            // leave stderr empty; the next run appends after whatever is left
        }
    }
}
