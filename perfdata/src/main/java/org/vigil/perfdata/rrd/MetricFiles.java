package org.vigil.perfdata.rrd;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a metric's files are: {@code DIR/HOST/SERVICE/LABEL.rrd} and its thresholds beside it in
 * {@code LABEL.meta}, with {@code _HOST_} for the host check (as PNP4Nagios names it). Each name is kept readable:
 * letters, digits, {@code - _ .} stay, every other byte of its UTF-8 becomes {@code %XX} (so {@code /}, blanks and
 * {@code :} never reach the file system, and two names never share a file); a leading {@code _} or {@code .} is
 * encoded too, so no service is named {@code _HOST_} on disk and no name is {@code .} or {@code ..}. A name longer
 * than {@link #MAX_SEGMENT} is cut and ends in {@code ~} and a hash of the whole name ({@code ~} is otherwise
 * encoded), since file names stop at 255 bytes.
 */
public final class MetricFiles {

    /** The directory of host check metrics. */
    static final String HOST_DIR = "_HOST_";

    /** The longest segment written; longer ones are cut and hashed. */
    static final int MAX_SEGMENT = 120;

    private final Path root;

    public MetricFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The directory of one host's or service's metrics. */
    Path dir(String host, String service) {
        return root.resolve(segment(host)).resolve(service == null ? HOST_DIR : segment(service));
    }

    /** The round-robin file of {@code key}. */
    Path rrd(MetricKey key) {
        return dir(key.host(), key.service()).resolve(segment(key.label()) + ".rrd");
    }

    /** The thresholds and names of {@code key}, beside its round-robin file. */
    Path meta(MetricKey key) {
        return dir(key.host(), key.service()).resolve(segment(key.label()) + ".meta");
    }

    /** {@code name} as one file name segment (see the class comment). */
    static String segment(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || (i > 0 && (c == '_' || c == '.'));
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        if (out.length() == 0) {
            return "%";
        }
        if (out.length() <= MAX_SEGMENT) {
            return out.toString();
        }
        int cut = MAX_SEGMENT - 18;
        while (cut > 0 && (out.charAt(cut - 1) == '%' || (cut > 1 && out.charAt(cut - 2) == '%'))) {
            cut--; // never in the middle of a %XX
        }
        return out.substring(0, cut) + "~" + hash(name);
    }

    private static String hash(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
