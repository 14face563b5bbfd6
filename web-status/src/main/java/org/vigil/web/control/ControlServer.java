package org.vigil.web.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.vigil.engine.sweep.Sweep;
import org.vigil.engine.sweep.SweepReport;
import org.vigil.engine.sweep.SweepRequest;
import org.vigil.engine.sweep.SweepService;
import org.vigil.engine.sweep.SweepSummary;
import org.vigil.engine.sweep.Sweeps;

/**
 * The monitor's end of the control socket ({@link ControlProtocol}): accepts local connections, one thread each
 * (at most {@link #MAX_CLIENTS} at once), and serves sweeps through the {@link SweepService}.
 */
public final class ControlServer implements AutoCloseable {

    static final int MAX_CLIENTS = 16;

    private final Path path;
    private final ServerSocketChannel server;
    private final SweepService sweeps;
    private final Semaphore clients = new Semaphore(MAX_CLIENTS);
    private volatile boolean closed;

    private ControlServer(Path path, ServerSocketChannel server, SweepService sweeps) {
        this.path = path;
        this.server = server;
        this.sweeps = sweeps;
    }

    /**
     * Opens the socket at {@code path} (a stale one left by a killed monitor is replaced: the caller holds the
     * lock file, so no other monitor owns it) and starts accepting; empty, with the reason logged, if it cannot.
     * The socket is bound and listening under a temporary name first, then renamed into place: a client that sees
     * the file can connect (a socket file that exists before {@code listen} refuses connections).
     */
    public static Optional<ControlServer> open(Path path, SweepService sweeps, Consumer<String> log) {
        try {
            Files.deleteIfExists(path);
            ServerSocketChannel server = listening(path);
            ControlServer s = new ControlServer(path, server, sweeps);
            Thread t = new Thread(s::acceptLoop, "vigil-control");
            t.setDaemon(true);
            t.start();
            return Optional.of(s);
        } catch (IOException | RuntimeException e) {
            log.accept("Warning: control socket " + path + " cannot be opened (vigil sweep will not reach this"
                    + " monitor): " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A server socket listening at {@code path}, which appears only once it listens. */
    private static ServerSocketChannel listening(Path path) throws IOException {
        Path staged = path.resolveSibling("." + path.getFileName() + ".new");
        try {
            Files.deleteIfExists(staged);
            ServerSocketChannel server = boundAt(staged);
            try {
                Files.move(staged, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return server;
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            // the staged name may be too long for a socket address (108 bytes): bind in place instead
            Files.deleteIfExists(staged);
            return boundAt(path);
        }
    }

    /** A server socket bound and listening at {@code at}, readable and writable by owner and group. */
    private static ServerSocketChannel boundAt(Path at) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(at)); // bind and listen
            Files.setPosixFilePermissions(at, PosixFilePermissions.fromString("rw-rw----"));
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                if (!clients.tryAcquire()) {
                    reply(client, List.of("ERROR too many control connections; try again", "END"));
                    client.close();
                    continue;
                }
                Thread t = new Thread(() -> {
                    try (client) {
                        serve(client);
                    } catch (IOException | RuntimeException e) {
                        // the client went away or sent garbage: nothing to keep
                    } finally {
                        clients.release();
                    }
                }, "vigil-control-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private static void reply(SocketChannel client, List<String> lines) throws IOException {
        OutputStream out = Channels.newOutputStream(client);
        out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void serve(SocketChannel client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                StandardCharsets.UTF_8));
        OutputStream out = Channels.newOutputStream(client);
        String line = readLine(in);
        if (line == null) {
            return;
        }
        if (!(line.equals("SWEEP") || line.startsWith("SWEEP "))) {
            send(out, "ERROR unknown request '" + abbreviate(line) + "' (expected SWEEP)");
            send(out, "END");
            return;
        }
        SweepRequest.Parsed parsed = SweepRequest.parse(ControlProtocol.decode(line.substring(5).strip()));
        if (parsed.request().isEmpty()) {
            rejected(out, parsed.errors());
            return;
        }
        Sweeps.Start start = sweeps.start(parsed.request().get());
        if (start.sweep().isEmpty()) {
            rejected(out, start.errors());
            return;
        }
        stream(start.sweep().get(), out);
    }

    /** Sends progress until the sweep ends, then its summary; a failed write (client gone) cancels it. */
    private void stream(Sweep sweep, OutputStream out) throws IOException {
        try {
            send(out, "STARTED " + sweep.id() + " " + sweep.progress().total());
            while (!sweep.await(Duration.ofMillis(ControlProtocol.PROGRESS_EVERY_MS))) {
                send(out, "PROGRESS " + SweepReport.json(sweep.progress()));
            }
        } catch (IOException | InterruptedException e) {
            sweeps.cancel(sweep.id());
            return;
        }
        SweepSummary summary = sweep.summary().orElseThrow();
        StringBuilder b = new StringBuilder();
        b.append("PROGRESS ").append(SweepReport.json(summary.progress())).append('\n');
        b.append("SUMMARY ").append(SweepReport.json(summary)).append('\n');
        SweepReport.text(summary).forEach(l -> b.append("TEXT ").append(l.replace('\n', ' ')).append('\n'));
        b.append("END\n");
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void rejected(OutputStream out, List<String> errors) throws IOException {
        for (String e : errors) {
            send(out, "ERROR " + e);
        }
        send(out, "END");
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One line, at most {@link ControlProtocol#MAX_LINE} characters (longer is cut: a request is short). */
    private static String readLine(BufferedReader in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (b.length() < ControlProtocol.MAX_LINE) {
                b.append((char) c);
            }
        }
        return c == -1 && b.length() == 0 ? null : b.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Stops accepting and removes the socket file. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a stale socket is replaced at the next start
        }
    }
}
