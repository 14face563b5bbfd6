package org.vigil.config.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects cache's encoding: variable-length integers, raw doubles, and strings written once each and then
 * named by number (a large config repeats the same command, period and contact names on every service).
 */
final class CacheOut {

    private byte[] buf = new byte[1 << 16];
    private int size;
    private final Map<String, Integer> strings = new HashMap<>();

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    void u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    /** A non-negative int in 1-5 bytes. */
    void uint(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative: " + v);
        }
        ulong(v);
    }

    /** Any int, zigzag-encoded so that small negative numbers stay short. */
    void sint(int v) {
        slong(v);
    }

    void slong(long v) {
        ulong((v << 1) ^ (v >> 63));
    }

    private void ulong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    void bool(boolean b) {
        u8(b ? 1 : 0);
    }

    void dbl(double d) {
        long bits = Double.doubleToRawLongBits(d);
        ensure(8);
        for (int i = 56; i >= 0; i -= 8) {
            buf[size++] = (byte) (bits >>> i);
        }
    }

    /** Null, a string seen before (by number), or a new one. */
    void str(String s) {
        if (s == null) {
            uint(0);
            return;
        }
        Integer seen = strings.get(s);
        if (seen != null) {
            uint(seen + 2);
            return;
        }
        strings.put(s, strings.size());
        uint(1);
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        uint(utf8.length);
        bytes(utf8);
    }

    /** A list of strings, nulls allowed. */
    void strs(List<String> list) {
        uint(list.size());
        for (String s : list) {
            str(s);
        }
    }

    /** A map of strings, in its iteration order. */
    void strMap(Map<String, String> map) {
        uint(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            str(e.getKey());
            str(e.getValue());
        }
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
