package org.vigil.livestatus.table;

import java.util.AbstractList;
import java.util.function.IntFunction;

/** Rows made on demand from positions, so a query over 100,000 services that stops early makes only what it reads. */
final class Rows<R> extends AbstractList<R> {

    private final int[] positions;
    private final IntFunction<R> make;

    Rows(int[] positions, IntFunction<R> make) {
        this.positions = positions;
        this.make = make;
    }

    @Override
    public R get(int index) {
        return make.apply(positions[index]);
    }

    @Override
    public int size() {
        return positions.length;
    }
}
