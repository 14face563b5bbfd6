package org.vigil.model;

import java.util.Arrays;

/** A growable list of positions, without boxing: the read model's indexes hold up to one per service. */
final class IntList {

    private int[] values = new int[8];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    /** The positions in ascending order, each once. */
    int[] sorted() {
        int[] out = Arrays.copyOf(values, size);
        Arrays.sort(out);
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (n == 0 || out[n - 1] != out[i]) {
                out[n++] = out[i];
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
