package org.vigil.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * Tells systemd that {@code vigil run} is ready, for a unit of {@code Type=notify} (the package's vigil.service).
 * sd_notify is a datagram on the unix socket {@code NOTIFY_SOCKET} names, and the JDK has unix sockets for streams
 * only; so systemd's own {@code systemd-notify --ready} sends it. Without {@code --no-block} it waits until systemd
 * has taken the message, so its exit cannot lose it; the unit needs {@code NotifyAccess=all}, as the sender is a
 * child of vigil. Outside systemd ({@code NOTIFY_SOCKET} unset) nothing is done.
 */
final class SystemdNotify {

    private SystemdNotify() {
    }

    /** Sends READY=1 if systemd waits for it; a failure is said on {@code err} (systemd then times the start out). */
    static void ready(PrintStream err) {
        String socket = System.getenv("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return;
        }
        try {
            Process p = new ProcessBuilder("systemd-notify", "--ready").redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                err.println("vigil run: systemd-notify --ready did not finish in 10 s; systemd may not see the start");
            } else if (p.exitValue() != 0) {
                err.println("vigil run: systemd-notify --ready failed (exit " + p.exitValue() + ")"
                        + (said.isEmpty() ? "" : ": " + said) + "; systemd may not see the start");
            }
        } catch (IOException e) {
            err.println("vigil run: NOTIFY_SOCKET is set but systemd-notify cannot run (" + e.getMessage()
                    + "); systemd may not see the start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
