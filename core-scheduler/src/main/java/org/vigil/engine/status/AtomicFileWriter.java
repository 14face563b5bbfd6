package org.vigil.engine.status;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes status.dat as readers must find it: whole or not at all (a temporary file beside it, renamed over it),
 * readable by all as Nagios leaves it, and never in memory whole: the text is rendered into one reused buffer and
 * passed on as UTF-8 whenever it fills.
 */
final class AtomicFileWriter {

    /** The buffer is written out at a spill once it holds this many chars. */
    static final int SPILL_CHARS = 256 << 10;

    /** A buffer kept from one write to the next up to this many chars; a bigger one is let go after each write. */
    static final int KEEP_BUFFER_CHARS = 4 << 20;

    private StringBuilder buffer = new StringBuilder();

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

    /**
     * Passes the buffer on to {@code out} as UTF-8 and empties it. Through a String: its ASCII text (nearly all of
     * status.dat) is copied whole into the bytes, where an encoder took it a char at a time (a sixth of the writer's
     * time at 500 checks/s).
     */
    private void drain(OutputStream out) {
        try {
            out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        buffer.setLength(0);
    }

    /** Writes {@code text} to a temporary file beside {@code file} and renames it over {@code file}. */
    void write(Path file, String text) throws IOException {
        writeAtomically(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // readable by all, as Nagios leaves it, for the CGIs and scripts that read it
        Path tmp = Files.createTempFile(dir, ".status", ".tmp", java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--")));
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
