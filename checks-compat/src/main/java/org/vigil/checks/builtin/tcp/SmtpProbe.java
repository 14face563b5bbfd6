package org.vigil.checks.builtin.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.vigil.checks.builtin.io.AsyncStream;
import org.vigil.checks.builtin.io.IoTimeout;
import org.vigil.checks.exec.PluginResult;

/**
 * One run of check_smtp's basics on {@link org.vigil.checks.builtin.io.BuiltinIo}'s loop: connect, read the
 * greeting ({@link SmtpLines}), HELO, read the reply, look for the expected string, QUIT, and the response time.
 * Every wait ends by the plugin's {@code -t} or the engine's timeout ({@link RunLimits}). As in the plugin, a failed
 * HELO write counts as that address failing: the next address is tried.
 */
final class SmtpProbe {

    /** What {@link #converse} gives when the exchange went through: the status line follows. */
    private static final int GONE_THROUGH = -1;

    private final CheckSmtp.Options o;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private RunLimits limits;
    private long begin;

    SmtpProbe(CheckSmtp.Options options) {
        this.o = options;
    }

    /** Starts the run; returns at once, the result comes on the event loop. */
    CompletableFuture<PluginResult> start(Duration engineTimeout) {
        limits = RunLimits.startingNow(engineTimeout);
        return Connecting.lookUpThen(o.host(), limits.deadline(), this::connect).handle(this::finish);
    }

    private CompletableFuture<Integer> connect(InetAddress[] addresses) {
        if (addresses == null) {
            print("check_smtp: Invalid hostname/address - " + bytes(o.host()) + "\n" + CheckSmtp.USAGE);
            return CompletableFuture.completedFuture(3);
        }
        String hello = "HELO " + localHostName() + "\r\n";
        limits = limits.withAlarm(o.timeout());
        begin = System.nanoTime();
        return Connecting.eachAddress(addresses, o.port(), limits.deadline(),
                s -> converse(s, hello).thenApply(code -> {
                    s.close();
                    return code == GONE_THROUGH ? report(0) : code;
                }),
                error -> {
                    print("connect to address " + bytes(o.host()) + " and port " + o.port() + ": " + error + "\n");
                    return report(2);
                });
    }

    /** The exchange; an exit code when it ends the run early, else {@link #GONE_THROUGH}. */
    private CompletableFuture<Integer> converse(AsyncStream s, String hello) {
        StringBuilder greeting = new StringBuilder();
        StringBuilder reply = new StringBuilder();
        return SmtpLines.read(s, limits.deadline(), greeting).thenCompose(n -> {
            if (n <= 0) {
                print("recv() failed\n");
                return CompletableFuture.completedFuture(1);
            }
            return send(s, hello).thenCompose(sent -> SmtpLines.read(s, limits.deadline(), reply)).thenCompose(m -> {
                if (m <= 0) {
                    print("recv() failed\n");
                    return CompletableFuture.completedFuture(1);
                }
                String response = stripped(cString(greeting) + cString(reply));
                if (!response.contains(bytes(o.expect()))) {
                    print(o.port() == CheckSmtp.SMTP_PORT ? "Invalid SMTP response received from host: " + response
                            + "\n" : "Invalid SMTP response received from host on port " + o.port() + ": "
                            + response + "\n");
                    return CompletableFuture.completedFuture(1);
                }
                return quit(s);
            });
        });
    }

    private CompletableFuture<Integer> quit(AsyncStream s) {
        return send(s, "QUIT\r\n").handle((sent, failure) -> {
            Throwable cause = Connecting.cause(failure);
            if (cause instanceof IOException && !(cause instanceof IoTimeout)) {
                print("Connection closed by server before sending QUIT command\n");
                return CompletableFuture.completedFuture(3);
            }
            if (cause != null) {
                return CompletableFuture.<Integer>failedFuture(cause);
            }
            return SmtpLines.read(s, limits.deadline(), new StringBuilder()).thenApply(n -> GONE_THROUGH);
        }).thenCompose(next -> next);
    }

    private CompletableFuture<Void> send(AsyncStream s, String text) {
        return s.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)), limits.deadline());
    }

    private int report(int state) {
        double elapsed = (System.nanoTime() - begin) / 1000 / 1.0e6;
        int result = state;
        if (result == 0 && o.critical() != null && elapsed > o.critical()) {
            result = 2;
        } else if (result == 0 && o.warning() != null && elapsed > o.warning()) {
            result = 1;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "SMTP %s - %.3f sec. response time|time=%fs;", new String[] {"OK", "WARNING", "CRITICAL"}[result],
                elapsed, elapsed));
        if (o.warning() != null) {
            line.append(String.format(Locale.ROOT, "%f", o.warning()));
        }
        line.append(';');
        if (o.critical() != null) {
            line.append(String.format(Locale.ROOT, "%f", o.critical()));
        }
        line.append(String.format(Locale.ROOT, ";%f%n", 0.0));
        print(line.toString());
        return result;
    }

    /** The run's end: its code, or the plugin's timeout line after what was printed, or the killed plugin's. */
    private PluginResult finish(Integer code, Throwable failure) {
        Throwable cause = Connecting.cause(failure);
        if (cause instanceof IoTimeout) {
            if (limits.engineFirst()) {
                return limits.killed();
            }
            print("CRITICAL - Socket timeout after " + o.timeout() + " seconds\n");
            return limits.exited(2, out);
        }
        if (cause != null) {
            throw new CompletionException(cause);
        }
        return limits.exited(code, out);
    }

    /** gethostname(2), which the plugin says HELO with: the kernel's host name (a read of procfs, not of a disk). */
    private static String localHostName() {
        try {
            return bytes(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        } catch (IOException e) {
            try {
                return bytes(InetAddress.getLocalHost().getHostName());
            } catch (UnknownHostException ex) {
                return "localhost";
            }
        }
    }

    /** The plugin's strip: trailing spaces, tabs, CRs and LFs go. */
    private static String stripped(String s) {
        int end = s.length();
        while (end > 0 && " \r\n\t".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String cString(CharSequence s) {
        String t = s.toString();
        int nul = t.indexOf('\0');
        return nul < 0 ? t : t.substring(0, nul);
    }

    private static String bytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private void print(String bytes) {
        out.writeBytes(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }
}
