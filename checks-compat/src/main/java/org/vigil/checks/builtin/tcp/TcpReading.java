package org.vigil.checks.builtin.tcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.vigil.checks.builtin.io.AsyncLoop;
import org.vigil.checks.builtin.io.AsyncStream;
import org.vigil.checks.builtin.io.IoTimeout;

/**
 * check_tcp's reading of the answer, as the plugin reads: the first read waits for the alarm, later ones for 2
 * seconds; it stops at the end of the stream, at {@code -m} bytes (before matching), once the strings match or
 * cannot match any more, or when a pause runs out. A read that times out leaves the connection unable to read
 * again; the reading is over then anyway.
 */
final class TcpReading {

    private static final int BUFFER = 1024;
    private static final long PAUSE_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** How the answer matched the expected strings when the reading stopped. */
    enum Match { NONE, SUCCESS, RETRY, FAILURE }

    /** What came back (bytes, one char each), and how it matched. */
    record Answer(String received, Match match) {
    }

    private final TcpOptions o;
    private final RunLimits limits;
    private final AsyncStream stream;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private final StringBuilder received = new StringBuilder();
    private Match match = Match.NONE;
    private boolean first = true;

    private TcpReading(TcpOptions options, RunLimits limits, AsyncStream stream) {
        this.o = options;
        this.limits = limits;
        this.stream = stream;
    }

    /** The answer on {@code stream}; fails with {@link IoTimeout} when the run's time is up while reading. */
    static CompletableFuture<Answer> read(TcpOptions options, RunLimits limits, AsyncStream stream) {
        TcpReading reading = new TcpReading(options, limits, stream);
        return AsyncLoop.repeat(reading::step).thenApply(done -> new Answer(reading.received.toString(),
                reading.match));
    }

    /** One read; true when the reading goes on. */
    private CompletableFuture<Boolean> step() {
        long deadline = limits.deadline();
        boolean waitsForTheAlarm = first || deadline - (System.nanoTime() + PAUSE_NANOS) <= 0;
        long until = waitsForTheAlarm ? deadline : System.nanoTime() + PAUSE_NANOS;
        first = false;
        buffer.clear();
        return stream.read(buffer, until).handle((n, failure) -> {
            if (failure != null) {
                // a pause that ran out ends the reading, as does a reset; the run's deadline ends the run
                if (waitsForTheAlarm && Connecting.cause(failure) instanceof IoTimeout || limits.passed()) {
                    throw new CompletionException(new IoTimeout());
                }
                return false;
            }
            return took(n);
        });
    }

    private boolean took(int n) {
        if (n <= 0) {
            return false;
        }
        received.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
        if (o.maxBytes() > 0 && received.length() >= o.maxBytes()) {
            return false;
        }
        match = match(cString(received.toString()));
        return match == Match.RETRY;
    }

    private Match match(String status) {
        int found = 0;
        int partial = 0;
        for (String expected : o.expects()) {
            String e = TcpProbe.bytes(expected);
            if (o.exact()) {
                if (status.startsWith(e)) {
                    found++;
                } else if (e.startsWith(status)) {
                    partial++;
                }
            } else if (status.contains(e)) {
                found++;
            }
        }
        if (o.all() ? found == o.expects().size() : found >= 1) {
            return Match.SUCCESS;
        }
        return partial > 0 || !o.exact() ? Match.RETRY : Match.FAILURE;
    }

    private static String cString(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }
}
