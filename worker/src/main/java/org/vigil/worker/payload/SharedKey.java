package org.vigil.worker.payload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * mod_gearman's shared AES-256 key: the password's first 32 bytes, zero-filled to 32, as {@code mod_gm_aes_init} in
 * {@code common/gm_crypt.c} copies it (a password byte of 0 ends the copy; a longer password is cut at 32).
 */
public final class SharedKey {
    static final int KEY_BYTES = 32;
    private final byte[] bytes;

    private SharedKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The key from a {@code key=} (or {@code password=}) value. */
    public static SharedKey fromPassword(String password) {
        return fromBytes(password.getBytes(StandardCharsets.UTF_8));
    }

    private static SharedKey fromBytes(byte[] raw) {
        byte[] key = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES && i < raw.length && raw[i] != 0; i++) {
            key[i] = raw[i];
        }
        return new SharedKey(key);
    }

    /**
     * The key from a {@code keyfile=}: as {@code read_keyfile} in {@code common/utils.c}, the first line's first 32
     * bytes ({@code fgets(buf, 33, fp)}), trailing whitespace removed ({@code rtrim}).
     */
    public static SharedKey fromKeyFile(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(KEY_BYTES);
        }
        int end = 0;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        if (end < head.length) {
            end++; // fgets keeps the newline; rtrim removes it with the other trailing whitespace
        }
        while (end > 0 && isCSpace(head[end - 1])) {
            end--;
        }
        if (end == 0) {
            throw new IOException(file + ": key file is empty (mod_gearman reads the key from its first line)");
        }
        return fromBytes(Arrays.copyOf(head, end));
    }

    private static boolean isCSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == '\f';
    }

    /** The 32 key bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SharedKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SharedKey[32 bytes, not shown]";
    }
}
