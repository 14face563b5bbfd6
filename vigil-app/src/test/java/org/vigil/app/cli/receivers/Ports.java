package org.vigil.app.cli.receivers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free ports, and waiting for a server to listen on one. */
public final class Ports {

    private Ports() {
    }

    /** A port nothing listens on now (the kernel's pick; free until someone takes it). */
    public static int free() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Whether something accepts connections on 127.0.0.1:{@code port}. */
    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until {@code process} listens on {@code port}; fails with its output if it ends or takes too long. */
    static void await(Process process, int port, java.nio.file.Path output, String what) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (listening(port)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(what + " did not listen on " + port + ": "
                + java.nio.file.Files.readString(output));
    }

    /** Stops {@code process} and what it started: SIGTERM, then SIGKILL after 10 s. */
    static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }
}
