package org.vigil.checks.output;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a plugin's bytes into text. Nagios treats output as a C string, so everything from the first NUL byte on is
 * lost; we do the same. Nagios keeps other bytes as they are; we decode UTF-8 and, where a byte is not valid UTF-8,
 * take it as ISO-8859-1 (so {@code caf\xe9} from a Latin-1 plugin reads "café" rather than a replacement character).
 */
public final class OutputDecoder {

    private OutputDecoder() {
    }

    public static String decode(byte[] bytes, int length) {
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, end);
        try {
            return utf8.decode(in).toString();
        } catch (CharacterCodingException e) {
            return decodeMixed(utf8.reset(), ByteBuffer.wrap(bytes, 0, end));
        }
    }

    public static String decode(byte[] bytes) {
        return decode(bytes, bytes.length);
    }

    private static String decodeMixed(CharsetDecoder utf8, ByteBuffer in) {
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        while (true) {
            CoderResult r = utf8.decode(in, out, true);
            if (r.isUnderflow()) {
                utf8.flush(out);
                break;
            }
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    out.put((char) (in.get() & 0xff));
                }
            }
        }
        out.flip();
        return out.toString();
    }
}
