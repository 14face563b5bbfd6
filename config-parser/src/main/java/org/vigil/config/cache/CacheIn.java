package org.vigil.config.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@link CacheOut} wrote. Every read is bounds-checked: a damaged file throws
 * {@link CacheFormatException}, never an index error from deep inside, and never allocates more than the file holds.
 */
final class CacheIn {

    private final byte[] buf;
    private int pos;
    private final int end;
    private final List<String> strings = new ArrayList<>();
    private final Map<String, Path> paths = new HashMap<>();

    CacheIn(byte[] buf, int from, int end) {
        this.buf = buf;
        this.pos = from;
        this.end = end;
    }

    boolean startsWith(byte[] magic) {
        if (end - pos < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (buf[pos + i] != magic[i]) {
                return false;
            }
        }
        pos += magic.length;
        return true;
    }

    int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    int uint() {
        long v = ulong();
        if (v > Integer.MAX_VALUE) {
            throw new CacheFormatException("a count out of range at byte " + pos);
        }
        return (int) v;
    }

    /** A count of items that each take at least one byte: never more than the bytes left. */
    int count() {
        int n = uint();
        if (n > end - pos) {
            throw new CacheFormatException("a count of " + n + " with " + (end - pos) + " bytes left");
        }
        return n;
    }

    int sint() {
        long v = slong();
        if (v != (int) v) {
            throw new CacheFormatException("a number out of range at byte " + pos);
        }
        return (int) v;
    }

    long slong() {
        long v = ulong();
        return (v >>> 1) ^ -(v & 1);
    }

    private long ulong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new CacheFormatException("a number longer than 10 bytes at byte " + pos);
    }

    boolean bool() {
        int b = u8();
        if (b > 1) {
            throw new CacheFormatException("a flag of " + b + " at byte " + (pos - 1));
        }
        return b == 1;
    }

    double dbl() {
        need(8);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (buf[pos++] & 0xFF);
        }
        return Double.longBitsToDouble(bits);
    }

    String str() {
        int tag = uint();
        if (tag == 0) {
            return null;
        }
        if (tag == 1) {
            int n = uint();
            need(n);
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            strings.add(s);
            return s;
        }
        int index = tag - 2;
        if (index >= strings.size()) {
            throw new CacheFormatException("string #" + index + " named before it was written");
        }
        return strings.get(index);
    }

    /** A string that must be there. */
    String name() {
        String s = str();
        if (s == null) {
            throw new CacheFormatException("a missing name at byte " + pos);
        }
        return s;
    }

    /** A path, the same instance for the same text (every object of one file shares it). */
    Path path() {
        String s = str();
        return s == null ? null : paths.computeIfAbsent(s, Path::of);
    }

    List<String> strs() {
        int n = count();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(str());
        }
        return Collections.unmodifiableList(list);
    }

    Map<String, String> strMap() {
        int n = count();
        Map<String, String> map = new LinkedHashMap<>(n * 4 / 3 + 1);
        for (int i = 0; i < n; i++) {
            map.put(name(), name());
        }
        return map;
    }

    boolean atEnd() {
        return pos == end;
    }

    private void need(int n) {
        if (n < 0 || n > end - pos) {
            throw new CacheFormatException("the file ends inside a value at byte " + pos);
        }
    }
}
