package org.vigil.worker.gearman;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real Debian gearmand, started on a free loopback port for one test class and stopped after. */
public final class Gearmand implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/gearmand");

    private final Process process;
    private final ServerAddress address;
    private final Path log;

    private Gearmand(Process process, ServerAddress address, Path log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    public static Gearmand start() throws IOException, InterruptedException {
        return startOn(freePort());
    }

    /** A gearmand on {@code port}: to start one again where an earlier one listened (a restart). */
    public static Gearmand startOn(int port) throws IOException, InterruptedException {
        Path log = Files.createTempFile("gearmand", ".log");
        Process process = new ProcessBuilder(BINARY.toString(), "--listen=127.0.0.1", "--port=" + port,
                "--log-file=" + log, "--threads=1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Gearmand gearmand = new Gearmand(process, new ServerAddress("127.0.0.1", port), log);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gearmand exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try {
                new Socket("127.0.0.1", port).close();
                return gearmand;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        gearmand.close();
        throw new IllegalStateException("gearmand did not listen on port " + port + " within 5 s");
    }

    /** The CPU time gearmand has used so far, when the system tells it. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public ServerAddress address() {
        return address;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }
}
