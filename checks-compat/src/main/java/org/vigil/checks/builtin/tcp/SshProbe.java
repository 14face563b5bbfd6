package org.vigil.checks.builtin.tcp;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.vigil.checks.builtin.io.AsyncStream;
import org.vigil.checks.builtin.io.IoTimeout;
import org.vigil.checks.exec.PluginResult;

/**
 * One run of check_ssh on {@link org.vigil.checks.builtin.io.BuiltinIo}'s loop: connect, read the banner in one read
 * of up to 256 bytes, send the plugin's identification, judge version and protocol. Every wait ends by the plugin's
 * {@code -t} or the engine's timeout ({@link RunLimits}). As in the plugin, a failed write of the identification
 * counts as that address failing: the next address is tried.
 */
final class SshProbe {

    private static final int BANNER_BYTES = 256;

    private final CheckSsh.Options o;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private RunLimits limits;
    private long begin;

    SshProbe(CheckSsh.Options options) {
        this.o = options;
    }

    /** Starts the run; returns at once, the result comes on the event loop. */
    CompletableFuture<PluginResult> start(Duration engineTimeout) {
        limits = RunLimits.startingNow(engineTimeout);
        return Connecting.lookUpThen(o.host(), limits.deadline(), this::connect).handle(this::finish);
    }

    private CompletableFuture<Integer> connect(InetAddress[] addresses) {
        if (addresses == null) {
            // -H's is checked as it is read; a trailing host that is none is taken for a port, or missed
            print(o.hostGiven() ? "check_ssh: Invalid hostname/address - " + bytes(o.host()) + "\n" + CheckSsh.USAGE
                    : o.portGiven() ? "check_ssh: Could not parse arguments\n" + CheckSsh.USAGE : CheckSsh.USAGE);
            return CompletableFuture.completedFuture(3);
        }
        limits = limits.withAlarm(o.timeoutSeconds());
        begin = System.nanoTime();
        return Connecting.eachAddress(addresses, o.port(), limits.deadline(),
                s -> converse(s).whenComplete((code, failure) -> {
                    if (failure == null) {
                        s.close();
                    }
                }),
                error -> {
                    print("connect to address " + bytes(o.host()) + " and port " + o.port() + ": " + error + "\n");
                    return 2;
                });
    }

    private CompletableFuture<Integer> converse(AsyncStream s) {
        ByteBuffer buffer = ByteBuffer.allocate(BANNER_BYTES);
        return s.read(buffer, limits.deadline()).handle((n, failure) -> {
            if (Connecting.cause(failure) instanceof IoTimeout) {
                throw new CompletionException(new IoTimeout());
            }
            return failure == null ? Math.max(0, n) : 0; // a reset reads as nothing
        }).thenCompose(n -> answer(s, new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1)));
    }

    private CompletableFuture<Integer> answer(AsyncStream s, String received) {
        int nul = received.indexOf('\0');
        String banner = nul < 0 ? received : received.substring(0, nul);
        if (!banner.startsWith("SSH")) {
            print("Server answer: " + banner);
            return CompletableFuture.completedFuture(2);
        }
        int end = banner.length();
        while (end > 0 && " \r\n\t".indexOf(banner.charAt(end - 1)) >= 0) {
            end--;
        }
        String rest = banner.length() > 4 ? banner.substring(4, Math.max(4, end)) : "";
        String server = rest.substring(span(rest, "-0123456789. "));
        String protocol = rest.substring(0, span(rest, "0123456789. "));
        ByteBuffer identification = ByteBuffer.wrap(("SSH-" + protocol + "-check_ssh_" + CheckSsh.PLUGIN_VERSION
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return s.write(identification, limits.deadline()).thenApply(sent -> judge(server, protocol));
    }

    private int judge(String server, String protocol) {
        if (o.version() != null && !bytes(o.version()).equals(server)) {
            print("SSH CRITICAL - " + server + " (protocol " + protocol + ") version mismatch, expected '"
                    + bytes(o.version()) + "'\n");
            return 2;
        }
        if (o.protocol() != null && !bytes(o.protocol()).equals(protocol)) {
            print("SSH CRITICAL - " + server + " (protocol " + protocol + ") protocol version mismatch, "
                    + "expected '" + bytes(o.protocol()) + "'\n");
            return 2;
        }
        double elapsed = (System.nanoTime() - begin) / 1000 / 1.0e6;
        print(String.format(Locale.ROOT, "SSH OK - %s (protocol %s) | time=%fs;;;%f;%f%n", server, protocol,
                elapsed, 0.0, (double) o.timeoutSeconds()));
        return 0;
    }

    /** The run's end: its code, or the plugin's timeout line, or the killed plugin's result. */
    private PluginResult finish(Integer code, Throwable failure) {
        Throwable cause = Connecting.cause(failure);
        if (cause instanceof IoTimeout) {
            if (limits.engineFirst()) {
                return limits.killed();
            }
            out.reset();
            print("CRITICAL - Socket timeout after " + o.timeoutSeconds() + " seconds\n");
            return limits.exited(2, out);
        }
        if (cause != null) {
            throw new CompletionException(cause);
        }
        return limits.exited(code, out);
    }

    /** C's strspn: how many leading characters of {@code s} are in {@code set}. */
    private static int span(String s, String set) {
        int i = 0;
        while (i < s.length() && set.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** An argument as the plugin's bytes, one char each. */
    private static String bytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private void print(String bytes) {
        out.writeBytes(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }
}
