package org.vigil.config.resolve;

/**
 * The attributes written in one definition, by canonical name, in the order they were first set: what a {@code
 * LinkedHashMap} gave, in two small arrays. A service has a handful, and 100,000 of them are alive until the model is
 * built: the map, its table and an entry per attribute were a large part of what every young collection copied.
 * Names are mostly the very strings {@link ObjectType} hands out, so a lookup is a few reference comparisons.
 */
final class OwnAttributes {

    private static final String[] NO_KEYS = new String[0];
    private static final Attr[] NO_VALUES = new Attr[0];

    private String[] keys = NO_KEYS;
    private Attr[] values = NO_VALUES;
    private int size;
    /** Bit {@code n % 64} set when a name of length {@code n} is here: most lookups are of names a definition lacks. */
    private long lengths;

    int size() {
        return size;
    }

    /** The name of the {@code i}th attribute, in the order they were first set. */
    String key(int i) {
        return keys[i];
    }

    Attr value(int i) {
        return values[i];
    }

    Attr get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    /** Sets {@code key}; one set before keeps its place, as in a {@code LinkedHashMap}. */
    void put(String key, Attr value) {
        int i = indexOf(key);
        if (i >= 0) {
            values[i] = value;
            return;
        }
        if (size == keys.length) {
            grow(Math.max(4, size * 2));
        }
        keys[size] = key;
        values[size] = value;
        size++;
        lengths |= 1L << key.length();
    }

    /** Room for {@code n} attributes without growing (a definition knows how many lines it has). */
    void expect(int n) {
        if (n > keys.length) {
            grow(n);
        }
    }

    /** By hand, not {@code Arrays.copyOf}: under the client compiler that goes through reflection for each array. */
    private void grow(int capacity) {
        String[] k = new String[capacity];
        Attr[] v = new Attr[capacity];
        System.arraycopy(keys, 0, k, 0, size);
        System.arraycopy(values, 0, v, 0, size);
        keys = k;
        values = v;
    }

    void putAll(OwnAttributes other) {
        expect(size + other.size);
        for (int i = 0; i < other.size; i++) {
            put(other.keys[i], other.values[i]);
        }
    }

    private int indexOf(String key) {
        if ((lengths & 1L << key.length()) == 0) {
            return -1;
        }
        String[] k = keys;
        for (int i = 0; i < size; i++) {
            if (k[i] == key) {
                return i;
            }
        }
        int length = key.length();
        for (int i = 0; i < size; i++) {
            if (k[i].length() == length && k[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
