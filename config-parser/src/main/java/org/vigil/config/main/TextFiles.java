package org.vigil.config.main;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;

/** Reads config files as text, turning every I/O problem into a diagnostic instead of an exception. */
public final class TextFiles {

    private TextFiles() {
    }

    /** The file's text, or null (reported). Bytes that are not UTF-8 are read as ISO-8859-1, as C would. */
    public static String read(Path file, Diagnostics diags, String what) {
        SourceLocation where = new SourceLocation(file, 0);
        if (!Files.exists(file)) {
            diags.error(where, what + " does not exist (expected a readable file)");
            return null;
        }
        if (Files.isDirectory(file)) {
            diags.error(where, what + " is a directory (expected a file)");
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            diags.error(where, what + " cannot be read: " + describe(e) + " (expected a readable file)");
            return null;
        }
        for (byte b : bytes) {
            if (b == 0) {
                diags.error(where, what + " is binary, not text (expected a Nagios config file)");
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    public static List<String> readLines(Path file, Diagnostics diags, String what) {
        String text = read(file, diags, what);
        return text == null ? null : text.lines().toList();
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
