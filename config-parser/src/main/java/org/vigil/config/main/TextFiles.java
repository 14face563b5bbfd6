package org.vigil.config.main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;

/**
 * Reads config files as text, turning every I/O problem into a diagnostic instead of an exception. No read is
 * unbounded: a file is read in chunks and refused as soon as it passes its kind's limit or shows a NUL byte, so
 * {@code resource_file=/dev/zero} or a runaway generated file is an error naming the file, not a full heap.
 */
public final class TextFiles {

    /** The largest object config file (100,000 services take about 30 MiB). */
    public static final long MAX_OBJECT_FILE_BYTES = 128L << 20;
    /** The largest main config file. */
    public static final long MAX_MAIN_FILE_BYTES = 16L << 20;
    /** The largest resource file (at most 256 {@code $USERn$} lines). */
    public static final long MAX_RESOURCE_FILE_BYTES = 1L << 20;
    private static final int CHUNK = 64 << 10;

    private TextFiles() {
    }

    /** The file's text, or null (reported); at most {@link #MAX_OBJECT_FILE_BYTES}. */
    public static String read(Path file, Diagnostics diags, String what) {
        return read(file, diags, what, MAX_OBJECT_FILE_BYTES);
    }

    /**
     * The file's text, or null (reported) when it cannot be read, is binary or has more than {@code maxBytes}.
     * Bytes that are not UTF-8 are read as ISO-8859-1, as C would.
     */
    public static String read(Path file, Diagnostics diags, String what, long maxBytes) {
        Text text = readText(file, diags, what, maxBytes);
        return text == null ? null : text.text();
    }

    /**
     * A file's text with the size and CRC-32 of the bytes it was decoded from: what the objects cache compares a
     * file with at the next start ({@code org.vigil.config.cache}).
     */
    public record Text(String text, long size, long crc) {
    }

    /** {@link #read(Path, Diagnostics, String, long)}, with the size and checksum of what was read. */
    public static Text readText(Path file, Diagnostics diags, String what, long maxBytes) {
        SourceLocation where = new SourceLocation(file, 0);
        if (!Files.exists(file)) {
            diags.error(where, what + " does not exist (expected a readable file)");
            return null;
        }
        if (Files.isDirectory(file)) {
            diags.error(where, what + " is a directory (expected a file)");
            return null;
        }
        if (isPipe(file)) {
            diags.error(where, what + " is a named pipe (expected a file: reading it would wait for a writer)");
            return null;
        }
        byte[] bytes;
        try {
            bytes = readBounded(file, maxBytes);
        } catch (TooLarge e) {
            diags.error(where, what + " is larger than " + size(maxBytes) + " (expected a Nagios config file; "
                    + "is it the right file?)");
            return null;
        } catch (Binary e) {
            diags.error(where, what + " is binary, not text (expected a Nagios config file)");
            return null;
        } catch (IOException | SecurityException e) {
            diags.error(where, what + " cannot be read: " + describe(e) + " (expected a readable file)");
            return null;
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return new Text(decode(bytes), bytes.length, crc.getValue());
    }

    private static String decode(byte[] bytes) {
        if (ascii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // one copy, not a char buffer and a copy of it
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    public static List<String> readLines(Path file, Diagnostics diags, String what) {
        return readLines(file, diags, what, MAX_OBJECT_FILE_BYTES);
    }

    public static List<String> readLines(Path file, Diagnostics diags, String what, long maxBytes) {
        String text = read(file, diags, what, maxBytes);
        return text == null ? null : text.lines().toList();
    }

    /** "16 MiB", "1 MiB", or the bytes when not a whole number of MiB. */
    static String size(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    private static byte[] readBounded(Path file, long maxBytes) throws IOException {
        // sized for the file as it is now (it may still change while read): no copies while the buffer grows
        long expected;
        try {
            expected = Math.min(Files.size(file), maxBytes) + 1;
        } catch (IOException e) {
            expected = CHUNK;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(32, Math.min(expected, 1 << 26)));
        byte[] chunk = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == 0) {
                        throw new Binary();
                    }
                }
                if (out.size() + (long) n > maxBytes) {
                    throw new TooLarge();
                }
                out.write(chunk, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static boolean isPipe(Path file) {
        try {
            return !Files.isRegularFile(file) && ((Integer) Files.getAttribute(file, "unix:mode") & 0170000) == 0010000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static final class Binary extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
