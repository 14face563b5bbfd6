package org.vigil.checks.exec;

import java.io.OutputStream;
import java.util.Arrays;
import org.vigil.checks.output.OutputDecoder;

/** Keeps the first {@code limit} bytes written and counts the rest, so a chatty plugin never blocks or floods memory. */
final class CappedBuffer extends OutputStream {

    private final int limit;
    private byte[] buf = new byte[256];
    private int size;
    private boolean truncated;

    CappedBuffer(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int keep = Math.min(len, limit - size);
        if (keep < len) {
            truncated = true;
        }
        if (keep <= 0) {
            return;
        }
        if (size + keep > buf.length) {
            buf = Arrays.copyOf(buf, Math.min(limit, Math.max(buf.length * 2, size + keep)));
        }
        System.arraycopy(b, off, buf, size, keep);
        size += keep;
    }

    synchronized boolean truncated() {
        return truncated;
    }

    synchronized String text() {
        return OutputDecoder.decode(buf, size);
    }
}
