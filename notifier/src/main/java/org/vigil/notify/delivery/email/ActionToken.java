package org.vigil.notify.delivery.email;

import java.time.Instant;
import java.util.Objects;

/**
 * What an email action link says, signed: which action, on which host or service, during which problem
 * ({@code $SERVICEPROBLEMID$} / {@code $HOSTPROBLEMID$}), for which contact, until when. Its {@code id} is
 * random and is what marks the link used.
 *
 * @param service the service description, or null for a host
 */
public record ActionToken(String id, Action action, String host, String service, long problemId, String contact,
                          Instant expires) {

    /** What a link does once confirmed. */
    public enum Action {
        /** A sticky acknowledgement by the contact. */
        ACKNOWLEDGE("ack"),
        /** A fixed downtime from the moment of confirming, {@link EmailActions#downtime} long. */
        DOWNTIME("downtime");

        private final String code;

        Action(String code) {
            this.code = code;
        }

        /** The word in the token and in the link. */
        public String code() {
            return code;
        }

        static Action ofCode(String code) {
            for (Action a : values()) {
                if (a.code.equals(code)) {
                    return a;
                }
            }
            return null;
        }
    }

    public ActionToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(expires, "expires");
    }

    /** Whether the link is about a host (no service). */
    public boolean isHost() {
        return service == null;
    }

    /** "host" or "host/service". */
    public String subject() {
        return isHost() ? host : host + "/" + service;
    }
}
