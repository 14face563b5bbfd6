package org.vigil.livestatus.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.livestatus.query.Fixtures.vars;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stats as a table of headers and answers: counts, StatsAnd/Or/Negate, every aggregate on int, float and time
 * columns, grouping by the Columns given with Stats, Sort/Limit/Offset on groups, and the empty table.
 */
class StatsTest {

    static final Table<Fixtures.Item> ITEMS = Fixtures.items(List.of(
            new Fixtures.Item("a", 0, 0.5, 100, List.of("web"), vars(), List.of()),
            new Fixtures.Item("b", 2, 1.5, 200, List.of("web", "db"), vars(), List.of()),
            new Fixtures.Item("c", 2, 2.0, 300, List.of(), vars(), List.of()),
            new Fixtures.Item("d", 1, 4.0, 400, List.of("db"), vars(), List.of())));
    static final Table<Fixtures.Item> EMPTY = new Table<>() {
        @Override
        public String name() {
            return "empty";
        }

        @Override
        public List<Column<Fixtures.Item>> columns() {
            return ITEMS.columns();
        }

        @Override
        public Iterable<Fixtures.Item> rows(QueryContext ctx) {
            return List.of();
        }
    };
    static final TableSet TABLES = Fixtures.tables(ITEMS, EMPTY);

    static Stream<Arguments> stats() {
        return Stream.of(
                Arguments.of("items", "Stats: state = 0\nStats: state = 1\nStats: state = 2\nStats: state = 3",
                        "1;1;2;0\n"),
                Arguments.of("items", "Stats: state = 2\nStats: latency > 1\nStatsAnd: 2", "2\n"),
                Arguments.of("items", "Stats: state = 0\nStats: state = 1\nStatsOr: 2\nStats: state = 2",
                        "2;2\n"),
                Arguments.of("items", "Stats: state = 2\nStatsNegate:", "2\n"),
                Arguments.of("items", "Stats: state = 0\nStats: state = 1\nStats: name = d\nStatsAnd: 2\nStatsOr: 2",
                        "2\n"),
                Arguments.of("items", "Filter: state > 0\nStats: state = 2\nStats: groups >= db", "2;2\n"),
                Arguments.of("items", "Stats: sum state\nStats: min state\nStats: max state",
                        "5;0;2\n"),
                Arguments.of("items", "Stats: avg state\nStats: std state",
                        "1.2500000000e+00;9.5742710776e-01\n"),
                Arguments.of("items", "Stats: suminv latency\nStats: avginv latency",
                        "3.4166666667e+00;8.5416666667e-01\n"),
                Arguments.of("items", "Filter: state > 0\nStats: suminv state\nStats: avginv state", "2;0\n"),
                Arguments.of("items", "Stats: sum latency\nStats: min latency\nStats: max latency\n"
                        + "Stats: avg latency", "8.0000000000e+00;5.0000000000e-01;4.0000000000e+00;"
                        + "2.0000000000e+00\n"),
                Arguments.of("items", "Stats: sum last_check\nStats: min last_check\nStats: max last_check\n"
                        + "Stats: avg last_check", "1000;100;400;2.5000000000e+02\n"),
                Arguments.of("items", "Filter: name = a\nStats: std latency", "0.0000000000e+00\n"),
                Arguments.of("items", "Stats: state >= 0\nOutputFormat: json", "[[4]]\n"),
                Arguments.of("items", "Stats: state >= 0\nStats: avg latency\nOutputFormat: json\nColumnHeaders: on",
                        "[[\"stats_1\",\"stats_2\"],\n[4,2.0000000000e+00]]\n"),
                Arguments.of("items", "Stats: state >= 0\nOutputFormat: wrapped_json",
                        "{\"data\":[[4]],\"total_count\":1}\n"),
                // grouping by the Columns given with Stats: one row per group, in order of first appearance
                Arguments.of("items", "Columns: state\nStats: state >= 0\nStats: sum latency",
                        "0;1;5.0000000000e-01\n2;2;3.5000000000e+00\n1;1;4.0000000000e+00\n"),
                Arguments.of("items", "Columns: state\nStats: state >= 0\nOutputFormat: json\nColumnHeaders: on",
                        "[[\"state\",\"stats_1\"],\n[0,1],\n[2,2],\n[1,1]]\n"),
                Arguments.of("items", "Columns: state\nStats: state >= 0\nSort: state desc", "2;2\n1;1\n0;1\n"),
                Arguments.of("items", "StatsGroupBy: state\nStats: state >= 0\nSort: state desc",
                        "2;2\n1;1\n0;1\n"),
                Arguments.of("items", "Columns: state\nStats: state >= 0\nSort: state asc\nLimit: 2\nOffset: 1",
                        "1;1\n2;2\n"),
                Arguments.of("items", "Columns: state\nStats: state >= 0\nLimit: 1\nOutputFormat: wrapped_json",
                        "{\"data\":[[0,1]],\"total_count\":3}\n"),
                Arguments.of("items", "Columns: state groups\nStats: state >= 0",
                        "0;web;1\n2;web,db;1\n2;;1\n1;db;1\n"),
                Arguments.of("items", "Columns: state\nFilter: state = 9\nStats: state >= 0", ""),
                // the empty table: one row of zeros
                Arguments.of("empty", "Stats: state = 0\nStats: state != 0", "0;0\n"),
                Arguments.of("empty", "Stats: sum state\nStats: min state\nStats: max state\nStats: avg state\n"
                        + "Stats: std state\nStats: suminv state\nStats: avginv state",
                        "0;0;0;0.0000000000e+00;0.0000000000e+00;0;0\n"),
                Arguments.of("empty", "Stats: sum latency\nStats: avg latency\nOutputFormat: json",
                        "[[0.0000000000e+00,0.0000000000e+00]]\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("stats")
    void computesTheStatsLivestatusComputes(String table, String headers, String expected) throws Exception {
        assertThat(Fixtures.answer(TABLES, "GET " + table + "\n" + headers + "\n")).isEqualTo(expected);
    }
}
