package org.vigil.checks.builtin.dns;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;

/**
 * A record as one line of dig's answer section: owner, TTL, class, type and data separated by tabs, each field
 * starting at dig's column (24, 32, 40, 48) or one tab after the previous field when that is past it. check_dig
 * prints the line it matched with each tab made one space, so the number of tabs shows in its output.
 */
final class DigRecordFormat {

    private static final int[] COLUMNS = {24, 32, 40, 48};
    private static final int TAB = 8;

    /** The types whose data Vigil prints as dig does, by code; others print in RFC 3597's generic form. */
    static final Map<Integer, String> TYPES = Map.of(1, "A", 2, "NS", 5, "CNAME", 6, "SOA", 12, "PTR", 15, "MX",
            16, "TXT", 28, "AAAA");

    private DigRecordFormat() {
    }

    static String line(DnsMessage m, DnsRecord r) {
        String[] fields = {Long.toString(r.ttl()), klass(r.klass()), type(r.type()), data(m, r)};
        StringBuilder out = new StringBuilder(r.name());
        int column = r.name().length();
        for (int i = 0; i < COLUMNS.length; i++) {
            do {
                out.append('\t');
                column = (column / TAB + 1) * TAB;
            } while (column < COLUMNS[i]);
            out.append(fields[i]);
            column += fields[i].length();
        }
        return out.toString();
    }

    static String klass(int klass) {
        return klass == 1 ? "IN" : "CLASS" + klass;
    }

    static String type(int type) {
        return TYPES.getOrDefault(type, "TYPE" + type);
    }

    private static String data(DnsMessage m, DnsRecord r) {
        byte[] b = m.bytes();
        ByteBuffer in = ByteBuffer.wrap(b);
        in.position(r.offset());
        switch (TYPES.containsKey(r.type()) && r.klass() == 1 ? r.type() : -1) {
            case 1:
                return r.length() == 4 ? (b[r.offset()] & 0xFF) + "." + (b[r.offset() + 1] & 0xFF) + "."
                        + (b[r.offset() + 2] & 0xFF) + "." + (b[r.offset() + 3] & 0xFF) : generic(b, r);
            case 28:
                return r.length() == 16 ? Ipv6Text.of(b, r.offset()) : generic(b, r);
            case 2:
            case 5:
            case 12:
                return DnsNames.read(b, in);
            case 15:
                int preference = in.getShort() & 0xFFFF;
                return preference + " " + DnsNames.read(b, in);
            case 6:
                String mname = DnsNames.read(b, in);
                String rname = DnsNames.read(b, in);
                StringBuilder soa = new StringBuilder(mname).append(' ').append(rname);
                for (int i = 0; i < 5; i++) {
                    soa.append(' ').append(in.getInt() & 0xFFFFFFFFL);
                }
                return soa.toString();
            case 16:
                return txt(b, r);
            default:
                return generic(b, r);
        }
    }

    /** TXT: each string quoted, {@code "} and {@code \} after a backslash, the unprintable as {@code \DDD}. */
    private static String txt(byte[] b, DnsRecord r) {
        StringBuilder out = new StringBuilder();
        int at = r.offset();
        int end = r.offset() + r.length();
        while (at < end) {
            int len = b[at] & 0xFF;
            out.append(out.length() == 0 ? "\"" : " \"");
            for (int i = at + 1; i <= at + len && i < end; i++) {
                int c = b[i] & 0xFF;
                if (c == '"' || c == '\\') {
                    out.append('\\').append((char) c);
                } else if (c < 0x20 || c >= 0x7F) {
                    out.append('\\').append(String.format("%03d", c));
                } else {
                    out.append((char) c);
                }
            }
            out.append('"');
            at += len + 1;
        }
        return out.toString();
    }

    private static String generic(byte[] b, DnsRecord r) {
        String hex = HexFormat.of().withUpperCase().formatHex(b, r.offset(), r.offset() + r.length());
        return "\\# " + r.length() + (hex.isEmpty() ? "" : " " + hex);
    }
}
