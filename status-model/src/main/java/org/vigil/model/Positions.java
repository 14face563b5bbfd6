package org.vigil.model;

import java.util.AbstractList;
import java.util.RandomAccess;

/** The objects of a snapshot at some positions, as an unmodifiable list that copies nothing. */
final class Positions<T> extends AbstractList<T> implements RandomAccess {

    private final T[] objects;
    private final int[] at;

    Positions(T[] objects, int[] at) {
        this.objects = objects;
        this.at = at;
    }

    @Override
    public T get(int index) {
        return objects[at[index]];
    }

    @Override
    public int size() {
        return at.length;
    }
}
