package org.vigil.checks.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PerfDataTest {

    private static final OptionalDouble NONE = OptionalDouble.empty();

    private static PerfValue v(String label, double value, String unit, String warn, String crit, OptionalDouble min,
                               OptionalDouble max) {
        return new PerfValue(label, value, unit, warn, crit, min, max);
    }

    private static OptionalDouble d(double x) {
        return OptionalDouble.of(x);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain", "time=0.5s;1;2;0;10",
                        List.of(v("time", 0.5, "s", "1", "2", d(0), d(10))), List.of()),
                Arguments.of("no thresholds", "users=3", List.of(v("users", 3, "", "", "", NONE, NONE)), List.of()),
                Arguments.of("quoted label with spaces", "'my label'=5ms;;;",
                        List.of(v("my label", 5, "ms", "", "", NONE, NONE)), List.of()),
                Arguments.of("doubled quote in a label", "'it''s'=1", List.of(v("it's", 1, "", "", "", NONE, NONE)),
                        List.of()),
                Arguments.of("units", "a=1% b=2KB c=3c d=-4.5e2us",
                        List.of(v("a", 1, "%", "", "", NONE, NONE), v("b", 2, "KB", "", "", NONE, NONE),
                                v("c", 3, "c", "", "", NONE, NONE), v("d", -450, "us", "", "", NONE, NONE)), List.of()),
                Arguments.of("ranges kept as strings", "x=5;@10:20;~:30",
                        List.of(v("x", 5, "", "@10:20", "~:30", NONE, NONE)), List.of()),
                Arguments.of("undetermined", "rta=U;100;200",
                        List.of(v("rta", Double.NaN, "", "100", "200", NONE, NONE)), List.of()),
                Arguments.of("malformed kept, others read", "a=1 junk b= =3 c=x d=2;;;zero 'open=1 e=2",
                        List.of(v("a", 1, "", "", "", NONE, NONE)),
                        List.of("junk", "b=", "=3", "c=x", "d=2;;;zero", "'open=1 e=2")),
                Arguments.of("blanks between items", "  a=1\t\tb=2  ",
                        List.of(v("a", 1, "", "", "", NONE, NONE), v("b", 2, "", "", "", NONE, NONE)), List.of()),
                Arguments.of("empty", "", List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parses(String name, String text, List<PerfValue> values, List<String> malformed) {
        PerfData p = PerfData.parse(text);
        assertThat(p.values()).isEqualTo(values);
        assertThat(p.malformed()).isEqualTo(malformed);
    }
}
