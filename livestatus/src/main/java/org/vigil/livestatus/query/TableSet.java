package org.vigil.livestatus.query;

import java.util.Collection;
import java.util.Optional;

/** The tables a request may name (404 for any other). */
public interface TableSet {

    Optional<Table<?>> table(String name);

    /** All tables, for the {@code columns} table. */
    Collection<Table<?>> all();
}
