package org.vigil.notify.outbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the outbox lives (a JDBC URL: embedded H2 by default, or PostgreSQL) and how it retries.
 *
 * @param giveUpAfter  a delivery still failing this long after it was enqueued is marked failed
 * @param pollInterval the longest a worker sleeps without looking at the table
 * @param keepDelivered delivered rows (and so their keys, which stop duplicates) are kept this long
 */
public record OutboxSettings(String jdbcUrl, Backoff backoff, Duration giveUpAfter, Duration pollInterval,
                             Duration keepDelivered) {

    /** The embedded file's name, without H2's {@code .mv.db}. */
    public static final String EMBEDDED_NAME = "vigil-outbox";
    public static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10));
    public static final Duration DEFAULT_GIVE_UP = Duration.ofHours(24);
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_KEEP = Duration.ofDays(7);

    public OutboxSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(keepDelivered, "keepDelivered");
    }

    /** Embedded H2 in {@code directory} (beside the retention database). */
    public static OutboxSettings embedded(Path directory) {
        return of("jdbc:h2:file:" + directory.toAbsolutePath().resolve(EMBEDDED_NAME));
    }

    /** A database named by URL, e.g. {@code jdbc:postgresql://db/vigil?user=vigil&password=...}. */
    public static OutboxSettings of(String jdbcUrl) {
        return new OutboxSettings(jdbcUrl, DEFAULT_BACKOFF, DEFAULT_GIVE_UP, DEFAULT_POLL, DEFAULT_KEEP);
    }

    public OutboxSettings withBackoff(Backoff b) {
        return new OutboxSettings(jdbcUrl, b, giveUpAfter, pollInterval, keepDelivered);
    }

    public OutboxSettings withGiveUpAfter(Duration d) {
        return new OutboxSettings(jdbcUrl, backoff, d, pollInterval, keepDelivered);
    }

    public OutboxSettings withPollInterval(Duration d) {
        return new OutboxSettings(jdbcUrl, backoff, giveUpAfter, d, keepDelivered);
    }
}
