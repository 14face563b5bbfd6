package org.vigil.worker.conf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** mod_gearman's key file as its {@code read_keyfile} takes it, for the worker and the central node alike. */
public final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * The key in {@code file}: its first line, at most 32 characters, trailing white space removed; empty when the
     * file holds none.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws IOException when it cannot be read
     */
    public static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String text = new String(in.readNBytes(32), StandardCharsets.ISO_8859_1);
            int nl = text.indexOf('\n');
            return (nl >= 0 ? text.substring(0, nl + 1) : text).stripTrailing();
        }
    }
}
