package org.vigil.checks.builtin.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.output.OutputDecoder;

/**
 * check_ssh (monitoring-plugins 2.3.3) built in: connect, read the server's banner in one read of up to 256 bytes,
 * answer with the plugin's own identification, compare the version ({@code -r}) and protocol ({@code -P}). Options
 * {@code -H -p -t -r -P}, the host (and port) also as the plugin's trailing arguments; anything else declined.
 */
public final class CheckSsh implements BuiltinCheck {

    /** The version the plugin names itself with in the identification it sends. */
    static final String PLUGIN_VERSION = "2.3.3";
    private static final int BANNER_BYTES = 256;
    private static final String USAGE = "Usage:\ncheck_ssh  [-4|-6] [-t <timeout>] [-r <remote version>] [-p <port>]"
            + " <host>\n";

    @Override
    public String plugin() {
        return "check_ssh";
    }

    /** What a line asks for. */
    private record Options(String host, boolean hostGiven, boolean portGiven, int port, int timeoutSeconds,
                           String version, String protocol) {
    }

    @Override
    public Prepared prepare(List<String> args) {
        String host = null;
        int port = -1;
        int timeout = 10;
        String version = null;
        String protocol = null;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            String arg = args.get(i);
            if (arg.length() != 2 || "HptrP".indexOf(arg.charAt(1)) < 0) {
                return new Declined("check_ssh: option " + arg + " is not built in");
            }
            if (i + 1 >= args.size()) {
                return new Declined("check_ssh: option " + arg + " has no value");
            }
            String value = args.get(++i);
            switch (arg.charAt(1)) {
                case 'H':
                    host = value;
                    break;
                case 'p':
                    if (!positive(value)) {
                        return new Declined("check_ssh: -p " + value + ": only ports 1 to 65535 are built in");
                    }
                    port = Integer.parseInt(value);
                    break;
                case 't':
                    if (!positive(value)) {
                        return new Declined("check_ssh: -t " + value + ": only a positive number of seconds is built"
                                + " in");
                    }
                    timeout = Integer.parseInt(value);
                    break;
                case 'r':
                    version = value;
                    break;
                default:
                    protocol = value;
                    break;
            }
        }
        boolean hostGiven = host != null;
        boolean portGiven = port != -1;
        if (host == null && i < args.size()) {
            host = args.get(i++);
            if (host.matches("[0-9]+")) {
                return new Declined("check_ssh: a number " + host + " where the host goes");
            }
        }
        if (port == -1 && i < args.size() && positive(args.get(i))) {
            port = Integer.parseInt(args.get(i++));
        }
        if (i < args.size()) {
            return new Declined("check_ssh: argument " + args.get(i) + " is not built in");
        }
        if (host == null || host.isEmpty() || host.startsWith("/") || host.startsWith("[")) {
            return new Declined("check_ssh: only a host name or address is built in");
        }
        Options o = new Options(host, hostGiven, portGiven, port == -1 ? 22 : port, timeout, version, protocol);
        return new Ready(Run.blocking(engineTimeout -> run(o, engineTimeout)));
    }

    private static boolean positive(String value) {
        return value.matches("[0-9]{1,5}") && Integer.parseInt(value) >= 1 && Integer.parseInt(value) <= 65535;
    }

    private static PluginResult run(Options o, Duration engineTimeout) {
        Instant start = Instant.now();
        long pluginMillis = o.timeoutSeconds() * 1000L;
        boolean engineFirst = engineTimeout.toMillis() < pluginMillis;
        long deadline = System.nanoTime() + Math.min(pluginMillis, engineTimeout.toMillis()) * 1_000_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            code = check(o, deadline, out);
        } catch (SocketTimeoutException e) {
            if (engineFirst) {
                return new PluginResult(137, "", "", start, Instant.now(), true, false, null);
            }
            out.reset();
            out.writeBytes(("CRITICAL - Socket timeout after " + o.timeoutSeconds() + " seconds\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            code = 2;
        }
        byte[] bytes = out.toByteArray();
        return new PluginResult(code, OutputDecoder.decode(bytes, bytes.length), "", start, Instant.now(), false,
                false, null);
    }

    private static int check(Options o, long deadline, ByteArrayOutputStream out) throws SocketTimeoutException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(o.host());
        } catch (UnknownHostException e) {
            // -H's is checked as it is read; a trailing host that is none is taken for a port, or missed
            print(out, o.hostGiven() ? "check_ssh: Invalid hostname/address - " + bytes(o.host()) + "\n" + USAGE
                    : o.portGiven() ? "check_ssh: Could not parse arguments\n" + USAGE : USAGE);
            return 3;
        }
        long begin = System.nanoTime();
        String error = "Connection refused";
        for (InetAddress address : addresses) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, o.port()), millisLeft(deadline));
                return converse(o, s, deadline, begin, out);
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                error = e.getMessage() == null ? error : e.getMessage();
            }
        }
        print(out, "connect to address " + bytes(o.host()) + " and port " + o.port() + ": " + error + "\n");
        return 2;
    }

    private static int converse(Options o, Socket s, long deadline, long begin, ByteArrayOutputStream out)
            throws IOException {
        s.setSoTimeout(millisLeft(deadline));
        byte[] buffer = new byte[BANNER_BYTES];
        int n;
        try {
            n = Math.max(0, s.getInputStream().read(buffer));
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            n = 0;
        }
        String banner = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        int nul = banner.indexOf('\0');
        banner = nul < 0 ? banner : banner.substring(0, nul);
        if (!banner.startsWith("SSH")) {
            print(out, "Server answer: " + banner);
            return 2;
        }
        int end = banner.length();
        while (end > 0 && " \r\n\t".indexOf(banner.charAt(end - 1)) >= 0) {
            end--;
        }
        String rest = banner.length() > 4 ? banner.substring(4, Math.max(4, end)) : "";
        String server = rest.substring(span(rest, "-0123456789. "));
        String protocol = rest.substring(0, span(rest, "0123456789. "));
        s.getOutputStream().write(("SSH-" + protocol + "-check_ssh_" + PLUGIN_VERSION + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        if (o.version() != null && !bytes(o.version()).equals(server)) {
            print(out, "SSH CRITICAL - " + server + " (protocol " + protocol + ") version mismatch, expected '"
                    + bytes(o.version()) + "'\n");
            return 2;
        }
        if (o.protocol() != null && !bytes(o.protocol()).equals(protocol)) {
            print(out, "SSH CRITICAL - " + server + " (protocol " + protocol + ") protocol version mismatch, "
                    + "expected '" + bytes(o.protocol()) + "'\n");
            return 2;
        }
        double elapsed = (System.nanoTime() - begin) / 1000 / 1.0e6;
        print(out, String.format(Locale.ROOT, "SSH OK - %s (protocol %s) | time=%fs;;;%f;%f%n", server, protocol,
                elapsed, 0.0, (double) o.timeoutSeconds()));
        return 0;
    }

    /** C's strspn: how many leading characters of {@code s} are in {@code set}. */
    private static int span(String s, String set) {
        int i = 0;
        while (i < s.length() && set.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static int millisLeft(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException();
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** An argument as the plugin's bytes, one char each. */
    private static String bytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static void print(ByteArrayOutputStream out, String bytes) {
        out.writeBytes(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }
}
