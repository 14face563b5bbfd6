package org.vigil.checks.macro;

import java.nio.charset.StandardCharsets;

/** The two ways Nagios alters a macro value on substitution: stripping illegal characters, URL encoding. */
final class MacroText {

    private final boolean[] illegal = new boolean[128];

    /** @param illegalChars the {@code illegal_macro_output_chars} setting; control characters are always illegal */
    MacroText(String illegalChars) {
        for (int c = 0; c < 32; c++) {
            illegal[c] = true;
        }
        illegal[127] = true;
        if (illegalChars != null) {
            for (char c : illegalChars.toCharArray()) {
                if (c < 128) {
                    illegal[c] = true;
                }
            }
        }
    }

    String strip(String value) {
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean bad = c < 128 && illegal[c];
            if (bad && sb == null) {
                sb = new StringBuilder(value.length()).append(value, 0, i);
            } else if (!bad && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? value : sb.toString();
    }

    /** Nagios's URL encoding: everything but letters, digits and {@code . - _ ~} as {@code %XX} of its bytes. */
    static String urlEncode(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '-'
                    || c == '_' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
