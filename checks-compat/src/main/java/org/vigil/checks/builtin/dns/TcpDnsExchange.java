package org.vigil.checks.builtin.dns;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.vigil.checks.builtin.io.AsyncStream;
import org.vigil.checks.builtin.io.BuiltinIo;
import org.vigil.checks.builtin.io.IoTimeout;

/**
 * A query over TCP (two bytes of length, then the message), as dig asks again after a truncated UDP answer; ends
 * at {@code deadlineNanos} like the UDP exchange. Each step (connect, send, read the length, read the message) is a
 * future on {@link BuiltinIo}'s loop. A connection that fails otherwise than refused or timed out fails the future
 * with its {@link java.io.IOException}.
 */
final class TcpDnsExchange {

    private final AsyncStream stream;
    private final int id;
    private final long deadlineNanos;

    private TcpDnsExchange(AsyncStream stream, int id, long deadlineNanos) {
        this.stream = stream;
        this.id = id;
        this.deadlineNanos = deadlineNanos;
    }

    static CompletableFuture<UdpDnsExchange.Result> ask(InetSocketAddress server, byte[] query, int id,
                                                        long deadlineNanos) {
        return BuiltinIo.shared().connect(server, deadlineNanos).handle((stream, failure) -> {
            if (failure == null) {
                TcpDnsExchange exchange = new TcpDnsExchange(stream, id, deadlineNanos);
                return exchange.send(query).whenComplete((r, late) -> stream.close());
            }
            Throwable cause = UdpDnsExchange.cause(failure);
            if (cause instanceof IoTimeout) {
                return result(UdpDnsExchange.Outcome.DEADLINE);
            }
            if (cause instanceof ConnectException) {
                return result(UdpDnsExchange.Outcome.REFUSED);
            }
            return CompletableFuture.<UdpDnsExchange.Result>failedFuture(cause);
        }).thenCompose(r -> r);
    }

    private CompletableFuture<UdpDnsExchange.Result> send(byte[] query) {
        ByteBuffer out = ByteBuffer.allocate(2 + query.length).putShort((short) query.length).put(query).flip();
        ByteBuffer length = ByteBuffer.allocate(2);
        return stream.write(out, deadlineNanos)
                .thenCompose(v -> readFully(length))
                .thenCompose(complete -> complete ? readMessage(length.flip().getShort() & 0xFFFF) : endedEarly())
                .exceptionallyCompose(TcpDnsExchange::failed);
    }

    private CompletableFuture<UdpDnsExchange.Result> readMessage(int size) {
        ByteBuffer message = ByteBuffer.allocate(size);
        return readFully(message).thenCompose(complete -> {
            if (!complete) {
                return endedEarly();
            }
            try {
                DnsMessage m = DnsMessage.parse(message.array());
                return result(m.id() != id ? UdpDnsExchange.Outcome.NO_REPLY : UdpDnsExchange.Outcome.ANSWERED, m);
            } catch (IllegalArgumentException malformed) {
                return result(UdpDnsExchange.Outcome.NO_REPLY);
            }
        });
    }

    /** Whether {@code into} filled: false at the end of the stream. */
    private CompletableFuture<Boolean> readFully(ByteBuffer into) {
        CompletableFuture<Boolean> filled = new CompletableFuture<>();
        readRest(into, filled);
        return filled;
    }

    private void readRest(ByteBuffer into, CompletableFuture<Boolean> filled) {
        if (!into.hasRemaining()) {
            filled.complete(true);
            return;
        }
        stream.read(into, deadlineNanos).whenComplete((n, failure) -> {
            if (failure != null) {
                filled.completeExceptionally(UdpDnsExchange.cause(failure));
            } else if (n < 0) {
                filled.complete(false);
            } else {
                readRest(into, filled);
            }
        });
    }

    /** A write or read that failed: at the deadline the exchange's end, else the connection's failure. */
    private static CompletableFuture<UdpDnsExchange.Result> failed(Throwable failure) {
        Throwable cause = UdpDnsExchange.cause(failure);
        return cause instanceof IoTimeout ? result(UdpDnsExchange.Outcome.DEADLINE)
                : CompletableFuture.failedFuture(cause);
    }

    private CompletableFuture<UdpDnsExchange.Result> endedEarly() {
        return result(System.nanoTime() >= deadlineNanos ? UdpDnsExchange.Outcome.DEADLINE
                : UdpDnsExchange.Outcome.NO_REPLY);
    }

    private static CompletableFuture<UdpDnsExchange.Result> result(UdpDnsExchange.Outcome outcome) {
        return CompletableFuture.completedFuture(new UdpDnsExchange.Result(outcome));
    }

    private static CompletableFuture<UdpDnsExchange.Result> result(UdpDnsExchange.Outcome outcome, DnsMessage m) {
        return CompletableFuture.completedFuture(outcome == UdpDnsExchange.Outcome.ANSWERED
                ? new UdpDnsExchange.Result(outcome, m, true) : new UdpDnsExchange.Result(outcome));
    }
}
