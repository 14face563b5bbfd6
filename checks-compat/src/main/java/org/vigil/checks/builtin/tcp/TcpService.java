package org.vigil.checks.builtin.tcp;

import java.util.List;

/**
 * What check_tcp does by default under one of its names: Debian installs check_ftp, check_imap, check_pop,
 * check_simap, check_spop, check_ssmtp, check_jabber, check_nntp, check_nntps and check_clamd as links to
 * check_tcp, which reads its own file name to pick the service word, port, strings and TLS (check_udp too, which
 * Vigil leaves to the real plugin).
 *
 * @param plugin the file name
 * @param word the service word of the status line ({@code FTP OK - ...}): the name after {@code check_}, upper case
 * @param port the default port, 0 when {@code -p} is needed
 * @param send sent after connecting, null for nothing
 * @param expects strings the answer must begin with, empty for none
 * @param quit sent before closing, null for nothing
 * @param tls whether the connection is TLS from the start
 * @param hideOutput whether the server's answer stays out of the status line (check_jabber)
 */
record TcpService(String plugin, String word, int port, String send, List<String> expects, String quit, boolean tls,
                  boolean hideOutput) {

    private static final String QUIT = "QUIT\r\n";
    private static final String LOGOUT = "a1 LOGOUT\r\n";
    private static final String JABBER_OPEN = "<stream:stream to='host' xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams'>\n";

    /** Every name Vigil runs built-in, each with check_tcp's defaults for it. */
    static List<TcpService> all() {
        return List.of(
                plain("check_tcp", "TCP", 0, null, List.of(), null),
                plain("check_ftp", "FTP", 21, null, List.of("220"), QUIT),
                plain("check_pop", "POP", 110, null, List.of("+OK"), QUIT),
                plain("check_imap", "IMAP", 143, null, List.of("* OK"), LOGOUT),
                tls("check_simap", "SIMAP", 993, List.of("* OK"), LOGOUT),
                tls("check_spop", "SPOP", 995, List.of("+OK"), QUIT),
                tls("check_ssmtp", "SSMTP", 465, List.of("220"), QUIT),
                new TcpService("check_jabber", "JABBER", 5222, JABBER_OPEN, List.of("<?xml version='1.0'"),
                        "</stream:stream>\n", false, true),
                tls("check_nntps", "NNTPS", 563, List.of("200", "201"), QUIT),
                plain("check_nntp", "NNTP", 119, null, List.of("200", "201"), QUIT),
                plain("check_clamd", "CLAMD", 3310, "PING", List.of("PONG"), null));
    }

    private static TcpService plain(String plugin, String word, int port, String send, List<String> expects,
                                    String quit) {
        return new TcpService(plugin, word, port, send, expects, quit, false, false);
    }

    private static TcpService tls(String plugin, String word, int port, List<String> expects, String quit) {
        return new TcpService(plugin, word, port, null, expects, quit, true, false);
    }
}
