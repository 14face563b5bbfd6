package org.vigil.web.hooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses replays in bounded memory: an event whose time is more than the window from now (either way) is stale;
 * an event id seen within the window is a replay. Ids are forgotten once older than the window (their events are
 * then stale anyway), or, past {@code capacity}, oldest first.
 */
final class SeenEvents {

    private final Clock clock;
    private final Duration window;
    private final int capacity;
    /** Receiver and event id → when Vigil received it, in the order received. */
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    SeenEvents(Clock clock, Duration window, int capacity) {
        this.clock = clock;
        this.window = window;
        this.capacity = capacity;
    }

    /** Records the event; refuses it when stale or seen before. */
    synchronized void admit(String receiver, PagerEvent e) throws Refusal {
        Instant now = clock.instant();
        Duration off = Duration.between(e.occurredAt(), now);
        if (off.abs().compareTo(window) > 0) {
            throw new Refusal(Refusal.Reason.STALE, "the event's time " + e.occurredAt() + " is "
                    + (off.isNegative() ? "ahead of" : "behind") + " Vigil's clock by more than the "
                    + window.toSeconds() + " s of receivers.replay_window_seconds");
        }
        forgetOlderThan(now.minus(window));
        String key = receiver + '\u0000' + e.id();
        Instant before = seen.putIfAbsent(key, now);
        if (before != null) {
            throw new Refusal(Refusal.Reason.REPLAY, "event " + Json.shortened(e.id()) + " was received before, at "
                    + before);
        }
        if (seen.size() > capacity) {
            Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
            it.next();
            it.remove();
        }
    }

    /** Forgets an event admitted but not carried out (Vigil failed), so the pager's retry is not a replay. */
    synchronized void forget(String receiver, PagerEvent e) {
        seen.remove(receiver + '\u0000' + e.id());
    }

    private void forgetOlderThan(Instant limit) {
        Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
        while (it.hasNext() && it.next().getValue().isBefore(limit)) {
            it.remove();
        }
    }

    synchronized int size() {
        return seen.size();
    }
}
