package org.vigil.checks.builtin.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.checks.builtin.tcp.CheckTcpDifferentialTest.same;
import static org.vigil.checks.builtin.tcp.TcpTarget.answers;
import static org.vigil.checks.builtin.tcp.TcpTarget.says;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * check_tcp under its other names, as Debian links them, against the real links: each name's service word, default
 * port, expected banner (matched at the start of the answer until {@code -e} is given), send and quit strings.
 */
class CheckTcpAliasesDifferentialTest {

    private static final String LOCAL = "127.0.0.1";

    @Test
    void eachNameConnectsToItsOwnPortByDefault() throws Exception {
        // nothing listens on these ports here: the refusal names the port each name picks
        Map<String, Integer> ports = Map.of("check_ftp", 21, "check_pop", 110, "check_imap", 143, "check_nntp", 119,
                "check_jabber", 5222, "check_clamd", 3310, "check_simap", 993, "check_spop", 995,
                "check_ssmtp", 465, "check_nntps", 563);
        for (Map.Entry<String, Integer> e : ports.entrySet()) {
            assertThat(same(2, e.getKey(), "-H", LOCAL).text())
                    .isEqualTo("connect to address 127.0.0.1 and port " + e.getValue() + ": Connection refused\n");
        }
    }

    @Test
    void bannersAreMatchedAtTheirStartUntilAnExpectStringReplacesThem() throws Exception {
        check("check_ftp", "220 FTP ready\r\n", 0, "FTP OK - ", "QUIT\r\n");
        check("check_ftp", "500 FTP closed\r\n", 1, "FTP WARNING - Unexpected response from host/socket: 500 FTP",
                "QUIT\r\n");
        check("check_ftp", "  220 late\r\n", 1, "FTP WARNING", "QUIT\r\n");
        check("check_pop", "+OK POP3 ready\r\n", 0, "POP OK - ", "QUIT\r\n");
        check("check_pop", "-ERR busy\r\n", 1, "POP WARNING", "QUIT\r\n");
        check("check_imap", "* OK IMAP4rev1 ready\r\n", 0, "IMAP OK - ", "a1 LOGOUT\r\n");
        check("check_imap", "* BYE\r\n", 1, "IMAP WARNING", "a1 LOGOUT\r\n");
        check("check_nntp", "200 news ready\r\n", 0, "NNTP OK - ", "QUIT\r\n");
        check("check_nntp", "201 read only\r\n", 0, "NNTP OK - ", "QUIT\r\n");
        check("check_nntp", "400 go away\r\n", 1, "NNTP WARNING", "QUIT\r\n");
        try (TcpTarget t = TcpTarget.plain(says("500 FTP ready\r\n", true))) {
            same(0, "check_ftp", "-H", LOCAL, "-p", String.valueOf(t.port()), "-e", "ready");
            same(2, "check_ftp", "-H", LOCAL, "-p", String.valueOf(t.port()), "-e", "220", "-M", "crit");
            same(0, "check_nntp", "-H", LOCAL, "-p", String.valueOf(t.port()), "-e", "ready", "-q", "BYE");
            assertThat(t.received(5)).isEqualTo(t.received(4)).isEqualTo("BYE\r\n");
        }
        try (TcpTarget t = TcpTarget.plain(says("400 news ready\r\n", true))) {
            // check_nntp keeps 200 and 201 beside an -e string, all now looked for anywhere: -A wants the three
            same(0, "check_nntp", "-H", LOCAL, "-p", String.valueOf(t.port()), "-e", "ready", "-M", "crit");
            same(2, "check_nntp", "-H", LOCAL, "-p", String.valueOf(t.port()), "-e", "ready", "-A", "-M", "crit");
        }
    }

    @Test
    void jabberAndClamdSendTheirGreetingAndJabberHidesTheAnswer() throws Exception {
        try (TcpTarget t = TcpTarget.plain(answers("'>\n", "<?xml version='1.0'?><stream:stream id='1'>"))) {
            String text = same(0, "check_jabber", "-H", LOCAL, "-p", String.valueOf(t.port())).text();
            assertThat(text).startsWith("JABBER OK - ").doesNotContain("[");
            assertThat(t.received(1)).isEqualTo(t.received(0)).startsWith("<stream:stream to='host' ")
                    .endsWith("</stream:stream>\n");
        }
        try (TcpTarget t = TcpTarget.plain(answers("PING", "PONG\n"))) {
            assertThat(same(0, "check_clamd", "-H", LOCAL, "-p", String.valueOf(t.port())).text())
                    .contains("[PONG]");
            assertThat(t.received(1)).isEqualTo(t.received(0)).isEqualTo("PING");
        }
    }

    private static void check(String plugin, String banner, int code, String start, String quit) throws Exception {
        try (TcpTarget t = TcpTarget.plain(says(banner, false))) {
            assertThat(same(code, plugin, "-H", LOCAL, "-p", String.valueOf(t.port())).text()).startsWith(start);
            assertThat(t.received(1)).isEqualTo(t.received(0)).isEqualTo(quit);
        }
    }
}
