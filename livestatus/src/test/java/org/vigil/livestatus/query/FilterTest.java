package org.vigil.livestatus.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.livestatus.query.Fixtures.vars;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every filter operator on every column type, and And/Or/Negate, as a table: the filter headers and the rows they
 * select from four items (names in table order, ";"-separated as Livestatus's CSV gives one column).
 */
class FilterTest {

    static final TableSet TABLES = Fixtures.tables(Fixtures.items(List.of(
            new Fixtures.Item("alpha", 0, 0.25, 1000, List.of("web", "db"), vars("OS", "Linux", "TEAM", "ops"),
                    List.of(List.of(1L, "al", "first"))),
            new Fixtures.Item("Beta", 1, 1.5, 2000, List.of("web"), vars("OS", "Windows"), List.of()),
            new Fixtures.Item("gamma", 2, 10.0, 0, List.of(), vars(), List.of()),
            new Fixtures.Item("delta", 3, 0.0, 3000, List.of("DB"), vars("OS", "linux"),
                    List.of(List.of(7L, "bo", "second"))))));

    static Stream<Arguments> filters() {
        return Stream.of(
                // strings
                Arguments.of("Filter: name = alpha", "alpha"),
                Arguments.of("Filter: name = beta", ""),
                Arguments.of("Filter: name != alpha", "Beta delta gamma"),
                Arguments.of("Filter: name =~ beta", "Beta"),
                Arguments.of("Filter: name !=~ BETA", "alpha delta gamma"),
                Arguments.of("Filter: name ~ a$", "Beta alpha delta gamma"),
                Arguments.of("Filter: name ~ ^b", ""),
                Arguments.of("Filter: name ~~ ^b", "Beta"),
                Arguments.of("Filter: name !~ l", "Beta gamma"),
                Arguments.of("Filter: name !~~ A", ""),
                Arguments.of("Filter: name < b", "Beta alpha"),
                Arguments.of("Filter: name > delta", "gamma"),
                Arguments.of("Filter: name <= delta", "Beta alpha delta"),
                Arguments.of("Filter: name >= delta", "delta gamma"),
                Arguments.of("Filter: name ~ ph", "alpha"),
                Arguments.of("Filter: name = ", ""),
                Arguments.of("Filter: name =   alpha", "alpha"),
                Arguments.of("Filter:name = alpha", "alpha"),
                // ints
                Arguments.of("Filter: state = 1", "Beta"),
                Arguments.of("Filter: state != 1", "alpha delta gamma"),
                Arguments.of("Filter: state < 2", "Beta alpha"),
                Arguments.of("Filter: state > 2", "delta"),
                Arguments.of("Filter: state <= 2", "Beta alpha gamma"),
                Arguments.of("Filter: state >= 2", "delta gamma"),
                // floats
                Arguments.of("Filter: latency = 1.5", "Beta"),
                Arguments.of("Filter: latency != 0", "Beta alpha gamma"),
                Arguments.of("Filter: latency < 1", "alpha delta"),
                Arguments.of("Filter: latency > 1.5", "gamma"),
                Arguments.of("Filter: latency <= 1.5", "Beta alpha delta"),
                Arguments.of("Filter: latency >= 1.5", "Beta gamma"),
                // times
                Arguments.of("Filter: last_check = 0", "gamma"),
                Arguments.of("Filter: last_check > 1000", "Beta delta"),
                Arguments.of("Filter: last_check >= 1000", "Beta alpha delta"),
                Arguments.of("Filter: last_check < 2000", "alpha gamma"),
                Arguments.of("Filter: last_check <= 2000", "Beta alpha gamma"),
                Arguments.of("Filter: last_check != 0", "Beta alpha delta"),
                // lists: contains, does not contain, emptiness, ignoring case, regular expressions
                Arguments.of("Filter: groups >= web", "Beta alpha"),
                Arguments.of("Filter: groups < web", "delta gamma"),
                Arguments.of("Filter: groups >= DB", "delta"),
                Arguments.of("Filter: groups <= db", "alpha delta"),
                Arguments.of("Filter: groups > db", "Beta gamma"),
                Arguments.of("Filter: groups =", "gamma"),
                Arguments.of("Filter: groups !=", "Beta alpha delta"),
                Arguments.of("Filter: groups =~", "gamma"),
                Arguments.of("Filter: groups ~ ^d", "alpha"),
                Arguments.of("Filter: groups ~~ ^d", "alpha delta"),
                Arguments.of("Filter: groups !~ ^d", "Beta delta gamma"),
                Arguments.of("Filter: groups !~~ ^d", "Beta gamma"),
                Arguments.of("Filter: comments_with_info >= 7", "delta"),
                Arguments.of("Filter: comments_with_info !=", "alpha delta"),
                // dicts
                Arguments.of("Filter: custom_variables = OS Linux", "alpha"),
                Arguments.of("Filter: custom_variables =~ OS linux", "alpha delta"),
                Arguments.of("Filter: custom_variables != OS Linux", "Beta delta gamma"),
                Arguments.of("Filter: custom_variables ~ OS ^W", "Beta"),
                Arguments.of("Filter: custom_variables ~~ OS ^l", "alpha delta"),
                Arguments.of("Filter: custom_variables !~~ OS ^l", "Beta gamma"),
                Arguments.of("Filter: custom_variables = TEAM ops", "alpha"),
                Arguments.of("Filter: custom_variables = TEAM", "Beta delta gamma"),
                Arguments.of("Filter: custom_variables > OS M", "Beta delta"),
                Arguments.of("Filter: custom_variables < OS M", "alpha gamma"),
                // combinations: the rest of the filters are and-ed
                Arguments.of("Filter: state >= 1\nFilter: latency < 5", "Beta delta"),
                Arguments.of("Filter: state = 0\nFilter: state = 3\nOr: 2", "alpha delta"),
                Arguments.of("Filter: state = 0\nFilter: state = 3\nOr: 2\nNegate:", "Beta gamma"),
                Arguments.of("Filter: name = gamma\nFilter: state = 0\nFilter: state = 3\nOr: 2", ""),
                Arguments.of("Filter: name = gamma\nFilter: state = 0\nFilter: state = 3\nOr: 3",
                        "alpha delta gamma"),
                Arguments.of("Filter: state > 0\nFilter: latency > 1\nAnd: 2\nFilter: name = alpha\nOr: 2",
                        "Beta alpha gamma"),
                Arguments.of("Filter: name = alpha\nNegate:\nFilter: name = delta\nNegate:\nAnd: 2",
                        "Beta gamma"),
                Arguments.of("And: 0", "Beta alpha delta gamma"),
                Arguments.of("Or: 0", ""),
                Arguments.of("Filter: state = 0\nOr: 1", "alpha"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void selectsTheRowsLivestatusSelects(String headers, String expected) throws Exception {
        String csv = Fixtures.answer(TABLES, "GET items\nColumns: name\n" + headers + "\nSort: name asc\n");
        assertThat(String.join(" ", csv.lines().toList())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void aStatsCountWithTheSameConditionCountsTheSameRows(String headers, String expected) throws Exception {
        if (headers.contains("\n") || !headers.startsWith("Filter:")) {
            return;
        }
        String csv = Fixtures.answer(TABLES, "GET items\nStats:" + headers.substring("Filter:".length()) + "\n");
        assertThat(csv).isEqualTo((expected.isEmpty() ? 0 : expected.split(" ").length) + "\n");
    }
}
