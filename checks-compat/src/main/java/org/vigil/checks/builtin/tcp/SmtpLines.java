package org.vigil.checks.builtin.tcp;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.vigil.checks.builtin.io.AsyncLoop;
import org.vigil.checks.builtin.io.AsyncStream;
import org.vigil.checks.builtin.io.IoTimeout;

/**
 * check_smtp's recvlines: a reply's lines, read a byte at a time (as the plugin reads them, so nothing past the
 * reply leaves the kernel's buffer) while each begins with three digits and a dash, into a buffer of 8,192 bytes.
 */
final class SmtpLines {

    private static final int BUFFER = 8192;

    private final AsyncStream stream;
    private final long deadline;
    private final StringBuilder into;
    private final ByteBuffer one = ByteBuffer.allocate(1);
    /** Bytes of the reply's earlier lines. */
    private int total;
    /** recvlines' result once the last line is read. */
    private int result;
    /** The line being read: bytes in it, and recvline's result so far. */
    private int i;
    private int lineResult;
    private boolean lineEnded;

    private SmtpLines(AsyncStream stream, long deadline, StringBuilder into) {
        this.stream = stream;
        this.deadline = deadline;
        this.into = into;
    }

    /**
     * Reads a reply into {@code into}: the bytes read, or 0 or less when a line ended without its newline (or did
     * not fit); fails with {@link IoTimeout} at {@code deadline}.
     */
    static CompletableFuture<Integer> read(AsyncStream stream, long deadline, StringBuilder into) {
        SmtpLines lines = new SmtpLines(stream, deadline, into);
        return AsyncLoop.repeat(lines::line).thenApply(done -> lines.result);
    }

    /** Reads one line; true when another follows. */
    private CompletableFuture<Boolean> line() {
        i = 0;
        lineResult = 0;
        lineEnded = false;
        int room = BUFFER - total;
        return AsyncLoop.repeat(() -> nextByte(room)).thenApply(done -> {
            int n = lineEnded ? i + 1 : lineResult == 1 || i == 0 ? -2 : lineResult;
            boolean more = n > 3 && digit(into.charAt(total)) && digit(into.charAt(total + 1))
                    && digit(into.charAt(total + 2)) && into.charAt(total + 3) == '-';
            if (!more) {
                result = n <= 0 ? n : n + total;
                return false;
            }
            total += n;
            return true;
        });
    }

    /** recvline's loop: one byte; true when the line goes on. */
    private CompletableFuture<Boolean> nextByte(int room) {
        if (i >= room - 1) {
            return CompletableFuture.completedFuture(false);
        }
        one.clear();
        return stream.read(one, deadline).handle((n, failure) -> {
            if (Connecting.cause(failure) instanceof IoTimeout) {
                throw new CompletionException(new IoTimeout());
            }
            if (failure != null || n <= 0) { // a reset reads as the end
                lineResult = 0;
                return false;
            }
            char c = (char) (one.get(0) & 0xff);
            into.append(c);
            lineResult = 1;
            if (c == '\n') {
                lineEnded = true;
                return false;
            }
            i++;
            return true;
        });
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
