package org.vigil.checks.builtin.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.output.OutputDecoder;

/**
 * check_smtp (monitoring-plugins 2.3.3) built in for its basics: connect, read the greeting, HELO with this host's
 * name, look for the expected string ({@code -e}, 220 by default) in the greeting and the HELO reply, QUIT, and the
 * response time against {@code -w}/{@code -c}. Options {@code -H -p -e -w -c -t} and a trailing host; anything else
 * (EHLO, STARTTLS, commands, authentication...) runs the real plugin.
 */
public final class CheckSmtp implements BuiltinCheck {

    private static final int SMTP_PORT = 25;
    private static final int BUFFER = 8192;
    private static final String DECIMAL = "[0-9]+(\\.[0-9]*)?|\\.[0-9]+";
    private static final String USAGE = "Usage:\n"
            + "check_smtp -H host [-p port] [-4|-6] [-e expect] [-C command] [-R response] [-f from addr]\n"
            + "[-A authtype -U authuser -P authpass] [-w warn] [-c crit] [-t timeout] [-q]\n"
            + "[-F fqdn] [-S] [-L] [-D warn days cert expire[,crit days cert expire]] [-v] \n";

    @Override
    public String plugin() {
        return "check_smtp";
    }

    /** What a line asks for. */
    private record Options(String host, int port, String expect, Double warning, Double critical, int timeout) {
    }

    /** The plugin's alarm. */
    private static final class Timeout extends Exception {
        Timeout() {
            super(null, null, false, false);
        }
    }

