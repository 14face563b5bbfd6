package org.vigil.livestatus.query;

/** A compiled filter: whether the current row of {@code values} passes. */
@FunctionalInterface
interface RowTest {

    RowTest ALWAYS = v -> true;

    boolean test(RowValues<?> values);
}
