package org.vigil.worker.payload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The transport of a payload text as mod_gearman sends it on a Gearman queue ({@code mod_gm_encrypt} and
 * {@code mod_gm_decrypt} in {@code common/utils.c}, {@code common/gm_crypt.c}): with encryption, the text and its
 * terminating 0 byte, zero-padded as mod_gearman pads, AES-256-ECB with the {@link SharedKey}, then base64; without,
 * base64 of the text alone.
 */
public final class PayloadCodec {
    static final int BLOCK = 16;
    /** A decoded text must open with a key=value line, as mod_gearman's readers require one known key. */
    private static final Pattern FIRST_LINE = Pattern.compile("^[a-z_]+=[^\n]*");

    private static final byte[] CLEAR_START = "type=".getBytes(StandardCharsets.US_ASCII);

    private final Optional<SharedKey> key;
    private final boolean acceptClear;
    /**
     * Each thread's ciphers, set up once with the key: looking AES up among the providers and expanding the key for
     * every payload cost the central node more than the rest of the encryption (bench/gearman). A cipher is not
     * thread-safe; {@code doFinal} leaves it ready for the next payload.
     */
    private final ThreadLocal<Cipher[]> ciphers = ThreadLocal.withInitial(this::newCiphers);

    private PayloadCodec(Optional<SharedKey> key, boolean acceptClear) {
        this.key = key;
        this.acceptClear = acceptClear;
    }

    /** Encryption on ({@code encryption=yes}, mod_gearman's default): AES-256 with this key, then base64. */
    public static PayloadCodec encrypted(SharedKey key) {
        return new PayloadCodec(Optional.of(key), false);
    }

    /** Encryption off ({@code encryption=no}): base64 only. */
    public static PayloadCodec plain() {
        return new PayloadCodec(Optional.empty(), false);
    }

    /**
     * This codec, also reading unencrypted payloads whose text starts {@code type=} ({@code accept_clear_results=yes};
     * mod_gearman's {@code GM_ENCODE_ACCEPT_ALL}, as {@code neb_module_naemon/result_thread.c} uses it): encrypted
     * data decodes to that prefix only by chance, which is how mod_gearman tells them apart. Writing is unchanged.
     */
    public PayloadCodec acceptingClearText() {
        return new PayloadCodec(key, true);
    }

    /** Whether payloads are encrypted. */
    public boolean isEncrypted() {
        return key.isPresent();
    }

    /** The base64 text to put on the queue for this payload text (which cannot hold a 0 byte, C's terminator). */
    public String encode(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a mod_gearman payload cannot contain a 0 byte (C string)");
        }
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        byte[] body = key.isPresent() ? aes(Cipher.ENCRYPT_MODE, padded(raw)) : raw;
        return Base64.getEncoder().encodeToString(body);
    }

    /**
     * The zero-padded plaintext {@code mod_gm_aes_encrypt} (mod_gearman 5) enciphers: the text plus its 0 terminator
     * ({@code strlen + 1}), then {@code 16 - len % 16} zero bytes unless {@code 16 % len == 0}; so a length already a
     * multiple of 16 (above 16) gains a whole zero block, as mod_gearman's own test of {@code BLOCKSIZE % len} does.
     * (mod_gearman 4 and older padded {@code strlen} with 1 to 16 zeros: the same bytes except when
     * {@code strlen % 16 == 15}, where 5 adds one more zero block; either decrypts to the same text.) Lengths 1, 2, 4
     * and 8, too short for any payload and refused by OpenSSL in mod_gearman, are padded to one block.
     */
    static byte[] padded(byte[] text) {
        int len = text.length + 1;
        int zeros = BLOCK % len != 0 || len < BLOCK ? BLOCK - len % BLOCK : 0;
        byte[] out = new byte[len + zeros];
        System.arraycopy(text, 0, out, 0, text.length);
        return out;
    }

    /** The payload text from a queue's base64 workload, or why it cannot be read. */
    public String decode(String workload) throws PayloadException {
        byte[] bytes = base64(workload);
        String text;
        if (key.isPresent() && !(acceptClear && startsWithType(bytes))) {
            if (bytes.length == 0 || bytes.length % BLOCK != 0) {
                throw new PayloadException("encrypted payload is " + bytes.length
                        + " bytes, not a whole number of 16-byte AES blocks (is the sender's encryption off?)");
            }
            text = untilZero(aes(Cipher.DECRYPT_MODE, bytes));
        } else {
            text = untilZero(bytes);
        }
        if (!FIRST_LINE.matcher(text).lookingAt()) {
            throw new PayloadException(key.isPresent()
                    ? "payload does not decrypt to mod_gearman's key=value text: wrong key, or the sender does not encrypt"
                    : "payload is not mod_gearman's key=value text: is the sender encrypting? (encryption is off here)");
        }
        return text;
    }

    private static boolean startsWithType(byte[] bytes) {
        return bytes.length >= CLEAR_START.length
                && Arrays.equals(bytes, 0, CLEAR_START.length, CLEAR_START, 0, CLEAR_START.length);
    }

    /** Base64 as OpenSSL's {@code EVP_DecodeBlock} takes it, after mod_gearman's retry without newlines. */
    private static byte[] base64(String workload) throws PayloadException {
        String compact = workload.replace("\n", "").strip();
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new PayloadException("payload is not base64: " + e.getMessage());
        }
    }

    /** The C string in the buffer: everything before the first 0 byte. */
    private static String untilZero(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end);
        out.write(bytes, 0, end);
        return out.toString(StandardCharsets.UTF_8);
    }

    private byte[] aes(int mode, byte[] input) {
        try {
            return ciphers.get()[mode == Cipher.ENCRYPT_MODE ? 0 : 1].doFinal(input);
        } catch (GeneralSecurityException e) {
            // the input is whole blocks
            throw new IllegalStateException("AES-256-ECB failed: " + e.getMessage(), e);
        }
    }

    /** An encrypting and a decrypting AES-256-ECB cipher with the key, for one thread. */
    private Cipher[] newCiphers() {
        try {
            SecretKeySpec spec = new SecretKeySpec(key.orElseThrow().bytes(), "AES");
            Cipher encrypt = Cipher.getInstance("AES/ECB/NoPadding");
            encrypt.init(Cipher.ENCRYPT_MODE, spec);
            Cipher decrypt = Cipher.getInstance("AES/ECB/NoPadding");
            decrypt.init(Cipher.DECRYPT_MODE, spec);
            return new Cipher[] {encrypt, decrypt};
        } catch (GeneralSecurityException e) {
            // AES-256/ECB/NoPadding is in every Java 17 runtime
            throw new IllegalStateException("AES-256-ECB unavailable: " + e.getMessage(), e);
        }
    }
}
