package org.vigil.checks.builtin.tcp;

import java.util.List;
import org.vigil.checks.builtin.BuiltinCheck;

/**
 * check_smtp (monitoring-plugins 2.3.3) built in for its basics: connect, read the greeting, HELO with this host's
 * name, look for the expected string ({@code -e}, 220 by default) in the greeting and the HELO reply, QUIT, and the
 * response time against {@code -w}/{@code -c}. Options {@code -H -p -e -w -c -t} and a trailing host; anything else
 * (EHLO, STARTTLS, commands, authentication...) runs the real plugin. The run is {@link SmtpProbe}'s.
 */
public final class CheckSmtp implements BuiltinCheck {

    /** The port the plugin names only when another is used. */
    static final int SMTP_PORT = 25;
    private static final String DECIMAL = "[0-9]+(\\.[0-9]*)?|\\.[0-9]+";
    /** The usage the plugin prints after a host it cannot resolve. */
    static final String USAGE = "Usage:\n"
            + "check_smtp -H host [-p port] [-4|-6] [-e expect] [-C command] [-R response] [-f from addr]\n"
            + "[-A authtype -U authuser -P authpass] [-w warn] [-c crit] [-t timeout] [-q]\n"
            + "[-F fqdn] [-S] [-L] [-D warn days cert expire[,crit days cert expire]] [-v] \n";

    @Override
    public String plugin() {
        return "check_smtp";
    }

    /** What a line asks for. */
    record Options(String host, int port, String expect, Double warning, Double critical, int timeout) {
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
        return new Ready(engineTimeout -> new SmtpProbe(o).start(engineTimeout));
    }
}