    @Override
    public Prepared prepare(List<String> args) {
        if (args.isEmpty()) {
            return new Declined("check_smtp: no arguments (the plugin prints its usage)");
        }
        String host = null;
        int port = SMTP_PORT;
        String expect = "220";
        Double warning = null;
        Double critical = null;
        int timeout = 10;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            String arg = args.get(i);
            if (arg.length() != 2 || "Hpewct".indexOf(arg.charAt(1)) < 0) {
                return new Declined("check_smtp: option " + arg + " is not built in");
            }
            if (i + 1 >= args.size()) {
                return new Declined("check_smtp: option " + arg + " has no value");
            }
            String value = args.get(++i);
            char option = arg.charAt(1);
            if ("pt".indexOf(option) >= 0 && !(value.matches("[0-9]{1,5}") && Integer.parseInt(value) >= 1
                    && Integer.parseInt(value) <= 65535)) {
                return new Declined("check_smtp: -" + option + " " + value + ": only 1 to 65535 is built in");
            }
            if ("wc".indexOf(option) >= 0 && !value.matches(DECIMAL)) {
                return new Declined("check_smtp: -" + option + " " + value + ": only plain decimal seconds are built"
                        + " in");
            }
            switch (option) {
                case 'H' -> host = value;
                case 'p' -> port = Integer.parseInt(value);
                case 'e' -> expect = value;
                case 'w' -> warning = Double.parseDouble(value);
                case 'c' -> critical = Double.parseDouble(value);
                default -> timeout = Integer.parseInt(value);
            }
        }
        if (host == null && i < args.size()) {
            host = args.get(i++);
        }
        if (i < args.size()) {
            return new Declined("check_smtp: argument " + args.get(i) + " is not built in");
        }
        if (host != null && (host.isEmpty() || host.startsWith("/") || host.startsWith("["))) {
            return new Declined("check_smtp: only a host name or address is built in");
        }
        Options o = new Options(host == null ? "127.0.0.1" : host, port, expect, warning, critical, timeout);
        return new Ready(BuiltinCheck.Run.blocking(engineTimeout -> new Run(o, engineTimeout).result()));
    }

    /** One run. */
    private static final class Run {
        private final Options o;
        private final long deadline;
        private final boolean engineFirst;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Socket socket;

        Run(Options o, Duration engineTimeout) {
            this.o = o;
            long pluginMillis = o.timeout() * 1000L;
            engineFirst = engineTimeout.toMillis() < pluginMillis;
            deadline = System.nanoTime() + Math.min(pluginMillis, engineTimeout.toMillis()) * 1_000_000;
        }

        PluginResult result() {
            Instant start = Instant.now();
            int code;
            try {
                code = check();
            } catch (Timeout e) {
                if (engineFirst) {
                    return new PluginResult(137, "", "", start, Instant.now(), true, false, null);
                }
                print("CRITICAL - Socket timeout after " + o.timeout() + " seconds\n");
                code = 2;
            }
            byte[] bytes = out.toByteArray();
            return new PluginResult(code, OutputDecoder.decode(bytes, bytes.length), "", start, Instant.now(),
                    false, false, null);
        }

        private int check() throws Timeout {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(o.host());
            } catch (UnknownHostException e) {
                print("check_smtp: Invalid hostname/address - " + bytes(o.host()) + "\n" + USAGE);
                return 3;
            }
            String hello = "HELO " + localHostName() + "\r\n";
            long begin = System.nanoTime();
            String error = "Connection refused";
            for (InetAddress address : addresses) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(address, o.port()), millisLeft());
                    socket = s;
                    int code = converse(s, hello);
                    if (code >= 0) {
                        return code;
                    }
                    s.close();
                    return report(0, begin);
                } catch (SocketTimeoutException e) {
                    throw new Timeout();
                } catch (IOException e) {
                    error = e.getMessage() == null ? error : e.getMessage();
                }
            }
            print("connect to address " + bytes(o.host()) + " and port " + o.port() + ": " + error + "\n");
            return report(2, begin);
        }

        /** The exchange; an exit code when it ends the run early, else -1. */
        private int converse(Socket s, String hello) throws IOException, Timeout {
            StringBuilder greeting = new StringBuilder();
            if (lines(greeting) <= 0) {
                print("recv() failed\n");
                return 1;
            }
            send(s, hello);
            StringBuilder reply = new StringBuilder();
            if (lines(reply) <= 0) {
                print("recv() failed\n");
                return 1;
            }
            String response = stripped(cString(greeting) + cString(reply));
            if (!response.contains(bytes(o.expect()))) {
                print(o.port() == SMTP_PORT ? "Invalid SMTP response received from host: " + response + "\n"
                        : "Invalid SMTP response received from host on port " + o.port() + ": " + response + "\n");
                return 1;
            }
            try {
                send(s, "QUIT\r\n");
            } catch (IOException e) {
                print("Connection closed by server before sending QUIT command\n");
                return 3;
            }
            lines(new StringBuilder());
            return -1;
        }

        private int report(int state, long begin) {
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

        /**
         * The plugin's recvlines: lines read a byte at a time while each begins with three digits and a dash; the
         * bytes read, or 0 or less when a line ended without its newline (or did not fit).
         */
        private int lines(StringBuilder into) throws Timeout {
            int total = 0;
            while (true) {
                int n = line(into, BUFFER - total);
                boolean more = n > 3 && digit(into.charAt(total)) && digit(into.charAt(total + 1))
                        && digit(into.charAt(total + 2)) && into.charAt(total + 3) == '-';
                if (!more) {
                    return n <= 0 ? n : n + total;
                }
                total += n;
            }
        }

        private int line(StringBuilder into, int room) throws Timeout {
            int i = 0;
            int result = 0;
            for (; i < room - 1; i++) {
                result = readByte();
                if (result < 0) {
                    result = 0;
                    break;
                }
                into.append((char) result);
                result = 1;
                if (into.charAt(into.length() - 1) == '\n') {
                    return i + 1;
                }
            }
            return result == 1 || i == 0 ? -2 : result;
        }

        private static boolean digit(char c) {
            return c >= '0' && c <= '9';
        }

        private int readByte() throws Timeout {
            try {
                socket.setSoTimeout(millisLeft());
                return socket.getInputStream().read();
            } catch (SocketTimeoutException e) {
                throw new Timeout();
            } catch (IOException e) {
                return -1;
            }
        }

        private void send(Socket s, String text) throws IOException, Timeout {
            s.setSoTimeout(millisLeft());
            s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
        }

        private int millisLeft() throws Timeout {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new Timeout();
            }
            return (int) Math.min(Integer.MAX_VALUE, left);
        }

        private void print(String bytes) {
            out.writeBytes(bytes.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** gethostname(2), which the plugin says HELO with: the kernel's host name. */
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
}
