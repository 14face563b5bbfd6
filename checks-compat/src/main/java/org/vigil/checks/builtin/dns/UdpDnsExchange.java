package org.vigil.checks.builtin.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * One query over UDP as dig sends it: the query again after each try's time without an answer, at most
 * {@code tries} times; a response with another id is ignored (dig warns and waits on). The whole exchange ends at
 * {@code deadlineNanos} ({@link System#nanoTime()}). A truncated answer (TC) is asked again over TCP, as dig does.
 */
final class UdpDnsExchange {

    private static final SecureRandom IDS = new SecureRandom();
    private static final int MAX_MESSAGE = 65535;

    /** How an exchange ended. */
    enum Outcome { ANSWERED, REFUSED, NO_REPLY, DEADLINE }

    /** The outcome and, when answered, the response and whether it came over TCP. */
    record Result(Outcome outcome, DnsMessage response, boolean tcp) {
        Result(Outcome outcome) {
            this(outcome, null, false);
        }
    }

    private UdpDnsExchange() {
    }

    static Result ask(InetSocketAddress server, String name, int type, int tries, long tryNanos, long deadlineNanos)
            throws IOException {
        int id = IDS.nextInt(0x10000);
        byte[] query = DnsMessage.query(id, name, type);
        try (DatagramChannel channel = DatagramChannel.open(); Selector selector = Selector.open()) {
            channel.connect(server);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer in = ByteBuffer.allocate(MAX_MESSAGE);
            for (int sent = 0; sent < tries; sent++) {
                try {
                    channel.write(ByteBuffer.wrap(query));
                } catch (PortUnreachableException e) {
                    return new Result(Outcome.REFUSED);
                }
                long tryEnd = Math.min(deadlineNanos, System.nanoTime() + tryNanos);
                try {
                    DnsMessage m = receive(channel, selector, in, id, tryEnd);
                    if (m != null && m.truncated()) {
                        return TcpDnsExchange.ask(server, query, id, deadlineNanos);
                    }
                    if (m != null) {
                        return new Result(Outcome.ANSWERED, m, false);
                    }
                } catch (PortUnreachableException e) {
                    return new Result(Outcome.REFUSED);
                } catch (SocketTimeoutException e) {
                    if (System.nanoTime() >= deadlineNanos) {
                        return new Result(Outcome.DEADLINE);
                    }
                }
            }
            return new Result(Outcome.NO_REPLY);
        }
    }

    /** The response with {@code id}, or a timeout at {@code endNanos}; messages that do not parse are ignored. */
    private static DnsMessage receive(DatagramChannel channel, Selector selector, ByteBuffer in, int id,
                                      long endNanos) throws IOException {
        while (true) {
            long left = endNanos - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            selector.select(Math.max(1, left / 1_000_000));
            selector.selectedKeys().clear();
            in.clear();
            if (channel.read(in) <= 0) {
                continue;
            }
            byte[] bytes = Arrays.copyOf(in.array(), in.position());
            try {
                DnsMessage m = DnsMessage.parse(bytes);
                if (m.id() == id && (m.flags() & 0x8000) != 0) {
                    return m;
                }
            } catch (IllegalArgumentException malformed) {
                // dig reports a bad packet and waits on; so does the built-in
            }
        }
    }
}
