package org.vigil.checks.builtin.http;

/**
 * check_http's reading of a chunked body: hexadecimal sizes (strtol's, so leading blanks, a sign and {@code 0x} are
 * taken), extensions up to the CR, two bytes skipped after a size line and after a chunk, until a chunk of size 0.
 * Where the plugin would read past its buffer (a size larger than what is left, a body of no chunks, which it does
 * not survive) this gives null, which the caller reports as the plugin's "Failed to unchunk message body".
 */
final class Unchunk {

    private Unchunk() {
    }

    static String of(String content) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int i = at;
            while (i < content.length() && " \t\n\r\f\u000b".indexOf(content.charAt(i)) >= 0) {
                i++;
            }
            boolean negative = false;
            if (i < content.length() && (content.charAt(i) == '+' || content.charAt(i) == '-')) {
                negative = content.charAt(i) == '-';
                i++;
            }
            if (i + 2 < content.length() && content.charAt(i) == '0' && (content.charAt(i + 1) | 0x20) == 'x'
                    && Character.digit(content.charAt(i + 2), 16) >= 0) {
                i += 2;
            }
            int digitsStart = i;
            long size = 0;
            while (i < content.length() && Character.digit(content.charAt(i), 16) >= 0 && size < Integer.MAX_VALUE) {
                size = size * 16 + Character.digit(content.charAt(i), 16);
                i++;
            }
            if (i == digitsStart || negative) {
                return null;
            }
            if (i < content.length() && content.charAt(i) == ';') {
                while (i < content.length() && content.charAt(i) != '\r') {
                    i++;
                }
            }
            long start = (long) i + 2;
            if (size == 0) {
                return out.length() == 0 ? null : out.toString();
            }
            if (start + size > content.length()) {
                return null;
            }
            out.append(content, (int) start, (int) (start + size));
            at = (int) (start + size + 2);
            if (at > content.length()) {
                return null;
            }
        }
    }
}
