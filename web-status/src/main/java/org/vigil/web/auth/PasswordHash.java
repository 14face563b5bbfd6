package org.vigil.web.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords stored as PBKDF2-HMAC-SHA256 hashes ({@code pbkdf2-sha256:ITERATIONS:SALT:HASH}, Base64), as
 * {@code vigil hash-password} prints them for {@code vigil.yml}. The JDK has PBKDF2 built in, so no extra library.
 */
public final class PasswordHash {

    private static final String PREFIX = "pbkdf2-sha256";
    /** The iterations of a new hash. */
    static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** A new salted hash of {@code password}. */
    public static String hash(String password) {
        return hash(password, ITERATIONS);
    }

    /**
     * A new salted hash of {@code password} with {@code iterations}: the dummy as costly as the users' hashes, and
     * cheap hashes for tests that need many password checks.
     */
    public static String hash(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + ":" + iterations + ":" + b64(salt) + ":" + b64(derive(password, salt, iterations));
    }

    /** The iterations of a stored hash; {@link #ITERATIONS} if it is not one. */
    static int iterations(String stored) {
        return isHash(stored) ? Integer.parseInt(stored.split(":")[1]) : ITERATIONS;
    }

    /** Whether {@code stored} has the shape {@link #hash} writes. */
    public static boolean isHash(String stored) {
        String[] p = stored == null ? new String[0] : stored.split(":");
        if (p.length != 4 || !p[0].equals(PREFIX)) {
            return false;
        }
        try {
            return Integer.parseInt(p[1]) > 0 && Base64.getDecoder().decode(p[2]).length > 0
                    && Base64.getDecoder().decode(p[3]).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code password} matches {@code stored}, compared in constant time. */
    public static boolean verify(String password, String stored) {
        if (!isHash(stored)) {
            return false;
        }
        String[] p = stored.split(":");
        byte[] salt = Base64.getDecoder().decode(p[2]);
        byte[] expected = Base64.getDecoder().decode(p[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(p[1])));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }
}
