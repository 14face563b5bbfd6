package org.vigil.checks.builtin.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.vigil.checks.builtin.io.AsyncDatagram;
import org.vigil.checks.builtin.io.BuiltinIo;
import org.vigil.checks.builtin.io.IoTimeout;

/**
 * One query over UDP as dig sends it: the query again after each try's time without an answer, at most
 * {@code tries} times; a response with another id is ignored (dig warns and waits on). The whole exchange ends at
 * {@code deadlineNanos} ({@link System#nanoTime()}). A truncated answer (TC) is asked again over TCP, as dig does.
 * The exchange waits on {@link BuiltinIo}'s datagram thread, each step a future.
 */
final class UdpDnsExchange {

    private static final SecureRandom IDS = new SecureRandom();

    /** How an exchange ended. */
    enum Outcome { ANSWERED, REFUSED, NO_REPLY, DEADLINE }

    /** The outcome and, when answered, the response and whether it came over TCP. */
    record Result(Outcome outcome, DnsMessage response, boolean tcp) {
        Result(Outcome outcome) {
            this(outcome, null, false);
        }
    }

    private final InetSocketAddress server;
    private final AsyncDatagram channel;
    private final int id;
    private final byte[] query;
    private final int tries;
    private final long tryNanos;
    private final long deadlineNanos;

    private UdpDnsExchange(InetSocketAddress server, AsyncDatagram channel, int id, byte[] query, int tries,
                           long tryNanos, long deadlineNanos) {
        this.server = server;
        this.channel = channel;
        this.id = id;
        this.query = query;
        this.tries = tries;
        this.tryNanos = tryNanos;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Asks {@code server} for {@code name}'s {@code type} records; returns at once. A socket that fails otherwise
     * than by a refusal or a timeout (no descriptor left, a reset TCP connection) ends the exchange as NO_REPLY, the
     * way the checks read dig's and nslookup's errors.
     */
    static CompletableFuture<Result> ask(InetSocketAddress server, String name, int type, int tries, long tryNanos,
                                         long deadlineNanos) {
        int id = IDS.nextInt(0x10000);
        byte[] query = DnsMessage.query(id, name, type);
        AsyncDatagram channel;
        try {
            channel = BuiltinIo.shared().datagram(server);
        } catch (IOException e) {
            return CompletableFuture.completedFuture(new Result(Outcome.NO_REPLY));
        }
        UdpDnsExchange exchange = new UdpDnsExchange(server, channel, id, query, tries, tryNanos, deadlineNanos);
        return exchange.send(0).whenComplete((r, failure) -> channel.close()).exceptionally(failure -> {
            if (cause(failure) instanceof IOException) {
                return new Result(Outcome.NO_REPLY);
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    /** Sends the query for the {@code sent + 1}th time, then waits for this try's time. */
    private CompletableFuture<Result> send(int sent) {
        if (sent >= tries) {
            return CompletableFuture.completedFuture(new Result(Outcome.NO_REPLY));
        }
        return channel.send(ByteBuffer.wrap(query), deadlineNanos).handle((v, failure) -> {
            if (failure != null) {
                return ended(failure, sent);
            }
            CompletableFuture<DnsMessage> response = new CompletableFuture<>();
            receive(Math.min(deadlineNanos, System.nanoTime() + tryNanos), response);
            return response.handle((m, late) -> late != null ? ended(late, sent)
                    : m.truncated() ? TcpDnsExchange.ask(server, query, id, deadlineNanos)
                    : CompletableFuture.completedFuture(new Result(Outcome.ANSWERED, m, false)))
                    .thenCompose(r -> r);
        }).thenCompose(r -> r);
    }

    /** What a failed send or a try without a response leads to: a refusal, the deadline, or the next try. */
    private CompletableFuture<Result> ended(Throwable failure, int sent) {
        Throwable cause = cause(failure);
        if (cause instanceof PortUnreachableException) {
            return CompletableFuture.completedFuture(new Result(Outcome.REFUSED));
        }
        if (cause instanceof IoTimeout) {
            return System.nanoTime() >= deadlineNanos ? CompletableFuture.completedFuture(new Result(Outcome.DEADLINE))
                    : send(sent + 1);
        }
        return CompletableFuture.failedFuture(cause);
    }

    /** Completes {@code response} with the response with our id, or fails it at {@code endNanos}. */
    private void receive(long endNanos, CompletableFuture<DnsMessage> response) {
        channel.receive(endNanos).whenComplete((datagram, failure) -> {
            if (failure != null) {
                response.completeExceptionally(cause(failure));
                return;
            }
            DnsMessage m = ours(datagram);
            if (m == null) {
                receive(endNanos, response);
            } else {
                response.complete(m);
            }
        });
    }

    /** The response when {@code bytes} is ours; null for another id, a query, or what does not parse. */
    private DnsMessage ours(byte[] bytes) {
        try {
            DnsMessage m = DnsMessage.parse(bytes);
            return m.id() == id && (m.flags() & 0x8000) != 0 ? m : null;
        } catch (IllegalArgumentException malformed) {
            return null; // dig reports a bad packet and waits on; so does the built-in
        }
    }

    static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
