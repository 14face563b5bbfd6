package org.vigil.livestatus.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Request.parse}: what every header sets, and, as a table, every way a request can be wrong with the code
 * and message Livestatus answers (the message names the header and what it expects).
 */
class RequestTest {

    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    @Test
    void aGetWithEveryHeader() throws Exception {
        Request r = Request.parse("""
                GET services
                Columns: host_name description state
                Filter: state = 2
                Filter: state = 1
                Or: 2
                Negate:
                Limit: 10
                Offset: 5
                Sort: host_name asc
                Sort: description desc
                OutputFormat: wrapped_json
                ColumnHeaders: on
                ResponseHeader: fixed16
                Separators: 10 59 44 124
                AuthUser: alice
                KeepAlive: on
                WaitObject: h1;s1
                WaitCondition: state = 0
                WaitConditionNegate:
                WaitTrigger: state
                WaitTimeout: 2500
                """);
        assertThat(r.isCommand()).isFalse();
        assertThat(r.table()).isEqualTo("services");
        assertThat(r.columns()).containsExactly("host_name", "description", "state");
        assertThat(r.filter()).isInstanceOf(FilterExpr.Not.class);
        assertThat(r.limit()).isEqualTo(10);
        assertThat(r.offset()).isEqualTo(5);
        assertThat(r.sorts()).containsExactly(new SortSpec("host_name", false), new SortSpec("description", true));
        assertThat(r.format()).isEqualTo(OutputFormat.WRAPPED_JSON);
        assertThat(r.columnHeaders()).isTrue();
        assertThat(r.fixed16()).isTrue();
        assertThat(r.separators()).isEqualTo(Separators.DEFAULT);
        assertThat(r.authUser()).contains("alice");
        assertThat(r.keepAlive()).isTrue();
        assertThat(r.waitObject()).contains("h1;s1");
        assertThat(r.waitCondition()).isInstanceOf(FilterExpr.Not.class);
        assertThat(r.waitTrigger()).contains("state");
        assertThat(r.waitTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(r.hasWait()).isTrue();
    }

    @Test
    void defaultsWhenNoHeaderIsGiven() throws Exception {
        Request r = Request.parse("GET hosts");
        assertThat(r.table()).isEqualTo("hosts");
        assertThat(r.limit()).isEqualTo(-1);
        assertThat(r.offset()).isZero();
        assertThat(r.format()).isEqualTo(OutputFormat.CSV);
        assertThat(r.columnHeaders()).isNull();
        assertThat(r.fixed16()).isFalse();
        assertThat(r.keepAlive()).isFalse();
        assertThat(r.authUser()).isEmpty();
        assertThat(r.waitTimeout()).isEqualTo(Duration.ZERO);
        assertThat(r.hasWait()).isFalse();
        assertThat(r.filter()).isNull();
    }

    @Test
    void aCommandKeepsItsTextForTheCommandFileAndTheConnectionOpen() throws Exception {
        Request r = Request.parse("COMMAND [1700000000] ACKNOWLEDGE_SVC_PROBLEM;h1;s1;2;1;0;alice;on it");
        assertThat(r.isCommand()).isTrue();
        assertThat(r.command()).isEqualTo("[1700000000] ACKNOWLEDGE_SVC_PROBLEM;h1;s1;2;1;0;alice;on it");
        assertThat(r.table()).isNull();
        assertThat(r.keepAlive()).isTrue();
    }

    @Test
    void headersEndAtTheFirstEmptyLineAndTrailingBlanksAreIgnored() throws Exception {
        Request r = Request.parse("GET hosts  \r\nLimit: 3 \r\n\r\nThis: is not read\n");
        assertThat(r.table()).isEqualTo("hosts");
        assertThat(r.limit()).isEqualTo(3);
    }

    @Test
    void separatorsAreFourByteCodes() throws Exception {
        assertThat(Request.parse("GET hosts\nSeparators: 0 1 2 3").separators())
                .isEqualTo(new Separators((byte) 0, (byte) 1, (byte) 2, (byte) 3));
    }

    @Test
    void everyOutputFormat() throws Exception {
        for (String f : List.of("csv", "json", "python", "python3", "wrapped_json")) {
            assertThat(Request.parse("GET hosts\nOutputFormat: " + f).format().name())
                    .isEqualToIgnoringCase(f);
        }
    }

    static Stream<Arguments> localtimes() {
        long now = 1_700_000_000L;
        return Stream.of(
                Arguments.of(now, 0L),
                Arguments.of(now + 899, 0L),
                Arguments.of(now + 900, 1800L),
                Arguments.of(now - 899, 0L),
                Arguments.of(now - 900, -1800L),
                Arguments.of(now + 3600 + 1000, 5400L),
                Arguments.of(now - 7200 - 20, -7200L),
                Arguments.of(now + 47 * 1800, 47 * 1800L));
    }

    /** The client's clock difference, rounded to the half hour as Livestatus does. */
    @ParameterizedTest(name = "Localtime: {0} -> {1}")
    @MethodSource("localtimes")
    void localtimeRoundsTheDifferenceToHalfHours(long theirs, long offset) throws Exception {
        assertThat(Request.parse("GET hosts\nLocaltime: " + theirs, CLOCK).timezoneOffset()).isEqualTo(offset);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("", 452, "Invalid request method"),
                Arguments.of("HELLO", 452, "Invalid request method: expected 'GET <table>' or 'COMMAND"),
                Arguments.of("GET", 452, "Invalid GET request, missing tablename"),
                Arguments.of("GET ", 452, "Invalid GET request, missing tablename"),
                Arguments.of("COMMAND ", 452, "COMMAND: missing the command"),
                Arguments.of("GET hosts\nFoo: bar", 400, "Undefined request header 'Foo: bar'"),
                Arguments.of("GET hosts\nno colon here", 400, "Undefined request header 'no colon here'"),
                Arguments.of("GET hosts\nColumns:", 400, "Columns: missing column names"),
                Arguments.of("GET hosts\nFilter:", 400, "Filter: empty filter line"),
                Arguments.of("GET hosts\nFilter: state", 400, "Filter: missing operator after column 'state'"),
                Arguments.of("GET hosts\nFilter: state == 1", 400, "Filter: invalid operator '=='"),
                Arguments.of("GET hosts\nAnd: 2", 400, "And: cannot combine 2 filters with 'AND': only 0 are on"),
                Arguments.of("GET hosts\nFilter: state = 1\nOr: 2", 400,
                        "Or: cannot combine 2 filters with 'OR': only 1 are on stack"),
                Arguments.of("GET hosts\nAnd:", 400, "And: missing value: expected a non-negative integer"),
                Arguments.of("GET hosts\nAnd: x", 400, "And: invalid value 'x': expected a non-negative integer"),
                Arguments.of("GET hosts\nNegate:", 400, "Negate: no Filter: header to negate"),
                Arguments.of("GET hosts\nFilter: state = 1\nNegate: 1", 400, "Negate: does not take any arguments"),
                Arguments.of("GET hosts\nStats:", 400, "Stats: empty stats line"),
                Arguments.of("GET hosts\nStats: sum", 400, "Stats: missing column name after 'sum'"),
                Arguments.of("GET hosts\nStats: avg a b", 400, "Stats: expected one column after 'avg'"),
                Arguments.of("GET hosts\nStats: state", 400, "Stats: missing operator after column 'state'"),
                Arguments.of("GET hosts\nStats: state = 1\nStatsAnd: 2", 400,
                        "StatsAnd: cannot combine 2 Stats: headers, only 1 are given"),
                Arguments.of("GET hosts\nStats: sum state\nStats: state = 1\nStatsOr: 2", 400,
                        "StatsOr: can only combine Stats: headers that count (column operator value), not sum"),
                Arguments.of("GET hosts\nStatsNegate:", 400, "StatsNegate: no Stats: header to negate"),
                Arguments.of("GET hosts\nStats: max state\nStatsNegate:", 400,
                        "StatsNegate: can only combine Stats: headers that count"),
                Arguments.of("GET hosts\nLimit: -1", 400, "Limit: invalid value '-1': expected a non-negative"),
                Arguments.of("GET hosts\nLimit:", 400, "Limit: missing value"),
                Arguments.of("GET hosts\nOffset: ten", 400, "Offset: invalid value 'ten'"),
                Arguments.of("GET hosts\nSort:", 400, "Sort: expected 'column asc' or 'column desc'"),
                Arguments.of("GET hosts\nSort: name up", 400, "Sort: invalid sort direction 'up': must be 'asc' or"),
                Arguments.of("GET hosts\nOutputFormat: xml", 400,
                        "OutputFormat: invalid output format 'xml': expected csv, json, python, python3 or wrapped"),
                Arguments.of("GET hosts\nOutputFormat:", 400, "OutputFormat: missing output format"),
                Arguments.of("GET hosts\nColumnHeaders: yes", 400,
                        "ColumnHeaders: invalid value 'yes': must be 'on' or 'off'"),
                Arguments.of("GET hosts\nKeepAlive:", 400, "KeepAlive: missing value: must be 'on' or 'off'"),
                Arguments.of("GET hosts\nResponseHeader: fixed32", 400,
                        "ResponseHeader: invalid value 'fixed32': must be 'off' or 'fixed16'"),
                Arguments.of("GET hosts\nSeparators: 10 59 44", 400,
                        "Separators: expected four decimal byte codes (rows, fields, lists, sub-lists), got 3"),
                Arguments.of("GET hosts\nSeparators: 10 59 44 300", 400,
                        "Separators: invalid byte code '300': expected a decimal number 0-255"),
                Arguments.of("GET hosts\nLocaltime: soon", 400,
                        "Localtime: invalid value 'soon': expected the client's time in epoch seconds"),
                Arguments.of("GET hosts\nLocaltime: 1700090000", 400,
                        "Localtime: timezone difference greater than 24 hours"),
                Arguments.of("GET hosts\nAuthUser:", 400, "AuthUser: missing value"),
                Arguments.of("GET hosts\nWaitObject:", 400, "WaitObject: missing value"),
                Arguments.of("GET hosts\nWaitTrigger: sometimes", 400,
                        "WaitTrigger: invalid trigger 'sometimes': expected check, state, log, downtime, comment"),
                Arguments.of("GET hosts\nWaitTimeout: 1.5", 400, "WaitTimeout: invalid value '1.5'"),
                Arguments.of("GET hosts\nWaitCondition: state", 400,
                        "WaitCondition: missing operator after column 'state'"),
                Arguments.of("GET hosts\nWaitConditionOr: 1", 400,
                        "WaitConditionOr: cannot combine 1 filters with 'OR': only 0 are on stack"),
                Arguments.of("GET hosts\nWaitConditionNegate:", 400,
                        "WaitConditionNegate: no WaitCondition: header to negate"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("badRequests")
    void aBadRequestIsRefusedWithLivestatussCodeAndAMessageNamingTheHeader(String text, int code, String message) {
        assertThatThrownBy(() -> Request.parse(text, CLOCK))
                .isInstanceOfSatisfying(LivestatusError.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }

    @Test
    void aHugeBadLineIsQuotedShort() {
        String line = "X".repeat(100_000);
        assertThatThrownBy(() -> Request.parse(line)).isInstanceOfSatisfying(LivestatusError.class,
                e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }
}
