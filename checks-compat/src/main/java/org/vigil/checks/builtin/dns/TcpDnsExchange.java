package org.vigil.checks.builtin.dns;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * A query over TCP (two bytes of length, then the message), as dig asks again after a truncated UDP answer; ends
 * at {@code deadlineNanos} like the UDP exchange.
 */
final class TcpDnsExchange {

    private TcpDnsExchange() {
    }

    static UdpDnsExchange.Result ask(InetSocketAddress server, byte[] query, int id, long deadlineNanos)
            throws IOException {
        try (SocketChannel channel = SocketChannel.open(); Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            channel.connect(server);
            SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
            try {
                while (!channel.finishConnect()) {
                    if (!waitFor(selector, deadlineNanos)) {
                        return new UdpDnsExchange.Result(UdpDnsExchange.Outcome.DEADLINE);
                    }
                }
            } catch (ConnectException refused) {
                return new UdpDnsExchange.Result(UdpDnsExchange.Outcome.REFUSED);
            }
            ByteBuffer out = ByteBuffer.allocate(2 + query.length).putShort((short) query.length).put(query).flip();
            key.interestOps(SelectionKey.OP_WRITE);
            while (out.hasRemaining()) {
                channel.write(out);
                if (out.hasRemaining() && !waitFor(selector, deadlineNanos)) {
                    return new UdpDnsExchange.Result(UdpDnsExchange.Outcome.DEADLINE);
                }
            }
            key.interestOps(SelectionKey.OP_READ);
            ByteBuffer length = ByteBuffer.allocate(2);
            if (!readFully(channel, selector, length, deadlineNanos)) {
                return endedEarly(deadlineNanos);
            }
            ByteBuffer message = ByteBuffer.allocate(length.flip().getShort() & 0xFFFF);
            if (!readFully(channel, selector, message, deadlineNanos)) {
                return endedEarly(deadlineNanos);
            }
            DnsMessage m = DnsMessage.parse(message.array());
            if (m.id() != id) {
                return new UdpDnsExchange.Result(UdpDnsExchange.Outcome.NO_REPLY);
            }
            return new UdpDnsExchange.Result(UdpDnsExchange.Outcome.ANSWERED, m, true);
        } catch (IllegalArgumentException malformed) {
            return new UdpDnsExchange.Result(UdpDnsExchange.Outcome.NO_REPLY);
        }
    }

    private static UdpDnsExchange.Result endedEarly(long deadlineNanos) {
        return new UdpDnsExchange.Result(System.nanoTime() >= deadlineNanos ? UdpDnsExchange.Outcome.DEADLINE
                : UdpDnsExchange.Outcome.NO_REPLY);
    }

    /** Reads until {@code into} is full: false at the end of the stream or the deadline. */
    private static boolean readFully(SocketChannel channel, Selector selector, ByteBuffer into, long deadlineNanos)
            throws IOException {
        while (into.hasRemaining()) {
            int n = channel.read(into);
            if (n < 0) {
                return false;
            }
            if (n == 0 && !waitFor(selector, deadlineNanos)) {
                return false;
            }
        }
        return true;
    }

    private static boolean waitFor(Selector selector, long deadlineNanos) throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        selector.select(Math.max(1, left / 1_000_000));
        selector.selectedKeys().clear();
        return true;
    }
}
