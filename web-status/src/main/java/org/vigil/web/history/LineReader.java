package org.vigil.web.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Reads a log file's lines from a byte offset, as {@link java.io.BufferedReader#readLine} splits them ({@code \n},
 * {@code \r} or both end a line; bytes that are not UTF-8 replaced), and says where it stopped, so the current log
 * can be read again from there as it grows (the idea of Livestatus's {@code LogFiles}).
 */
final class LineReader {

    private LineReader() {
    }

    /**
     * Feeds the lines of {@code path} from {@code offset} to {@code line} and returns the offset after the last one
     * fed. With {@code wholeOnly}, a last line without its newline (still being written) is left for the next read;
     * an unreadable file gives what was read.
     */
    static long read(Path path, long offset, boolean wholeOnly, Consumer<String> line) {
        long done = offset;
        byte[] carry = new byte[1 << 12];
        int carried = 0;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.position(offset);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            while (ch.read(buf) > 0) {
                byte[] data = buf.array();
                int n = buf.position();
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (data[i] == '\n') {
                        if (carried > 0) {
                            carry = append(carry, carried, data, start, i - start);
                            emit(carry, 0, carried + i - start, line);
                        } else {
                            emit(data, start, i - start, line);
                        }
                        done += carried + i + 1 - start;
                        carried = 0;
                        start = i + 1;
                    }
                }
                carry = append(carry, carried, data, start, n - start);
                carried += n - start;
                buf.clear();
            }
        } catch (IOException e) {
            // a file rotated away or unreadable: the lines read stand, as avail.cgi skips a file it cannot open
            return done;
        }
        if (carried > 0 && !wholeOnly) {
            emit(carry, 0, carried, line);
            done += carried;
        }
        return done;
    }

    private static byte[] append(byte[] to, int used, byte[] from, int at, int length) {
        byte[] out = used + length <= to.length ? to : java.util.Arrays.copyOf(to, Math.max(to.length * 2,
                used + length));
        System.arraycopy(from, at, out, used, length);
        return out;
    }

    /** One {@code \n}-ended stretch; a {@code \r} in it ends a line too, as BufferedReader reads it. */
    private static void emit(byte[] data, int at, int length, Consumer<String> line) {
        String s = new String(data, at, length, StandardCharsets.UTF_8);
        if (s.indexOf('\r') < 0) {
            line.accept(s);
            return;
        }
        for (String part : s.split("\r", -1)) {
            if (!part.isEmpty()) {
                line.accept(part);
            }
        }
    }
}
