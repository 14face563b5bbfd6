package org.vigil.livestatus.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The counts of stats filters on int and time columns (worked out once per combination of values) equal what the
 * same filters select row by row, with few combinations and with more than the memo holds.
 */
class StatsMemoTest {

    private static final String[][] STATS = {
        {"Stats: state = 0", "Filter: state = 0"},
        {"Stats: state = 2\nStats: last_check > 5000\nStatsAnd: 2", "Filter: state = 2\nFilter: last_check > 5000"},
        {"Stats: state = 1\nStats: state = 3\nStatsOr: 2\nStatsNegate:",
            "Filter: state = 1\nFilter: state = 3\nOr: 2\nNegate:"},
        {"Stats: name ~ 7$", "Filter: name ~ 7$"},
        {"Stats: last_check <= 100\nStats: name ~ 1\nStatsOr: 2", "Filter: last_check <= 100\nFilter: name ~ 1\nOr: 2"},
        {"Stats: state != 0\nStats: last_check >= 9000\nStatsAnd: 2\nStats: state = 0\nStatsOr: 2",
            "Filter: state != 0\nFilter: last_check >= 9000\nAnd: 2\nFilter: state = 0\nOr: 2"}};

    @ParameterizedTest(name = "{0} distinct times")
    @ValueSource(ints = {3, 10_000})
    void memoizedCountsEqualRowByRowSelections(int distinctTimes) throws Exception {
        Random random = new Random(distinctTimes);
        List<Fixtures.Item> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(new Fixtures.Item("n" + i, random.nextInt(4), 0.0, random.nextInt(distinctTimes) * 10_000L
                    / distinctTimes, List.of(), Map.of(), List.of()));
        }
        TableSet tables = Fixtures.tables(Fixtures.items(rows));
        StringBuilder all = new StringBuilder("GET items\n");
        List<String> expected = new ArrayList<>();
        for (String[] s : STATS) {
            all.append(s[0]).append('\n');
            String selected = Fixtures.answer(tables, "GET items\nColumns: name\n" + s[1] + "\n");
            expected.add(Long.toString(selected.lines().count()));
        }
        assertThat(Fixtures.answer(tables, all.toString())).isEqualTo(String.join(";", expected) + "\n");
        assertThat(expected).doesNotContain("0");
    }
}
