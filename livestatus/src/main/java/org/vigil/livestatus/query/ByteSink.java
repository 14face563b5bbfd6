package org.vigil.livestatus.query;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growing byte buffer an answer is written into: text as UTF-8, separators as the raw bytes asked for. */
final class ByteSink {

    private byte[] bytes = new byte[1024];
    private int size;

    void raw(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    /** {@code s}, which must be ASCII (numbers, punctuation). */
    void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
    }

    void ascii(char c) {
        raw((byte) c);
    }

    void utf8(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            ascii(s);
        } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
