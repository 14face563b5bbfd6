package org.vigil.engine.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusFileTest {

    @ParameterizedTest
    @CsvSource({"0.0,3", "0.0005,3", "1.23456789,6", "5.0,6", "123.4565,3", "-2.5,3", "0.999999,3", "1e-9,6"})
    void fixedMatchesPrintf(double v, int places) {
        assertThat(StatusFields.fixed(v, places)).isEqualTo(String.format(Locale.ROOT, "%." + places + "f", v));
    }

    @ParameterizedTest
    @CsvSource({"'a\nb','a\\nb'", "'x\\y','x\\\\y'"})
    void longOutputIsEscapedAsNagiosKeepsIt(String in, String out) {
        assertThat(StatusFields.escape(in)).isEqualTo(out);
    }
}
