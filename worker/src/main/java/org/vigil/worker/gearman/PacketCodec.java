package org.vigil.worker.gearman;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gearman's binary framing: a 4-byte magic ({@code \0REQ} or {@code \0RES}), a 4-byte big-endian type, a 4-byte
 * big-endian length, then the arguments separated by NUL bytes; the last argument runs to the end and may hold NULs.
 */
public final class PacketCodec {

    /** The largest packet body read; larger lengths are taken as a malformed packet. */
    public static final int MAX_BODY = 64 * 1024 * 1024;

    private static final byte[] REQ = {0, 'R', 'E', 'Q'};
    private static final byte[] RES = {0, 'R', 'E', 'S'};
    private static final int HEADER = 12;

    private PacketCodec() {
    }

    /** The packet's bytes on the wire. */
    public static byte[] encode(Packet packet) {
        int size = 0;
        List<byte[]> arguments = packet.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            byte[] argument = arguments.get(i);
            if (i < arguments.size() - 1 && indexOfNul(argument) >= 0) {
                throw new IllegalArgumentException(packet.type() + " argument " + (i + 1) + " may not contain NUL");
            }
            size += argument.length + (i < arguments.size() - 1 ? 1 : 0);
        }
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + size);
        buffer.put(packet.request() ? REQ : RES).putInt(packet.type().code()).putInt(size);
        for (int i = 0; i < arguments.size(); i++) {
            buffer.put(arguments.get(i));
            if (i < arguments.size() - 1) {
                buffer.put((byte) 0);
            }
        }
        return buffer.array();
    }

    /**
     * Reads one packet.
     *
     * @throws EOFException              when the stream ends before a packet starts
     * @throws GearmanProtocolException  when the bytes are not a Gearman packet
     */
    public static Packet read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[4];
        int first = data.read();
        if (first < 0) {
            throw new EOFException("connection closed");
        }
        magic[0] = (byte) first;
        readFully(data, magic, 1, 3, "the packet header");
        boolean request;
        if (Arrays.equals(magic, REQ)) {
            request = true;
        } else if (Arrays.equals(magic, RES)) {
            request = false;
        } else {
            throw new GearmanProtocolException("malformed packet: magic " + printable(magic)
                    + " is neither \\0REQ nor \\0RES");
        }
        byte[] numbers = new byte[8];
        readFully(data, numbers, 0, 8, "the packet header");
        ByteBuffer header = ByteBuffer.wrap(numbers);
        int code = header.getInt();
        long length = Integer.toUnsignedLong(header.getInt());
        PacketType type = PacketType.of(code).orElseThrow(
                () -> new GearmanProtocolException("malformed packet: unknown packet type " + code));
        if (length > MAX_BODY) {
            throw new GearmanProtocolException("malformed packet: " + type + " claims " + length
                    + " bytes, more than the " + MAX_BODY + " allowed");
        }
        byte[] body = new byte[(int) length];
        readFully(data, body, 0, body.length, type + "'s " + length + " bytes");
        return new Packet(request, type, split(type, body));
    }

    private static List<byte[]> split(PacketType type, byte[] body) {
        int count = type.argumentCount();
        List<byte[]> arguments = new ArrayList<>(count);
        if (count == 0) {
            if (body.length != 0) {
                throw new GearmanProtocolException("malformed packet: " + type + " takes no arguments but has "
                        + body.length + " bytes");
            }
            return arguments;
        }
        int start = 0;
        for (int i = 0; i < count - 1; i++) {
            int end = start;
            while (end < body.length && body[end] != 0) {
                end++;
            }
            if (end == body.length) {
                throw new GearmanProtocolException("malformed packet: " + type + " needs " + count
                        + " arguments, found " + (i + 1));
            }
            arguments.add(Arrays.copyOfRange(body, start, end));
            start = end + 1;
        }
        arguments.add(Arrays.copyOfRange(body, start, body.length));
        return arguments;
    }

    private static void readFully(DataInputStream in, byte[] into, int offset, int length, String what)
            throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(into, offset + done, length - done);
            if (n < 0) {
                throw new GearmanProtocolException("malformed packet: connection closed in " + what + " after "
                        + done + " of " + length + " bytes");
            }
            done += n;
        }
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
        }
        return text.toString();
    }
}
