package org.vigil.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Notifications for tests, as the rules would build them. */
public final class Notifications {

    public static final Instant T0 = Instant.parse("2026-11-25T10:15:30Z");
    public static final Contact ALICE = new Contact("alice", "alice@example.org", "555-0100", List.of("ops-room"));

    private Notifications() {
    }

    public static Notification problem(String host, String service, int number) {
        return new Notification(NotificationType.PROBLEM, ALICE, host, service, "CRITICAL", "HARD",
                "CRITICAL - Socket timeout after 10 seconds", "line two\nline three", 3, Duration.ofSeconds(3723),
                number, "", "", T0.plusSeconds(number), Map.of("HOSTADDRESS", "10.0.0.7"));
    }

    public static Notification recovery(String host, String service, int number) {
        return new Notification(NotificationType.RECOVERY, ALICE, host, service, "OK", "HARD",
                "HTTP OK: HTTP/1.1 200 OK", "", 1, Duration.ofSeconds(5), number, "", "",
                T0.plusSeconds(600 + number), Map.of());
    }

    public static Notification acknowledgement(String host, String service, int number) {
        return new Notification(NotificationType.ACKNOWLEDGEMENT, ALICE, host, service, "CRITICAL", "HARD",
                "CRITICAL - Socket timeout after 10 seconds", "", 3, Duration.ofSeconds(300), number, "bob",
                "looking at it <now> & later", T0.plusSeconds(300 + number), Map.of());
    }

    public static Notification hostDown(String host, int number) {
        return new Notification(NotificationType.PROBLEM, ALICE, host, null, "DOWN", "HARD",
                "PING CRITICAL - Packet loss = 100%", "", 1, Duration.ofSeconds(61), number, "", "",
                T0.plusSeconds(number), Map.of());
    }
}
