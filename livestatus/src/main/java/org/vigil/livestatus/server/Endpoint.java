package org.vigil.livestatus.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the server listens: a Unix socket (the broker_module line's path or vigil.yml's {@code socket:}) or a TCP
 * address ({@code listen: host:port}).
 */
public sealed interface Endpoint {

    /** Binds a listening channel here. */
    ServerSocketChannel bind() throws IOException;

    /** Undoes what binding left behind once the channel is closed (the socket file). */
    default void unbind() {
    }

    /** How the log names it. */
    String describe();

    /** A Unix socket at {@code path}. */
    static Endpoint unix(Path path) {
        return new Unix(path.toAbsolutePath());
    }

    /** A TCP listener on {@code host:port} (port 0: any free one). */
    static Endpoint tcp(String host, int port) {
        return new Tcp(new InetSocketAddress(host, port));
    }

    /**
     * A Unix socket file, mode 0660: the monitor's user and group (nagios_user and nagios_group, which Vigil runs as
     * when started as root) may connect, as to Nagios's command file. A socket file left by a process that is gone
     * is replaced; one another process still answers on is not, nor anything that is not a socket.
     */
    record Unix(Path path) implements Endpoint {

        @Override
        public ServerSocketChannel bind() throws IOException {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                replaceStale();
            }
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.bind(UnixDomainSocketAddress.of(path), 128);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return channel;
        }

        private void replaceStale() throws IOException {
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                    || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
                throw new IOException(path + " exists and is not a socket: not replaced");
            }
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                throw new IOException(path + " is answered by another process (another Vigil or Nagios?)");
            } catch (IOException refused) {
                if (refused.getMessage() != null && refused.getMessage().contains("another process")) {
                    throw refused;
                }
                Files.delete(path); // left by a process that is gone
            }
        }

        @Override
        public void unbind() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // nothing more to do at stop
            }
        }

        @Override
        public String describe() {
            return "unix:" + path;
        }
    }

    /** A TCP address. */
    record Tcp(InetSocketAddress address) implements Endpoint {

        @Override
        public ServerSocketChannel bind() throws IOException {
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.bind(address, 128);
            } catch (IOException e) {
                channel.close();
                throw new IOException(address.getHostString() + ":" + address.getPort() + ": " + e.getMessage(), e);
            }
            return channel;
        }

        @Override
        public String describe() {
            return "tcp:" + address.getHostString() + ":" + address.getPort();
        }
    }
}
