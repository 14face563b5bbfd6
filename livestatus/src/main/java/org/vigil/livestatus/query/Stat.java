package org.vigil.livestatus.query;

/**
 * One compiled {@code Stats:} column: consumes the rows of a group and gives the group's figure, a {@link Long}
 * or a {@link Double} as Livestatus types it (counts, and sums, minima and maxima of int and time columns, are
 * integers; averages and deviations are floats).
 */
abstract class Stat {

    abstract void consume(RowValues<?> values, StatsGroup group, int i);

    abstract Object result(StatsGroup group, int i);

    /** {@code Stats: column op value}: the rows the filter accepts. */
    static final class Count extends Stat {
        private final RowTest test;

        Count(RowTest test) {
            this.test = test;
        }

        @Override
        void consume(RowValues<?> values, StatsGroup group, int i) {
            if (test.test(values)) {
                group.ints[i]++;
            }
        }

        @Override
        Object result(StatsGroup group, int i) {
            return group.ints[i];
        }

        RowTest test() {
            return test;
        }
    }
}
