package org.vigil.checks.builtin.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.output.OutputDecoder;

/**
 * Built-in {@code check_http} (monitoring-plugins 2.3.3, as Debian 12 has it): one request over a socket of its
 * own, the bytes check_http sends ({@link HttpRequestText}), the response read to the server's close, judged by
 * {@link HttpVerdict} or, with {@code -C}, the certificate by {@link CertificateExpiry}. The plugin's {@code -t}
 * (default 10 s) bounds the whole run as its alarm does, with its text; the engine's timeout cuts it shorter.
 */
public final class HttpCheck implements BuiltinCheck {

    private static final int TIMED_OUT_EXIT = 143;
    private static final Set<String> KNOWN_LOCALES = Set.of("", "C", "POSIX", "C.UTF-8", "C.utf8");

    private final Clock clock;
    private final Map<String, String> environment;

    /** The built-in with the system clock, deciding about {@code -C}'s date format from this process's locale. */
    public HttpCheck() {
        this(Clock.systemUTC(), System.getenv());
    }

    HttpCheck(Clock clock, Map<String, String> environment) {
        this.clock = clock;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String plugin() {
        return "check_http";
    }

    @Override
    public Prepared prepare(List<String> args) {
        try {
            HttpOptions options = HttpArguments.parse(args, utf8Locale());
            if ((options.certificateDays().isPresent() || options.bodyRegex().isPresent()) && !knownLocale()) {
                return new Declined("check_http: -C and -r/-R depend on the locale, built in only for C and C.UTF-8");
            }
            return new Ready(Run.blocking(timeout -> run(options, timeout)));
        } catch (HttpArguments.Unsupported e) {
            return new Declined(e.getMessage());
        }
    }

    /**
     * Whether the plugin would run in a locale Vigil knows the behaviour of: each of LANG and LC_* unset, C, POSIX
     * or C.UTF-8 (built into glibc). Any other name makes the plugin's setlocale() depend on the locales installed
     * (it leaves everything C when one is missing), so lines whose output depends on it (-C, -r, -R) are declined.
     */
    private boolean knownLocale() {
        return environment.entrySet().stream()
                .filter(e -> e.getKey().equals("LANG") || e.getKey().startsWith("LC_"))
                .allMatch(e -> KNOWN_LOCALES.contains(e.getValue()));
    }

    /** Whether the plugin's regex would read the body as UTF-8 characters (LC_CTYPE of C.UTF-8). */
    private boolean utf8Locale() {
        for (String variable : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String value = environment.getOrDefault(variable, "");
            if (!value.isEmpty()) {
                return value.startsWith("C.");
            }
        }
        return false;
    }

    private PluginResult run(HttpOptions o, Duration engineTimeout) {
        Instant start = clock.instant();
        long began = System.nanoTime();
        Duration pluginTimeout = Duration.ofSeconds(o.timeoutSeconds());
        boolean engineFirst = engineTimeout.compareTo(pluginTimeout) < 0;
        Deadline deadline = new Deadline(began, engineFirst ? engineTimeout : pluginTimeout);
        HttpVerdict.Outcome outcome;
        try {
            outcome = exchange(o, deadline, began, 0);
            for (int redirects = 1; outcome.next().isPresent(); redirects++) {
                outcome = exchange(outcome.next().get(), deadline, began, redirects);
            }
        } catch (SocketTimeoutException e) {
            if (engineFirst) {
                return new PluginResult(TIMED_OUT_EXIT, "", "", start, clock.instant(), true, false, null);
            }
            outcome = new HttpVerdict.Outcome(HttpArguments.STATE_CRITICAL,
                    "CRITICAL - Socket timeout after " + o.timeoutSeconds() + " seconds\n");
        }
        byte[] text = outcome.text().getBytes(StandardCharsets.ISO_8859_1);
        return new PluginResult(outcome.state(), OutputDecoder.decode(text), "", start, clock.instant(), false,
                false, null);
    }

    private HttpVerdict.Outcome exchange(HttpOptions o, Deadline deadline, long began, int redirects)
            throws SocketTimeoutException {
        Socket socket;
        try {
            socket = connect(o, deadline);
        } catch (UnknownHostException e) {
            return unableToOpen("Name or service not known\n");
        } catch (ConnectException e) {
            return unableToOpen("connect to address " + o.address() + " and port " + o.port()
                    + ": Connection refused\n");
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return unableToOpen("");
        }
        try (Socket s = socket) {
            Socket channel = s;
            if (o.ssl()) {
                SSLSocket tls;
                try {
                    tls = handshake(o, s, deadline);
                } catch (SocketTimeoutException e) {
                    throw e;
                } catch (IOException e) {
                    return new HttpVerdict.Outcome(HttpArguments.STATE_CRITICAL,
                            "CRITICAL - Cannot make SSL connection.\n");
                }
                if (o.certificateDays().isPresent()) {
                    return CertificateExpiry.judge((X509Certificate) tls.getSession().getPeerCertificates()[0],
                            o.certificateDays().get(), clock.instant());
                }
                channel = tls;
            }
            String response = send(channel, HttpRequestText.of(o), deadline);
            if (response == null) {
                return new HttpVerdict.Outcome(HttpArguments.STATE_CRITICAL, "HTTP CRITICAL - Error on receive\n");
            }
            if (response.isEmpty()) {
                return new HttpVerdict.Outcome(HttpArguments.STATE_CRITICAL,
                        "HTTP CRITICAL - No data received from host\n");
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            return HttpVerdict.judge(o, response, elapsed, redirects);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return new HttpVerdict.Outcome(HttpArguments.STATE_CRITICAL, "HTTP CRITICAL - Error on receive\n");
        }
    }

    private static HttpVerdict.Outcome unableToOpen(String before) {
        return new HttpVerdict.Outcome(HttpArguments.STATE_CRITICAL,
                before + "HTTP CRITICAL - Unable to open TCP socket\n");
    }

    /** Tries each address of the host in turn, as the plugin's getaddrinfo loop does. */
    private static Socket connect(HttpOptions o, Deadline deadline) throws IOException {
        IOException last = null;
        for (InetAddress address : InetAddress.getAllByName(o.address())) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, o.port()), deadline.remainingMillis());
                return socket;
            } catch (SocketTimeoutException e) {
                socket.close();
                throw e;
            } catch (IOException e) {
                socket.close();
                if (last == null || e instanceof ConnectException) {
                    last = e;
                }
            }
        }
        throw last == null ? new IOException("no address") : last;
    }

    private static SSLSocket handshake(HttpOptions o, Socket s, Deadline deadline) throws IOException {
        SSLSocket tls = (SSLSocket) TrustingTls.socketFactory().createSocket(s, o.address(), o.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(o.sni() && o.hasHostName() ? List.of(new SNIHostName(o.hostName())) : List.of());
        tls.setSSLParameters(parameters);
        s.setSoTimeout(deadline.remainingMillis());
        tls.startHandshake();
        return tls;
    }

    /** Sends the request, reads to the end; null when reading fails other than by a reset, as the plugin's recv. */
    private static String send(Socket s, byte[] request, Deadline deadline) throws IOException {
        s.setSoTimeout(deadline.remainingMillis());
        s.getOutputStream().write(request);
        s.getOutputStream().flush();
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                s.setSoTimeout(deadline.remainingMillis());
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    page.write(buffer[i] == 0 ? ' ' : buffer[i]);
                }
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("reset")) {
                return null;
            }
        }
        return page.toString(StandardCharsets.ISO_8859_1);
    }

    /** The end of the run's time, as the plugin's alarm. */
    private record Deadline(long began, Duration limit) {

        int remainingMillis() throws SocketTimeoutException {
            long left = limit.toMillis() - (System.nanoTime() - began) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("deadline");
            }
            return (int) Math.min(Integer.MAX_VALUE, left);
        }
    }
}
