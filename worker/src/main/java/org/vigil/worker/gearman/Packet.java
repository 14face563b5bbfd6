package org.vigil.worker.gearman;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One Gearman binary packet: a request ({@code \0REQ}) or a response ({@code \0RES}), its type and its arguments as
 * raw bytes.
 *
 * @param request   true for {@code \0REQ}, false for {@code \0RES}
 * @param type      the packet type
 * @param arguments exactly {@code type.argumentCount()} arguments
 */
public record Packet(boolean request, PacketType type, List<byte[]> arguments) {

    public Packet {
        arguments = List.copyOf(arguments);
        if (arguments.size() != type.argumentCount()) {
            throw new IllegalArgumentException(type + " takes " + type.argumentCount() + " arguments, not "
                    + arguments.size());
        }
    }

    /** A request packet. */
    public static Packet request(PacketType type, byte[]... arguments) {
        return new Packet(true, type, List.of(arguments));
    }

    /** A response packet. */
    public static Packet response(PacketType type, byte[]... arguments) {
        return new Packet(false, type, List.of(arguments));
    }

    /** The argument at {@code index}. */
    public byte[] argument(int index) {
        return arguments.get(index);
    }

    /** The argument at {@code index} read as UTF-8 text. */
    public String text(int index) {
        return new String(arguments.get(index), StandardCharsets.UTF_8);
    }
}
