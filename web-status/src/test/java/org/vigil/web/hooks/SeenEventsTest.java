package org.vigil.web.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The replay memory stays bounded: by the window, and by its capacity, oldest first. */
class SeenEventsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T22:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private PagerEvent event(String id) {
        return new PagerEvent(id, now.get(), PagerEvent.Action.ACKNOWLEDGE, "incident.acknowledged", "vigil/h", "u");
    }

    @Test
    void boundedByCapacityAndWindow() throws Exception {
        SeenEvents seen = new SeenEvents(clock, Duration.ofMinutes(30), 100);
        for (int i = 0; i < 101; i++) {
            seen.admit("pagerduty", event("e" + i));
        }
        assertThat(seen.size()).isEqualTo(100);
        seen.admit("pagerduty", event("e0")); // the oldest was forgotten past the capacity
        assertThatThrownBy(() -> seen.admit("pagerduty", event("e100"))).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).reason()).isEqualTo(Refusal.Reason.REPLAY);
        seen.admit("opsgenie", event("e100")); // ids are per receiver

        now.set(now.get().plus(Duration.ofMinutes(31)));
        seen.admit("pagerduty", event("fresh"));
        assertThat(seen.size()).as("ids older than the window are forgotten").isEqualTo(1);
        PagerEvent old = new PagerEvent("late", now.get().minus(Duration.ofMinutes(31)), PagerEvent.Action.IGNORE,
                "x", "", "u");
        assertThatThrownBy(() -> seen.admit("pagerduty", old)).extracting(e -> ((Refusal) e).reason())
                .isEqualTo(Refusal.Reason.STALE);
        PagerEvent ahead = new PagerEvent("ahead", now.get().plus(Duration.ofMinutes(31)), PagerEvent.Action.IGNORE,
                "x", "", "u");
        assertThatThrownBy(() -> seen.admit("pagerduty", ahead)).extracting(e -> ((Refusal) e).reason())
                .isEqualTo(Refusal.Reason.STALE);
        seen.forget("pagerduty", event("fresh"));
        seen.admit("pagerduty", event("fresh"));
    }
}
