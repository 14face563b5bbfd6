package org.vigil.notify.delivery;

/**
 * The pager's dedup key of a host or service: what the webhook channel sends as PagerDuty's {@code dedup_key} and
 * Opsgenie's {@code alias}, and what a pager's webhook hands back to Vigil's receivers to name the object.
 */
public final class DedupKey {

    /** PagerDuty's limit on {@code dedup_key}. */
    public static final int MAX_LENGTH = 255;

    private DedupKey() {
    }

    /**
     * {@code vigil/HOST} or {@code vigil/HOST/SERVICE}; past {@link #MAX_LENGTH} characters, a readable prefix, then
     * {@code #} and the SHA-256 of the whole key.
     */
    public static String of(String host, String service) {
        String key = service == null ? "vigil/" + host : "vigil/" + host + "/" + service;
        return key.length() <= MAX_LENGTH ? key : key.substring(0, 190) + "#" + Notification.sha256(key).substring(0, 64);
    }
}
