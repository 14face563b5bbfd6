package org.vigil.checks.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row was run through nagios4 4.4.6 and its status.dat / $LONGSERVICEOUTPUT$ read back. */
class PluginOutputTest {

    static Stream<Arguments> observed() {
        String none = PluginOutput.NO_SERVICE_OUTPUT;
        return Stream.of(
                row("single line", "OK\n", "OK", "", ""),
                row("no trailing newline", "OK | a=1", "OK", "", "a=1"),
                row("perfdata on the first line", "OK | a=1\n", "OK", "", "a=1"),
                row("long output", "OK\nlong1\nlong2\n", "OK", "long1\nlong2", ""),
                row("perfdata on later lines", "OK | a=1\nlong1\nlong2 | b=2\nc=3\n", "OK", "long1\nlong2 ",
                        "a=1  b=2 c=3"),
                row("only a bar", "|\n", "", "", ""),
                row("bar first", "|a=1\n", "", "", "a=1"),
                row("one trailing newline dropped", "OK\n\n\n", "OK", "\n", ""),
                row("bar ending a long line", "OK\nlong|\n", "OK", "long", ""),
                row("bar starting a long line", "OK\n|b=1\n", "OK", "", "b=1"),
                row("second bar on the first line", "OK | a=1 | b=2\n", "OK", "", "a=1 | b=2"),
                row("bar after perfdata started", "OK\nl1 | p1\nl2 | p2\n", "OK", "l1 ", "p1 l2 | p2"),
                row("semicolons only in the status text", "OK;x\nl;y | p;z\n", "OK:x", "l;y ", "p;z"),
                row("CRLF", "OK\r\nlong\r\n", "OK", "long\r", ""),
                row("blank first line", " \n", "", "", ""),
                row("empty first line", "\nsecond\n", none, "second", ""),
                row("indented long output", "OK\n  indented\n", "OK", "  indented", ""),
                row("control characters kept", "OK\tT\u0007B\u007f\nL\tT\u0001\n", "OK\tT\u0007B\u007f",
                        "L\tT\u0001", ""),
                row("empty long lines", "OK | a=1\n\n\nlong\n", "OK", "\n\nlong", "a=1"),
                row("perfdata lines padded", "OK\nl1\n | p1\n  p2\n\np3\n", "OK", "l1\n ", "p1   p2  p3"),
                row("inner empty line", "OK\nl1\n\nl3\n", "OK", "l1\n\nl3", ""),
                row("two newlines", "\n\n", none, "", ""),
                row("empty perfdata", "OK |\nlong\n", "OK", "long", ""),
                row("several bars", "a|b|c\nd|e|f\n", "a", "d", "b|c e|f"),
                row("two trailing newlines", "OK\nlong\n\n", "OK", "long\n", ""),
                row("CRs around the status", "OK\r\r\n", "OK", "", ""),
                row("trailing blank line", "OK\nlong\n \n", "OK", "long\n ", ""),
                row("padded status and perfdata", "  padded output   |  a=1   b=2  \n", "padded output", "",
                        "a=1   b=2"),
                row("check_disk style", "DISK OK - free space: / 3326 MB (56%); | /=2643MB;5948;5958;0;5968\n"
                        + "/ 15272 MB (77%);\n/boot 68 MB (69%);\n/home 69357 MB (27%);\n/var/log 819 MB (84%); | "
                        + "/boot=68MB;88;93;0;98\n/home=69357MB;253404;253409;0;253414 \n/var/log=818MB;970;975;0;980\n",
                        "DISK OK - free space: / 3326 MB (56%):",
                        "/ 15272 MB (77%);\n/boot 68 MB (69%);\n/home 69357 MB (27%);\n/var/log 819 MB (84%); ",
                        "/=2643MB;5948;5958;0;5968  /boot=68MB;88;93;0;98 /home=69357MB;253404;253409;0;253414  "
                                + "/var/log=818MB;970;975;0;980"));
    }

    private static Arguments row(String name, String raw, String text, String longText, String perf) {
        return Arguments.of(name, raw, text, longText, perf);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("observed")
    void splitsAsNagios446(String name, String raw, String text, String longText, String perf) {
        PluginOutput out = PluginOutput.parse(raw);
        assertThat(out).isEqualTo(new PluginOutput(text, longText, perf));
    }

    @Test
    void hostsHaveTheirOwnPlaceholder() {
        assertThat(PluginOutput.parse("\nsecond\n", PluginOutput.NO_HOST_OUTPUT).text())
                .isEqualTo("(No output returned from host check)");
    }

    @Test
    void escapedLongTextIsWhatStatusDatAndTheMacroShow() {
        PluginOutput out = PluginOutput.parse("OK\nback\\slash\nnext\n");
        assertThat(out.longText()).isEqualTo("back\\slash\nnext");
        assertThat(out.escapedLongText()).isEqualTo("back\\\\slash\\nnext");
    }

    static Stream<Arguments> bytes() {
        return Stream.of(
                Arguments.of("Latin-1 bytes read as Latin-1", new byte[] {'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0xff,
                    ' ', 'o', 'k', '|', 'a', '=', '1', '\n'}, "café ÿ ok"),
                Arguments.of("valid UTF-8 kept", "café ✓\n".getBytes(StandardCharsets.UTF_8), "café ✓"),
                Arguments.of("mixed", new byte[] {(byte) 0xc3, (byte) 0xa9, (byte) 0xe9, '\n'}, "éé"),
                Arguments.of("NUL ends the output", "OK\0hidden\nlong\n".getBytes(StandardCharsets.UTF_8), "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bytes")
    void decodesBytes(String name, byte[] raw, String text) {
        assertThat(PluginOutput.parse(OutputDecoder.decode(raw)).text()).isEqualTo(text);
    }

    @Test
    void nulInLongOutputCutsTheRest() {
        byte[] raw = "OK\nlong\0x\nmore\n".getBytes(StandardCharsets.UTF_8);
        assertThat(PluginOutput.parse(OutputDecoder.decode(raw)).longText()).isEqualTo("long");
    }
}
