import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The benches' local target (run as a single-file program: java Target.java PORT [BACKLOG]): one thread,
 * non-blocking, a listen backlog of 4,096 unless given, so that it is not what limits the checks. Each connection's request (up to its blank line) gets
 * one fixed HTTP/1.0 200 answer and the connection closes; a connection that sends nothing and closes (check_tcp
 * without -s) is just closed.
 */
public final class Target {

    private static final byte[] ANSWER = ("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: 31\r\n"
            + "Connection: close\r\n\r\n<html><body>bench</body></html>").getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        server.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), backlog);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (true) {
            selector.select();
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                try {
                    if (key.isAcceptable()) {
                        SocketChannel c;
                        while ((c = server.accept()) != null) {
                            c.configureBlocking(false);
                            c.register(selector, SelectionKey.OP_READ, new StringBuilder());
                        }
                    } else if (key.isReadable()) {
                        SocketChannel c = (SocketChannel) key.channel();
                        buffer.clear();
                        int n = c.read(buffer);
                        if (n < 0) {
                            c.close();
                            continue;
                        }
                        StringBuilder request = (StringBuilder) key.attachment();
                        request.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
                        if (request.indexOf("\r\n\r\n") >= 0 || request.indexOf("\n\n") >= 0) {
                            c.write(ByteBuffer.wrap(ANSWER)); // small: goes out whole on a fresh socket
                            c.close();
                        }
                    }
                } catch (IOException e) {
                    key.cancel();
                    key.channel().close();
                }
            }
        }
    }
}
