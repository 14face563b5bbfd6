package org.vigil.checks.builtin.tcp;

import java.util.List;
import org.vigil.checks.builtin.BuiltinCheck;

/**
 * check_ssh (monitoring-plugins 2.3.3) built in: connect, read the server's banner in one read of up to 256 bytes,
 * answer with the plugin's own identification, compare the version ({@code -r}) and protocol ({@code -P}). Options
 * {@code -H -p -t -r -P}, the host (and port) also as the plugin's trailing arguments; anything else declined. The
 * run is {@link SshProbe}'s.
 */
public final class CheckSsh implements BuiltinCheck {

    /** The version the plugin names itself with in the identification it sends. */
    static final String PLUGIN_VERSION = "2.3.3";
    /** The usage the plugin prints after a host it cannot resolve. */
    static final String USAGE = "Usage:\ncheck_ssh  [-4|-6] [-t <timeout>] [-r <remote version>] [-p <port>]"
            + " <host>\n";

    @Override
    public String plugin() {
        return "check_ssh";
    }

    /** What a line asks for. */
    record Options(String host, boolean hostGiven, boolean portGiven, int port, int timeoutSeconds, String version,
                   String protocol) {
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
        return new Ready(engineTimeout -> new SshProbe(o).start(engineTimeout));
    }

    private static boolean positive(String value) {
        return value.matches("[0-9]{1,5}") && Integer.parseInt(value) >= 1 && Integer.parseInt(value) <= 65535;
    }
}
