package org.vigil.livestatus.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.livestatus.query.Fixtures.vars;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sort (several, asc and desc, on each type; equal rows keep the table's order), then Offset and Limit: Limit
 * applies after sorting, and wrapped_json's total_count counts every matching row.
 */
class SortLimitTest {

    static final TableSet TABLES = Fixtures.tables(Fixtures.items(List.of(
            new Fixtures.Item("e", 1, 2.5, 300, List.of(), vars(), List.of()),
            new Fixtures.Item("b", 0, 10.0, 100, List.of(), vars(), List.of()),
            new Fixtures.Item("d", 1, 0.5, 200, List.of(), vars(), List.of()),
            new Fixtures.Item("a", 2, 1.0, 200, List.of(), vars(), List.of()),
            new Fixtures.Item("c", 0, 3.0, 400, List.of(), vars(), List.of()))));

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("", "e b d a c"),
                Arguments.of("Sort: name asc", "a b c d e"),
                Arguments.of("Sort: name", "a b c d e"),
                Arguments.of("Sort: name desc", "e d c b a"),
                Arguments.of("Sort: state asc", "b c e d a"),
                Arguments.of("Sort: state asc\nSort: name desc", "c b e d a"),
                Arguments.of("Sort: latency asc", "d a e c b"),
                Arguments.of("Sort: last_check desc\nSort: name asc", "c e a d b"),
                Arguments.of("Limit: 2", "e b"),
                Arguments.of("Offset: 3", "a c"),
                Arguments.of("Limit: 2\nOffset: 1", "b d"),
                Arguments.of("Limit: 0", ""),
                Arguments.of("Offset: 9", ""),
                Arguments.of("Sort: name asc\nLimit: 2", "a b"),
                Arguments.of("Limit: 2\nSort: name desc", "e d"),
                Arguments.of("Sort: name asc\nOffset: 1\nLimit: 3", "b c d"),
                Arguments.of("Filter: state > 0\nSort: latency desc\nLimit: 1", "e"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("orders")
    void sortsThenSkipsThenLimits(String headers, String expected) throws Exception {
        String csv = Fixtures.answer(TABLES, "GET items\nColumns: name\n" + headers + "\n");
        assertThat(String.join(" ", csv.lines().toList())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("orders")
    void wrappedJsonCountsEveryMatchingRowWhateverTheLimit(String headers, String expected) throws Exception {
        String json = Fixtures.answer(TABLES, "GET items\nColumns: name\nOutputFormat: wrapped_json\n" + headers);
        long matching = headers.contains("Filter: state > 0") ? 3 : 5;
        assertThat(json).endsWith(",\"total_count\":" + matching + "}\n");
    }
}
