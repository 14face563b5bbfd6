package org.vigil.livestatus.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.vigil.livestatus.query.Column;
import org.vigil.livestatus.query.Table;

/** The {@code columns} table: every column of every table, with its type and description (itself included). */
final class ColumnsTable {

    /** One column of one table. */
    record ColumnRow(String table, String name, String type, String description) {
    }

    private ColumnsTable() {
    }

    static SimpleTable<ColumnRow> table(Supplier<Collection<Table<?>>> tables) {
        Columns<ColumnRow> c = new Columns<>();
        c.text("table", "The name of the table", ColumnRow::table)
                .text("name", "The name of the column within the table", ColumnRow::name)
                .text("type", "The data type of the column (int, float, time, string, list, dict)", ColumnRow::type)
                .text("description", "A description of the column", ColumnRow::description);
        return new SimpleTable<>("columns", c.build(), ctx -> rows(tables.get()));
    }

    private static List<ColumnRow> rows(Collection<Table<?>> tables) {
        List<ColumnRow> rows = new ArrayList<>();
        for (Table<?> t : tables) {
            for (Column<?> col : t.columns()) {
                rows.add(new ColumnRow(t.name(), col.name(), col.type().livestatusName(), col.description()));
            }
        }
        return rows;
    }
}
