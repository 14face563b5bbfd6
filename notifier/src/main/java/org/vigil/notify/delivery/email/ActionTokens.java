package org.vigil.notify.delivery.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks {@link ActionToken}s: {@code base64url(fields) "." base64url(HMAC-SHA256(secret, fields))},
 * URL-safe without escaping. The fields are newline-separated (no Nagios object name holds a newline), preceded by
 * a version. A token is checked whole before any field is believed: its length, its signature (compared in
 * constant time), then its fields and expiry.
 */
public final class ActionTokens {

    /** The longest token read; anything longer is malformed without being decoded. */
    public static final int MAX_CHARS = 2048;
    private static final String VERSION = "v1";
    private static final int FIELDS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    ActionTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Why a token was refused, or that it is good. */
    public enum Status {
        VALID, MALFORMED, BAD_SIGNATURE, EXPIRED
    }

    /** The outcome of {@link #verify}: the token's claims when its signature is good (even if expired). */
    public record Checked(Status status, ActionToken token) {
        public boolean valid() {
            return status == Status.VALID;
        }
    }

    /** A fresh token id: 16 random bytes. */
    public static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return ENCODE.encodeToString(b);
    }

    /** The signed, URL-safe form of {@code t}. */
    public String sign(ActionToken t) {
        String fields = String.join("\n", VERSION, t.id(), t.action().code(), t.host(),
                t.service() == null ? "" : t.service(), Long.toString(t.problemId()), t.contact(),
                Long.toString(t.expires().getEpochSecond()));
        byte[] payload = fields.getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
    }

    /** Checks {@code token} as of {@code now}. */
    public Checked verify(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > MAX_CHARS) {
            return new Checked(Status.MALFORMED, null);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Checked(Status.MALFORMED, null);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODE.decode(token.substring(0, dot));
            signature = DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return new Checked(Status.MALFORMED, null);
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return new Checked(Status.BAD_SIGNATURE, null);
        }
        ActionToken t = parse(new String(payload, StandardCharsets.UTF_8));
        if (t == null) {
            return new Checked(Status.MALFORMED, null);
        }
        return new Checked(now.isBefore(t.expires()) ? Status.VALID : Status.EXPIRED, t);
    }

    /** The fields of a signed payload; null if they are not this version's. */
    private static ActionToken parse(String fields) {
        String[] f = fields.split("\n", -1);
        if (f.length != FIELDS || !f[0].equals(VERSION)) {
            return null;
        }
        ActionToken.Action action = ActionToken.Action.ofCode(f[2]);
        if (action == null || f[1].isEmpty() || f[3].isEmpty() || f[6].isEmpty()) {
            return null;
        }
        try {
            return new ActionToken(f[1], action, f[3], f[4].isEmpty() ? null : f[4], Long.parseLong(f[5]), f[6],
                    Instant.ofEpochSecond(Long.parseLong(f[7])));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
