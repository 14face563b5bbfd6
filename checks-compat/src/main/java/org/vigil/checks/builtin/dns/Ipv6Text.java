package org.vigil.checks.builtin.dns;

/** An IPv6 address as dig prints it (RFC 5952: the longest run of two or more zero groups as {@code ::}). */
final class Ipv6Text {

    private static final int GROUPS = 8;

    private Ipv6Text() {
    }

    static String of(byte[] b, int offset) {
        int[] g = new int[GROUPS];
        for (int i = 0; i < GROUPS; i++) {
            g[i] = ((b[offset + 2 * i] & 0xFF) << 8) | (b[offset + 2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < GROUPS; i++) {
            int j = i;
            while (j < GROUPS && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }
}
