package org.vigil.checks.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.ShortOptions.Option;

/** getopt's reading of short options, as the built-ins' argument readers use it. */
class ShortOptionsTest {

    private static final String OPTSTRING = "hvnAt:H:s:";

    @Test
    void groupedFlagsJoinedAndSeparateValuesInTheirOrder() {
        ShortOptions.Read r = ShortOptions.read("check_x", OPTSTRING, List.of("-nA", "-t5", "-H", "example.org",
                "-vs", "127.0.0.1", "-Hnt"));
        assertThat(r.problem()).isEmpty();
        assertThat(r.options()).containsExactly(new Option('n', null), new Option('A', null), new Option('t', "5"),
                new Option('H', "example.org"), new Option('v', null), new Option('s', "127.0.0.1"),
                new Option('H', "nt"));
    }

    @Test
    void whatGetoptWouldNotReadAsTheseShortOptionsIsAReason() {
        assertThat(ShortOptions.read("check_x", OPTSTRING, List.of("-x")).problem())
                .hasValue("check_x: unknown option -x");
        assertThat(ShortOptions.read("check_x", OPTSTRING, List.of("-n", "-t")).problem())
                .hasValue("check_x: -t needs a value");
        assertThat(ShortOptions.read("check_x", OPTSTRING, List.of("--timeout=5")).problem())
                .hasValue("check_x: the built-in takes short options only, not '--timeout=5'");
        assertThat(ShortOptions.read("check_x", OPTSTRING, List.of("example.org")).problem())
                .hasValue("check_x: the built-in takes short options only, not 'example.org'");
        assertThat(ShortOptions.read("check_x", OPTSTRING, List.of("-:")).problem())
                .hasValue("check_x: unknown option -:");
    }
}
