package org.vigil.livestatus.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A column read as a primitive ({@code Column.ofLong}) answers as the same column read as an object does: its
 * value, its long, its prefixed copy, and in filters, stats and output.
 */
class ColumnTest {

    record Host(String name, int state) {
    }

    record Service(Host host, long lastCheck) {
    }

    @Test
    void aPrimitiveColumnReadsAsItsBoxedTwin() {
        Column<Host> primitive = Column.ofLong("state", ColumnType.INT, "The state", Host::state);
        Column<Host> boxed = new Column<>("state", ColumnType.INT, "The state", h -> (long) h.state());
        Host h = new Host("h1", 2);
        assertThat(primitive.value(h)).isEqualTo(boxed.value(h)).isEqualTo(2L);
        assertThat(primitive.longValue(h)).isEqualTo(boxed.longValue(h)).isEqualTo(2L);
        Column<Service> prefixed = primitive.prefixed("host_", Service::host);
        Service s = new Service(h, 5);
        assertThat(prefixed.name()).isEqualTo("host_state");
        assertThat(prefixed.type()).isEqualTo(ColumnType.INT);
        assertThat(prefixed.value(s)).isEqualTo(2L);
        assertThat(prefixed.longValue(s)).isEqualTo(2L);
        assertThat(new Column<Host>("name", ColumnType.STRING, "", Host::name).longValue(h)).isZero();
    }

    @Test
    void filtersStatsAndOutputAnswerTheSameOverEither() throws Exception {
        List<Fixtures.Item> rows = List.of(
                new Fixtures.Item("a", 0, 0.5, 100, List.of(), Map.of(), List.of()),
                new Fixtures.Item("b", 2, 1.5, 200, List.of(), Map.of(), List.of()),
                new Fixtures.Item("c", 2, 1.5, 300, List.of(), Map.of(), List.of()));
        Table<Fixtures.Item> boxed = Fixtures.items(rows);
        Table<Fixtures.Item> primitive = new Table<>() {
            @Override
            public String name() {
                return "items";
            }

            @Override
            public List<Column<Fixtures.Item>> columns() {
                return List.of(boxed.columns().get(0),
                        Column.ofLong("state", ColumnType.INT, "", Fixtures.Item::state),
                        Column.ofLong("last_check", ColumnType.TIME, "", Fixtures.Item::lastCheck));
            }

            @Override
            public Iterable<Fixtures.Item> rows(QueryContext ctx) {
                return rows;
            }
        };
        String request = "GET items\nColumns: name state last_check\nFilter: state = 2\nFilter: last_check > 100\n"
                + "OutputFormat: json\n";
        String stats = "GET items\nStats: state = 2\nStats: last_check >= 200\nStatsAnd: 2\nStats: sum state\n"
                + "Stats: max last_check\nStats: state != 2\n";
        for (String r : List.of(request, stats)) {
            assertThat(Fixtures.answer(Fixtures.tables(primitive), r)).as(r)
                    .isEqualTo(Fixtures.answer(Fixtures.tables(boxed), r));
        }
        assertThat(Fixtures.answer(Fixtures.tables(primitive), stats)).isEqualTo("2;4;300;1\n");
    }
}
