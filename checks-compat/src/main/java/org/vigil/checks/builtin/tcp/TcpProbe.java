package org.vigil.checks.builtin.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.output.OutputDecoder;

/**
 * One run of check_tcp: connect, TLS and the certificate's days when asked, send, read until the expected answer,
 * a pause of 2 seconds, the end of the stream or a byte limit, send the quit string, close, and word the outcome as
 * the plugin does. Blocking I/O, every step bounded by the plugin's {@code -t} (its alarm) and the engine's timeout.
 * Text is handled as the plugin's bytes (ISO-8859-1 in Java strings), decoded like a forked plugin's output at the end.
 */
final class TcpProbe {

    private static final int BUFFER = 1024;
    private static final long PAUSE_MILLIS = 2000;
    private static final String[] STATES = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};

    private enum Match { NONE, SUCCESS, RETRY, FAILURE }

    private final TcpService service;
    private final TcpOptions o;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Instant start;
    private long pluginDeadline;
    private long engineDeadline;

    TcpProbe(TcpService service, TcpOptions options) {
        this.service = service;
        this.o = options;
    }

    /** The plugin's alarm went off: it prints its timeout line and exits CRITICAL. */
    private static final class PluginTimeout extends Exception {
        PluginTimeout() {
            super(null, null, false, false);
        }
    }

    /** The engine's timeout came first: the plugin would have been killed with nothing printed. */
    private static final class EngineTimeout extends Exception {
        EngineTimeout() {
            super(null, null, false, false);
        }
    }

    PluginResult run(Duration engineTimeout) {
        start = Instant.now();
        long now = System.nanoTime();
        pluginDeadline = now + Duration.ofSeconds(o.timeoutSeconds()).toNanos();
        engineDeadline = now + engineTimeout.toNanos();
        int code;
        try {
            code = check();
        } catch (PluginTimeout e) {
            print("CRITICAL - Socket timeout after " + o.timeoutSeconds() + " seconds\n");
            code = 2;
        } catch (EngineTimeout e) {
            return new PluginResult(137, "", "", start, Instant.now(), true, false, null);
        }
        byte[] bytes = out.toByteArray();
        return new PluginResult(code, OutputDecoder.decode(bytes, bytes.length), "", start, Instant.now(), false,
                false, null);
    }

    private int check() throws PluginTimeout, EngineTimeout {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(o.host());
        } catch (UnknownHostException e) {
            print(service.word() + " CRITICAL - Invalid hostname, address or socket: " + bytes(o.host()) + "\n");
            return 2;
        }
        long begin = System.nanoTime();
        try (Socket socket = connect(addresses)) {
            if (socket == null) {
                return o.refuseState();
            }
            Socket s = socket;
            if (o.tls()) {
                s = handshake(socket);
                if (s == null) {
                    return 2;
                }
                if (o.certDays() != null) {
                    X509Certificate cert = (X509Certificate) ((SSLSocket) s).getSession().getPeerCertificates()[0];
                    CertificateExpiry.Verdict v =
                            CertificateExpiry.judge(cert, o.certDays()[0], o.certDays()[1], Instant.now());
                    print(bytes(v.line()) + "\n");
                    if (v.state() != 0) {
                        return v.state();
                    }
                }
            }
            return converse(s, begin);
        } catch (IOException e) {
            // closing failed: the plugin does not look either
            return 2;
        }
    }

    private int converse(Socket s, long begin) throws PluginTimeout, EngineTimeout, IOException {
        if (o.send() != null) {
            write(s, o.send());
        }
        Match match = Match.NONE;
        String status = "";
        if (!o.expects().isEmpty()) {
            Reading r = read(s);
            match = r.match == Match.RETRY ? Match.FAILURE : r.match;
            if (r.received.isEmpty()) {
                print("No data received from host\n");
                return 2;
            }
            status = r.received;
        }
        if (o.quit() != null) {
            write(s, o.quit());
        }
        s.close();
        double elapsed = (System.nanoTime() - begin) / 1000 / 1.0e6;
        return report(match, status, elapsed);
    }

    private int report(Match match, String received, double elapsed) {
        int result = 0;
        if (o.critical() != null && elapsed > o.critical()) {
            result = 2;
        } else if (o.warning() != null && elapsed > o.warning()) {
            result = 1;
        }
        boolean failed = match == Match.FAILURE;
        if (failed && result != 2) {
            result = o.mismatchState();
        }
        // the plugin strips trailing white space down to, never including, the first byte, and prints up to a NUL
        int last = received.length();
        while (--last > 0 && isSpace(received.charAt(last))) {
            received = received.substring(0, last);
        }
        boolean shown = last > 0;
        int nul = received.indexOf('\0');
        String status = nul < 0 ? received : received.substring(0, nul);
        StringBuilder line = new StringBuilder(service.word()).append(' ').append(STATES[result]).append(" - ");
        String where = o.hostGiven() ? bytes(o.host()) + " port " + o.port() : "port " + o.port();
        if (failed && shown && !o.hideOutput()) {
            line.append("Unexpected response from host/socket: ").append(status);
        } else if (failed) {
            line.append("Unexpected response from host/socket on ").append(where);
        } else {
            line.append(String.format(Locale.ROOT, "%.3f second response time on ", elapsed)).append(where);
        }
        if (!failed && !o.hideOutput() && shown) {
            line.append(" [").append(status).append(']');
        }
        line.append("|time=").append(String.format(Locale.ROOT, "%fs;", elapsed));
        if (o.warning() != null) {
            line.append(String.format(Locale.ROOT, "%f", failed ? 0.0 : o.warning()));
        }
        line.append(';');
        if (o.critical() != null) {
            line.append(String.format(Locale.ROOT, "%f", failed ? 0.0 : o.critical()));
        }
        line.append(String.format(Locale.ROOT, ";%f;%f%n", 0.0, (double) o.timeoutSeconds()));
        print(line.toString());
        return result;
    }

    /** What came back, and how it matched when the reading stopped. */
    private record Reading(String received, Match match) {
    }

    /**
     * Reads as the plugin does: the first read waits for the alarm, later ones for 2 seconds; stops at the end of
     * the stream, at {@code -m} bytes (before matching), or once the strings match or cannot match any more.
     */
    private Reading read(Socket s) throws PluginTimeout, EngineTimeout {
        StringBuilder received = new StringBuilder();
        Match match = Match.NONE;
        byte[] buffer = new byte[BUFFER];
        boolean first = true;
        try {
            InputStream in = s.getInputStream();
            while (true) {
                long pause = first ? Long.MAX_VALUE : PAUSE_MILLIS;
                first = false;
                int n;
                try {
                    s.setSoTimeout(waitMillis(pause));
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    checkDeadlines();
                    break;
                }
                if (n <= 0) {
                    break;
                }
                received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (o.maxBytes() > 0 && received.length() >= o.maxBytes()) {
                    break;
                }
                match = match(cString(received.toString()));
                if (match != Match.RETRY) {
                    break;
                }
            }
        } catch (IOException e) {
            // a reset or failed read ends the reading, as a read returning -1 ends the plugin's
            checkDeadlines();
        }
        return new Reading(received.toString(), match);
    }

    private Match match(String status) {
        int found = 0;
        int partial = 0;
        for (String expected : o.expects()) {
            String e = bytes(expected);
            if (o.exact()) {
                if (status.startsWith(e)) {
                    found++;
                } else if (e.startsWith(status)) {
                    partial++;
                }
            } else if (status.contains(e)) {
                found++;
            }
        }
        if (o.all() ? found == o.expects().size() : found >= 1) {
            return Match.SUCCESS;
        }
        return partial > 0 || !o.exact() ? Match.RETRY : Match.FAILURE;
    }

    private Socket connect(InetAddress[] addresses) throws PluginTimeout, EngineTimeout {
        String error = "Connection refused";
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, o.port()), waitMillis(Long.MAX_VALUE));
                return socket;
            } catch (SocketTimeoutException e) {
                closeQuietly(socket);
                checkDeadlines();
                error = "Connection timed out";
            } catch (IOException e) {
                closeQuietly(socket);
                error = e.getMessage() == null ? "Connection refused" : e.getMessage();
            }
        }
        print("connect to address " + bytes(o.host()) + " and port " + o.port() + ": " + error + "\n");
        return null;
    }

    /** TLS as OpenSSL's client does it for the plugin: no verification, no server name. */
    private Socket handshake(Socket plain) throws PluginTimeout, EngineTimeout {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
            SSLSocket tls = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, plain.getInetAddress().getHostAddress(), o.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(List.of());
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(waitMillis(Long.MAX_VALUE));
            tls.startHandshake();
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            checkDeadlines();
        }
        print("CRITICAL - Cannot make SSL connection.\n");
        return null;
    }

    private void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(bytes(text).getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    /** How long the next wait may last: {@code wanted}, cut at the deadlines (at least a millisecond). */
    private int waitMillis(long wanted) throws PluginTimeout, EngineTimeout {
        checkDeadlines();
        long left = Math.min(pluginDeadline, engineDeadline) - System.nanoTime();
        long millis = Math.max(1, Math.min(wanted, (left + 999_999) / 1_000_000));
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }

    private void checkDeadlines() throws PluginTimeout, EngineTimeout {
        long now = System.nanoTime();
        if (now - engineDeadline >= 0 && engineDeadline - pluginDeadline < 0) {
            throw new EngineTimeout();
        }
        if (now - pluginDeadline >= 0) {
            throw new PluginTimeout();
        }
    }

    /** An argument's text as the bytes the plugin sees (UTF-8), one char per byte. */
    private static String bytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String cString(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /** Appends to the plugin's stdout; {@code text} is bytes, one char each (see {@link #bytes}). */
    private void print(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing was sent on it
        }
    }

    /** OpenSSL's client as the plugin sets it up verifies nothing; the certificate is read for -D only. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
