package org.vigil.worker.gearman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PacketCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesSubmitJobBackgroundAsTheProtocolLaysItOut() {
        Packet packet = Packet.request(PacketType.SUBMIT_JOB_BG, bytes("service"), bytes(""), bytes("x"));

        // \0REQ, type 18, length 10, "service" NUL "" NUL "x"
        assertThat(HEX.formatHex(PacketCodec.encode(packet)))
                .isEqualTo("00524551" + "00000012" + "0000000a" + HEX.formatHex(bytes("service")) + "00" + "00"
                        + "78");
    }

    @Test
    void readsAResponseWhoseLastArgumentHoldsNulBytes() throws IOException {
        byte[] data = {'a', 0, 'b', 0, (byte) 0xff};
        byte[] wire = PacketCodec.encode(Packet.response(PacketType.JOB_ASSIGN_UNIQ, bytes("H:host:1"),
                bytes("service"), bytes("u1"), data));

        Packet read = PacketCodec.read(new ByteArrayInputStream(wire));

        assertThat(read.request()).isFalse();
        assertThat(read.type()).isEqualTo(PacketType.JOB_ASSIGN_UNIQ);
        assertThat(read.text(0)).isEqualTo("H:host:1");
        assertThat(read.text(2)).isEqualTo("u1");
        assertThat(read.argument(3)).containsExactly(data);
    }

    @Test
    void readsPacketsWithoutArguments() throws IOException {
        Packet read = PacketCodec.read(new ByteArrayInputStream(HEX.parseHex("00524553" + "00000006" + "00000000")));

        assertThat(read.type()).isEqualTo(PacketType.NOOP);
        assertThat(read.arguments()).isEmpty();
    }

    @Test
    void anEmptyStreamIsAClosedConnection() {
        assertThatThrownBy(() -> PacketCodec.read(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void rejectsMalformedPacketsWithTheReason() {
        assertMalformed("48545450" + "00000006" + "00000000", "malformed packet: magic HTTP is neither \\0REQ nor \\0RES");
        assertMalformed("00524553" + "000000ff" + "00000000", "malformed packet: unknown packet type 255");
        assertMalformed("00524553" + "00000008" + "7fffffff",
                "malformed packet: JOB_CREATED claims 2147483647 bytes, more than the 67108864 allowed");
        assertMalformed("00524553" + "00000008" + "00000004" + "4142",
                "malformed packet: connection closed in JOB_CREATED's 4 bytes after 2 of 4 bytes");
        assertMalformed("00524553" + "0000000b" + "00000003" + "480041",
                "malformed packet: JOB_ASSIGN needs 3 arguments, found 2");
        assertMalformed("00524553" + "0000000a" + "00000001" + "41",
                "malformed packet: NO_JOB takes no arguments but has 1 bytes");
        assertMalformed("005245", "malformed packet: connection closed in the packet header after 2 of 3 bytes");
    }

    @Test
    void refusesNulInsideAnArgumentThatIsNotTheLast() {
        assertThatThrownBy(() -> PacketCodec.encode(Packet.request(PacketType.SUBMIT_JOB_BG, bytes("a\0b"),
                bytes(""), bytes("x"))))
                .hasMessage("SUBMIT_JOB_BG argument 1 may not contain NUL");
    }

    private static void assertMalformed(String hex, String message) {
        assertThatThrownBy(() -> PacketCodec.read(new ByteArrayInputStream(HEX.parseHex(hex))))
                .isInstanceOf(GearmanProtocolException.class)
                .hasMessage(message);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
