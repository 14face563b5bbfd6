package org.vigil.config.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Comma lists split as Nagios reads them: items trimmed, empty ones dropped. */
class ListSplitTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "web1                 | web1",
        "\" web1 \"           | web1",
        "web1,web2            | web1;web2",
        "\"web1 , \tweb2 ,\"  | web1;web2",
        "\",,a,, ,b,\"        | a;b",
        "\"\"                 | ''",
        "\" \"                | ''",
        "\",\"                | ''",
        "!web1, *             | !web1;*",
        "a b, c               | a b;c"})
    void itemsTrimmedAndEmptyOnesDropped(String list, String expected) {
        List<String> want = expected.equals("''") ? List.of() : List.of(expected.split(";"));
        assertThat(Registry.split(list)).isEqualTo(want);
    }
}
