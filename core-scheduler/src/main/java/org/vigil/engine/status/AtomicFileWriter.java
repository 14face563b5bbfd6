package org.vigil.engine.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes status.dat as readers must find it: whole or not at all (a temporary file beside it, renamed over it),
 * readable by all as Nagios leaves it, and never in memory whole: the text is rendered into one reused buffer and
 * passed on through the encoder whenever it fills.
 */
final class AtomicFileWriter {

    /** The buffer is written out at a spill once it holds this many chars. */
    static final int SPILL_CHARS = 256 << 10;

    /** A buffer kept from one write to the next up to this many chars; a bigger one is let go after each write. */
    static final int KEEP_BUFFER_CHARS = 4 << 20;

    private StringBuilder buffer = new StringBuilder();
    private final char[] chunk = new char[8192];

    /**
     * Renders the file with {@code renderer} into this file's own reused buffer, passing it on to a temporary file
     * whenever it fills ({@link StatusFile.Renderer}), then renames that over {@code file}. One
     * write at a time; a render that fails leaves the last file as it was.
     */
    synchronized void write(Path file, StatusFile.Renderer renderer) throws IOException {
        buffer.setLength(0);
        try {
            writeAtomically(file, w -> {
                try {
                    renderer.renderTo(buffer, () -> {
                        if (buffer.length() >= SPILL_CHARS) {
                            drain(w);
                        }
                    });
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
                drain(w);
            });
        } finally {
            if (buffer.capacity() > KEEP_BUFFER_CHARS) {
                buffer = new StringBuilder();
            } else {
                buffer.setLength(0);
            }
        }
    }

    /** Passes the buffer on to {@code w} through the encoder (no copy of it) and empties it. */
    private void drain(java.io.Writer w) {
        try {
            for (int i = 0; i < buffer.length(); i += chunk.length) {
                int n = Math.min(chunk.length, buffer.length() - i);
                buffer.getChars(i, i + n, chunk, 0);
                w.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        buffer.setLength(0);
    }

    /** Writes {@code text} to a temporary file beside {@code file} and renames it over {@code file}. */
    void write(Path file, String text) throws IOException {
        writeAtomically(file, w -> w.write(text));
    }

    private interface Body {
        void writeTo(java.io.Writer w) throws IOException;
    }

    private static void writeAtomically(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // readable by all, as Nagios leaves it, for the CGIs and scripts that read it
        Path tmp = Files.createTempFile(dir, ".status", ".tmp", java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--")));
        try {
            try (java.io.Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.writeTo(w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
