package org.vigil.perfdata.rrd;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
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
        private final Map<Long, byte[]> pages = new TreeMap<>();
        private final java.util.Set<Long> dirty = new java.util.TreeSet<>();

        Paged(String path, boolean readOnly) throws IOException {
            super(path, readOnly);
        }

        private byte[] page(long index) throws IOException {
            byte[] p = pages.get(index);
            if (p == null) {
                p = new byte[PAGE];
                rafile.seek(index * PAGE);
                int off = 0;
                int n;
                while (off < PAGE && (n = rafile.read(p, off, PAGE - off)) > 0) {
                    off += n;
                }
                pages.put(index, p);
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
                    dirty.add(at / PAGE);
                } else {
                    System.arraycopy(p, in, b, done, n);
                }
                done += n;
            }
        }

        @Override
        protected void close() throws IOException {
            try {
                long length = rafile.length();
                for (long index : dirty) {
                    long start = index * PAGE;
                    rafile.seek(start);
                    rafile.write(pages.get(index), 0, (int) Math.max(0, Math.min(PAGE, length - start)));
                }
            } finally {
                super.close();
            }
        }
    }
}
