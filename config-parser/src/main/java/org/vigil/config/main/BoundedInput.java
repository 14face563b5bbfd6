package org.vigil.config.main;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file's bytes with a ceiling: reading past {@code max} bytes fails with an {@link IOException} whose message
 * names the file and the limit, so no settings file, template or lock file is ever read into memory unbounded
 * (a path to {@code /dev/zero} is an error, not a full heap). Config files are read by {@link TextFiles}; the
 * web server bounds request bodies with {@link #limit}.
 */
public final class BoundedInput extends FilterInputStream {

    /** What reading past the ceiling throws. */
    @FunctionalInterface
    public interface Overflow {
        void exceeded(long max) throws IOException;
    }

    private final long max;
    private final Overflow overflow;
    private long read;

    private BoundedInput(InputStream in, long max, Overflow overflow) {
        super(in);
        this.max = max;
        this.overflow = overflow;
    }

    /** Opens {@code file}; reads fail once more than {@code max} bytes have been read. */
    public static InputStream open(Path file, long max) throws IOException {
        return limit(Files.newInputStream(file), max, m -> {
            throw new IOException(file + " is larger than " + TextFiles.size(m) + " (is it the right file?)");
        });
    }

    /** {@code in}, with {@code overflow} called (and expected to throw) once more than {@code max} bytes are read. */
    public static InputStream limit(InputStream in, long max, Overflow overflow) {
        return new BoundedInput(in, max, overflow);
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

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws IOException {
        read += n;
        if (read > max) {
            overflow.exceeded(max);
        }
    }
}
