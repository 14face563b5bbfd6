package org.vigil.checks.builtin.dns;

/**
 * check_dns's scan of one nslookup line for error texts (its error_scan), in the plugin's order: some end the check
 * at once with their own text ({@link CheckDnsCheck.Died}), "Format error" and "Timed out" make it a warning.
 */
final class NslookupErrors {

    private static final int OK = 0;
    private static final int WARNING = 1;
    private static final int CRITICAL = 2;

    private NslookupErrors() {
    }

    /** The line's state; sets {@code nxdomain[0]} when the line says the name was not found. */
    static int scan(String line, String server, boolean[] nxdomain) {
        if (line.contains("Non-existent") || line.contains("** server can't find") || line.contains("** Can't find")
                || line.contains("NXDOMAIN")) {
            nxdomain[0] = true;
        }
        if (line.contains("Note: nslookup is deprecated and may be removed from future releases.")
                || line.contains("Consider using the `dig' or `host' programs instead.  Run nslookup with")
                || line.contains("the `-sil[ent]' option to prevent this message from appearing.")) {
            return OK;
        }
        if (line.contains("No response from server") || line.contains("no servers could be reached")) {
            throw died("No response from DNS " + server);
        }
        if (line.contains("No records")) {
            throw died("DNS " + server + " has no records");
        }
        if (line.contains("Connection refused") || line.contains("Couldn't find server") || line.contains("Refused")
                || line.contains("** server can't find") && line.contains(": REFUSED")) {
            throw died("Connection to DNS " + server + " was refused");
        }
        if (line.contains("Query refused")) {
            throw died("Query was refused by DNS server at " + server);
        }
        if (line.contains("No information")) {
            throw died("No information returned by DNS server at " + server);
        }
        if (line.contains("Network is unreachable")) {
            throw died("Network is unreachable");
        }
        if (line.contains("Server failure")) {
            throw died("DNS failure for " + server);
        }
        if (line.contains("Format error") || line.contains("Timed out")) {
            return WARNING;
        }
        return OK;
    }

    private static CheckDnsCheck.Died died(String text) {
        return new CheckDnsCheck.Died(CRITICAL, text + "\n");
    }
}
