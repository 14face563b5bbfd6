package org.vigil.livestatus.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.livestatus.query.Fixtures.vars;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact bytes of each output format, as a table of request and answer: CSV with the default and other
 * separators, lists, lists of lists and dicts in each; JSON, Python 2 and 3, wrapped_json; column headers;
 * numbers (ints as digits, floats as Livestatus's {@code %.10e}); string escaping and non-ASCII text as each format
 * writes it; fixed16 headers on answers and errors; Localtime's shift of time columns.
 */
class OutputTest {

    static final TableSet TABLES = Fixtures.tables(Fixtures.items(List.of(
            new Fixtures.Item("a", 0, 1.0E7, 1000, List.of("g1", "g2"), vars("K", "v", "L", "w"),
                    List.of(List.of(1L, "al", "one"), List.of(2L, "bo", "two"))),
            new Fixtures.Item("b\"\\\n\tz é€😀", 2, 0.5, 0, List.of(), vars(), List.of()))));

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("Columns: name state\nFilter: state = 0",
                        "a;0\n"),
                Arguments.of("Columns: name state latency last_check\nFilter: state = 0\nColumnHeaders: on",
                        "name;state;latency;last_check\na;0;1.0000000000e+07;1000\n"),
                Arguments.of("Filter: state = 0",
                        "name;state;latency;last_check;groups;custom_variables;comments_with_info\n"
                                + "a;0;1.0000000000e+07;1000;g1,g2;K|v,L|w;1|al|one,2|bo|two\n"),
                Arguments.of("Columns: name groups comments_with_info custom_variables\nFilter: state = 0\n"
                                + "Separators: 10 9 58 47",
                        "a\tg1:g2\t1/al/one:2/bo/two\tK/v:L/w\n"),
                Arguments.of("Columns: name state\nFilter: state = 0\nSeparators: 0 1 2 3",
                        "a\u00010\u0000"),
                Arguments.of("Filter: state = 0\nColumnHeaders: off",
                        "a;0;1.0000000000e+07;1000;g1,g2;K|v,L|w;1|al|one,2|bo|two\n"),
                Arguments.of("ColumnHeaders: on\nColumns: name\nFilter: state = 0", "name\na\n"),
                Arguments.of("Columns: name\nFilter: state = 9", ""),
                Arguments.of("Columns: name\nFilter: state = 9\nColumnHeaders: on", "name\n"),
                Arguments.of("Columns: name latency groups custom_variables comments_with_info\n"
                                + "OutputFormat: json\nFilter: state = 0",
                        "[[\"a\",1.0000000000e+07,[\"g1\",\"g2\"],{\"K\":\"v\",\"L\":\"w\"},"
                                + "[[1,\"al\",\"one\"],[2,\"bo\",\"two\"]]]]\n"),
                Arguments.of("Columns: name state\nOutputFormat: json",
                        "[[\"a\",0],\n[\"b\\\"\\\\\\u000a\\u0009z \\u00e9\\u20ac\\ud83d\\ude00\",2]]\n"),
                Arguments.of("Columns: name state\nOutputFormat: json\nColumnHeaders: on\nFilter: state = 0",
                        "[[\"name\",\"state\"],\n[\"a\",0]]\n"),
                Arguments.of("Columns: name\nOutputFormat: json\nFilter: state = 9", "[]\n"),
                Arguments.of("Columns: name\nOutputFormat: json\nFilter: state = 9\nColumnHeaders: on",
                        "[[\"name\"]]\n"),
                Arguments.of("Columns: name groups custom_variables\nOutputFormat: python",
                        "[[u\"a\",[u\"g1\",u\"g2\"],{u\"K\":u\"v\",u\"L\":u\"w\"}],\n"
                                + "[u\"b\\\"\\\\\\u000a\\u0009z \\u00e9\\u20ac\\U0001f600\",[],{}]]\n"),
                Arguments.of("Columns: name groups\nOutputFormat: python3",
                        "[[\"a\",[\"g1\",\"g2\"]],\n"
                                + "[\"b\\\"\\\\\\u000a\\u0009z \\u00e9\\u20ac\\U0001f600\",[]]]\n"),
                Arguments.of("Columns: name state\nOutputFormat: wrapped_json",
                        "{\"data\":[[\"a\",0],\n[\"b\\\"\\\\\\u000a\\u0009z \\u00e9\\u20ac\\ud83d\\ude00\",2]],"
                                + "\"total_count\":2}\n"),
                Arguments.of("Columns: name state\nOutputFormat: wrapped_json\nColumnHeaders: on\nLimit: 1",
                        "{\"columns\":[\"name\",\"state\"],\"data\":[[\"a\",0]],\"total_count\":2}\n"),
                Arguments.of("Columns: name\nOutputFormat: wrapped_json\nFilter: state = 9",
                        "{\"data\":[],\"total_count\":0}\n"),
                Arguments.of("Columns: name state\nFilter: state = 0\nResponseHeader: fixed16",
                        "200           4\na;0\n"),
                Arguments.of("Columns: name\nFilter: state = 2\nOutputFormat: csv",
                        "b\"\\\n\tz é€😀\n"),
                Arguments.of("Columns: nosuch\nResponseHeader: fixed16",
                        "404          46\nColumns: table 'items' has no column 'nosuch'\n"),
                Arguments.of("Columns: name\nFilter: name ~ (",
                        "Filter: invalid regular expression '(': Unclosed group\n"),
                Arguments.of("Columns: name\nFilter: state ~ 1",
                        "Filter: operator '~' is not defined for numbers (column 'state')\n"),
                Arguments.of("Columns: name\nFilter: groups = g1",
                        "Filter: operator '=' on list column 'groups' tests only for emptiness: expected no value\n"),
                Arguments.of("Columns: name\nFilter: state = high",
                        "Filter: invalid value 'high' for column 'state': expected a number\n"),
                Arguments.of("Columns: name\nSort: nosuch asc", "Sort: table 'items' has no column 'nosuch'\n"),
                Arguments.of("Stats: sum name", "Stats: cannot aggregate column 'name' of type string with sum:"
                        + " expected an int, float or time column\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("answers")
    void answersExactlyAsLivestatusFormatsThem(String headers, String expected) throws Exception {
        assertThat(Fixtures.answer(TABLES, "GET items\n" + headers + "\n")).isEqualTo(expected);
    }

    @Test
    void anUnknownTableIs404WithTheFixed16Header() throws Exception {
        String body = "Invalid GET request, no such table 'nosuch'\n";
        assertThat(Fixtures.answer(TABLES, "GET nosuch\nResponseHeader: fixed16"))
                .isEqualTo(String.format("404 %11d\n", body.length()) + body);
        assertThat(Fixtures.answer(TABLES, "GET nosuch")).isEqualTo(body);
    }

    @Test
    void theFixed16LengthCountsBytesNotCharacters() throws Exception {
        String answer = Fixtures.answer(TABLES, "GET items\nColumns: name\nFilter: state = 2\nResponseHeader: fixed16");
        String body = "b\"\\\n\tz é€😀\n";
        assertThat(answer).isEqualTo(String.format("200 %11d\n", body.getBytes(StandardCharsets.UTF_8).length)
                + body);
    }

    @Test
    void errorsWithoutARequestOrWithoutFixed16AreTheMessageAlone() throws Exception {
        LivestatusError e = new LivestatusError(452, "Invalid request method");
        assertThat(new String(Queries.error(null, e), StandardCharsets.UTF_8)).isEqualTo("Invalid request method\n");
        Request fixed = Request.parse("GET hosts\nResponseHeader: fixed16");
        assertThat(new String(Queries.error(fixed, e), StandardCharsets.UTF_8))
                .isEqualTo("452          23\nInvalid request method\n");
    }

    @Test
    void aRequestRefusedWhileParsingIsAnsweredWithTheFixed16HeaderItAskedForAnywhere() {
        for (String text : List.of("GET hosts\nResponseHeader: fixed16\nKeepAlive: on\nFilter: state",
                "GET hosts\nFilter: state\nResponseHeader: fixed16\nKeepAlive: on")) {
            try {
                Request.parse(text);
                throw new AssertionError("parsed: " + text);
            } catch (LivestatusError e) {
                assertThat(e.fixed16()).isTrue();
                assertThat(e.keepAlive()).isTrue();
                assertThat(new String(Queries.error(null, e), StandardCharsets.UTF_8))
                        .isEqualTo("400          46\nFilter: missing operator after column 'state'\n");
            }
        }
        try {
            Request.parse("GET hosts\nFilter: state\nResponseHeader: off");
            throw new AssertionError("parsed");
        } catch (LivestatusError e) {
            assertThat(e.fixed16()).isFalse();
            assertThat(e.keepAlive()).isFalse();
            assertThat(new String(Queries.error(null, e), StandardCharsets.UTF_8))
                    .isEqualTo("Filter: missing operator after column 'state'\n");
        }
    }

    @Test
    void localtimeShiftsTimeColumnsShownAndComparedByTheClientsOffset() throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        long theirs = 1_700_000_000L + 3600 + 5;
        Request r = Request.parse("GET items\nColumns: name last_check\nFilter: last_check = 4600\nLocaltime: "
                + theirs, clock);
        assertThat(new String(Queries.answer(r, TABLES, Fixtures.context()), StandardCharsets.UTF_8))
                .isEqualTo("a;4600\n");
    }

    @Test
    void aCommandRequestHasNoAnswerHere() throws Exception {
        assertThat(Fixtures.answer(TABLES, "COMMAND [1] NOP")).startsWith("COMMAND requests have no answer");
    }
}
