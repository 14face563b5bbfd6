package org.vigil.checks.builtin.dns;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Domain names between wire form (labels, compression pointers) and dig's presentation form. */
final class DnsNames {

    private static final int MAX_POINTERS = 64;

    private DnsNames() {
    }

    /** Writes {@code name} (dots between labels, a final dot optional) as labels. */
    static void write(String name, ByteBuffer b) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (!n.isEmpty()) {
            for (String label : n.split("\\.", -1)) {
                byte[] l = label.getBytes(StandardCharsets.US_ASCII);
                b.put((byte) l.length).put(l);
            }
        }
        b.put((byte) 0);
    }

    /** Reads the name at {@code b}'s position, following pointers into {@code message}; moves {@code b} past it. */
    static String read(byte[] message, ByteBuffer b) {
        StringBuilder out = new StringBuilder();
        int at = b.position();
        int end = -1;
        for (int jumps = 0; ; ) {
            int len = message[at] & 0xFF;
            if ((len & 0xC0) == 0xC0) {
                if (++jumps > MAX_POINTERS) {
                    throw new IllegalArgumentException("a compression loop");
                }
                if (end < 0) {
                    end = at + 2;
                }
                at = ((len & 0x3F) << 8) | (message[at + 1] & 0xFF);
                continue;
            }
            if (len == 0) {
                if (end < 0) {
                    end = at + 1;
                }
                break;
            }
            appendLabel(message, at + 1, len, out);
            out.append('.');
            at += len + 1;
        }
        b.position(end);
        return out.length() == 0 ? "." : out.toString();
    }

    /** A label as dig prints it: special characters after a backslash, the unprintable as {@code \DDD}. */
    private static void appendLabel(byte[] message, int from, int len, StringBuilder out) {
        for (int i = from; i < from + len; i++) {
            int c = message[i] & 0xFF;
            if (".;\\()@$\"".indexOf(c) >= 0) {
                out.append('\\').append((char) c);
            } else if (c <= 0x20 || c >= 0x7F) {
                out.append('\\').append(String.format("%03d", c));
            } else {
                out.append((char) c);
            }
        }
    }
}
