package org.vigil.checks.builtin.dns;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A DNS message as a client sees it: the query it sends (RFC 1035 with an EDNS0 OPT record, as dig sends) and the
 * response it reads, with its sections' records kept with the message so that compressed names in their data can
 * be read.
 *
 * @param bytes the whole message as received
 * @param id the message id
 * @param flags the header's second 16 bits (QR, opcode, AA, TC, RD, RA, Z, AD, CD, RCODE)
 * @param answer the answer section's records
 * @param authority the authority section's records
 * @param additional the additional section's records, the OPT pseudo-record left out as dig leaves it out there
 */
public record DnsMessage(byte[] bytes, int id, int flags, List<DnsRecord> answer, List<DnsRecord> authority,
                         List<DnsRecord> additional) {

    static final int TYPE_OPT = 41;
    private static final int FLAG_TC = 0x0200;
    /** The EDNS0 UDP payload size dig 9.18 announces. */
    private static final int EDNS_UDP_SIZE = 1232;

    /** Whether the server truncated its answer (TC). */
    public boolean truncated() {
        return (flags & FLAG_TC) != 0;
    }

    /** The response code (NOERROR 0, SERVFAIL 2, NXDOMAIN 3...). */
    public int rcode() {
        return flags & 0xF;
    }

    /** A recursive query for {@code name} and {@code type} with an EDNS0 OPT record, as dig sends it. */
    public static byte[] query(int id, String name, int type) {
        ByteBuffer b = ByteBuffer.allocate(512);
        b.putShort((short) id).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0).putShort((short) 0)
                .putShort((short) 1);
        DnsNames.write(name, b);
        b.putShort((short) type).putShort((short) 1);
        b.put((byte) 0).putShort((short) TYPE_OPT).putShort((short) EDNS_UDP_SIZE).putInt(0).putShort((short) 0);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /** Reads a response; a message too short or malformed gives {@link IllegalArgumentException}. */
    public static DnsMessage parse(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int id = b.getShort() & 0xFFFF;
            int flags = b.getShort() & 0xFFFF;
            int qd = b.getShort() & 0xFFFF;
            int an = b.getShort() & 0xFFFF;
            int ns = b.getShort() & 0xFFFF;
            int ar = b.getShort() & 0xFFFF;
            for (int i = 0; i < qd; i++) {
                DnsNames.read(bytes, b);
                b.getInt();
            }
            List<DnsRecord> answer = records(bytes, b, an);
            List<DnsRecord> authority = records(bytes, b, ns);
            List<DnsRecord> additional = new ArrayList<>(records(bytes, b, ar));
            additional.removeIf(r -> r.type() == TYPE_OPT);
            return new DnsMessage(bytes, id, flags, answer, authority, List.copyOf(additional));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed DNS message: " + e, e);
        }
    }

    private static List<DnsRecord> records(byte[] bytes, ByteBuffer b, int count) {
        List<DnsRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = DnsNames.read(bytes, b);
            int type = b.getShort() & 0xFFFF;
            int klass = b.getShort() & 0xFFFF;
            long ttl = b.getInt() & 0xFFFFFFFFL;
            int length = b.getShort() & 0xFFFF;
            int offset = b.position();
            if (offset + length > bytes.length) {
                throw new IllegalArgumentException("record data past the message's end");
            }
            b.position(offset + length);
            out.add(new DnsRecord(name, type, klass, ttl, offset, length));
        }
        return List.copyOf(out);
    }
}
