package org.vigil.perfdata.rrd;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.BitSet;
import org.rrd4j.core.RrdBackend;
import org.rrd4j.core.RrdBackendAnnotation;
import org.rrd4j.core.RrdRandomAccessFileBackend;
import org.rrd4j.core.RrdRandomAccessFileBackendFactory;

/**
 * rrd4j's plain file backend with the pages an open touches kept in memory and the changed ones written back at close:
 * an update writes a row and a state in each of the 12 archives, a dozen small writes a value with the plain backend;
 * five held values of a metric touch the same few pages, so a batch costs those pages' reads and writes once.
 */
@RrdBackendAnnotation(name = "VIGIL_PAGED_FILE", shouldValidateHeader = true)
public final class PagedFileBackendFactory extends RrdRandomAccessFileBackendFactory {

    @Override
    protected RrdBackend open(String path, boolean readOnly) throws IOException {
        return new Paged(path, readOnly);
    }

    /** One open file's pages. */
    private static final class Paged extends RrdRandomAccessFileBackend {
        private static final int PAGE = 4096;
        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.BIG_ENDIAN);
        private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class,
                ByteOrder.BIG_ENDIAN);
        /** The pages read so far by their number (a file of the store's shape has 94), null where not read. */
        private byte[][] pages;
        private final BitSet dirty = new BitSet();
        /** The file's length when opened: a page past it (a file being made) is zeros, not read. */
        private final long opened;

        Paged(String path, boolean readOnly) throws IOException {
            super(path, readOnly);
            opened = rafile.length();
            pages = new byte[(int) ((opened + PAGE - 1) / PAGE) + 1][];
        }

        private byte[] page(long index) throws IOException {
            if (index >= pages.length) {
                pages = Arrays.copyOf(pages, (int) Math.max(index + 1, pages.length * 2L));
            }
            byte[] p = pages[(int) index];
            if (p == null) {
                p = new byte[PAGE];
                pages[(int) index] = p;
                if (index * PAGE >= opened) {
                    return p;
                }
                rafile.seek(index * PAGE);
                int off = 0;
                int n;
                while (off < PAGE && (n = rafile.read(p, off, PAGE - off)) > 0) {
                    off += n;
                }
            }
            return p;
        }

        @Override
        public void read(long offset, byte[] b) throws IOException {
            copy(offset, b, false);
        }

        @Override
        protected void write(long offset, byte[] b) throws IOException {
            copy(offset, b, true);
        }

        /*
         * rrd4j reads an archive's rows one value at a time (a fetch of a year is 1,460 reads of 8 bytes), each through
         * a new array by default: read here straight from the page, in rrd4j's byte order (big-endian).
         */

        @Override
        protected int readInt(long offset) throws IOException {
            int in = (int) (offset % PAGE);
            return in <= PAGE - 4 ? (int) INT.get(page(offset / PAGE), in) : super.readInt(offset);
        }

        @Override
        protected long readLong(long offset) throws IOException {
            int in = (int) (offset % PAGE);
            return in <= PAGE - 8 ? (long) LONG.get(page(offset / PAGE), in) : super.readLong(offset);
        }

        @Override
        protected double readDouble(long offset) throws IOException {
            int in = (int) (offset % PAGE);
            return in <= PAGE - 8 ? (double) DOUBLE.get(page(offset / PAGE), in) : super.readDouble(offset);
        }

        @Override
        protected double[] readDouble(long offset, int count) throws IOException {
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                out[i] = readDouble(offset + 8L * i);
            }
            return out;
        }

        /** Copies {@code b} into the pages from {@code offset} ({@code toPages}, marking them dirty) or out of them. */
        private void copy(long offset, byte[] b, boolean toPages) throws IOException {
            int done = 0;
            while (done < b.length) {
                long at = offset + done;
                byte[] p = page(at / PAGE);
                int in = (int) (at % PAGE);
                int n = Math.min(PAGE - in, b.length - done);
                if (toPages) {
                    System.arraycopy(b, done, p, in, n);
                    dirty.set((int) (at / PAGE));
                } else {
                    System.arraycopy(p, in, b, done, n);
                }
                done += n;
            }
        }

        @Override
        protected void close() throws IOException {
            try {
                // each run of changed pages in one write (a new file: all of them, 94 pages, in one)
                long length = rafile.length();
                byte[] run = null;
                for (int first = dirty.nextSetBit(0); first >= 0; first = dirty.nextSetBit(first)) {
                    int end = dirty.nextClearBit(first);
                    long start = (long) first * PAGE;
                    int bytes = (int) Math.max(0, Math.min((long) (end - first) * PAGE, length - start));
                    if (run == null || run.length < bytes) {
                        run = new byte[bytes];
                    }
                    for (int i = first; i < end && (long) (i - first) * PAGE < bytes; i++) {
                        System.arraycopy(pages[i], 0, run, (i - first) * PAGE, Math.min(PAGE, bytes - (i - first) * PAGE));
                    }
                    rafile.seek(start);
                    rafile.write(run, 0, bytes);
                    first = end;
                }
            } finally {
                super.close();
            }
        }
    }
}
