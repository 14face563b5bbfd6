package org.vigil.config.main;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file's bytes with a ceiling: reading past {@code max} bytes fails with an {@link IOException} whose message
 * names the file and the limit, so no settings file, template or lock file is ever read into memory unbounded
 * (a path to {@code /dev/zero} is an error, not a full heap). Config files are read by {@link TextFiles}.
 */
public final class BoundedInput extends FilterInputStream {

    private final Path file;
    private final long max;
    private long read;

    private BoundedInput(InputStream in, Path file, long max) {
        super(in);
        this.file = file;
        this.max = max;
    }

    /** Opens {@code file}; reads fail once more than {@code max} bytes have been read. */
    public static InputStream open(Path file, long max) throws IOException {
        return new BoundedInput(Files.newInputStream(file), file, max);
    }

    /** The whole of {@code file}, at most {@code max} bytes. */
    public static byte[] readAll(Path file, long max) throws IOException {
        try (InputStream in = open(file, max)) {
            return in.readAllBytes();
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) throws IOException {
        read += n;
        if (read > max) {
            throw new IOException(file + " is larger than " + TextFiles.size(max) + " (is it the right file?)");
        }
    }
}
