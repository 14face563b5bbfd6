package org.vigil.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The email action links' single use, recorded in the outbox's database: once, by whom, kept across a restart. */
class TokenUseTest {

    @TempDir
    Path dir;

    @Test
    void aTokenIsUsedOnceAndStaysUsedAfterARestart() {
        Instant expires = Instant.now().plusSeconds(3600);
        try (Outbox outbox = Outbox.open(OutboxSettings.embedded(dir), List.of(), Clock.systemUTC(), l -> { })) {
            assertThat(outbox.tokenUse("t1")).isEmpty();
            assertThat(outbox.useToken("t1", "Alice Admin", expires)).isEmpty();
            Outbox.TokenUse second = outbox.useToken("t1", "Bob", expires).orElseThrow();
            assertThat(second.by()).isEqualTo("Alice Admin");
            assertThat(outbox.useToken("t2", "Bob", expires)).isEmpty();
            outbox.releaseToken("t2"); // its command was refused: the link may be tried again
            assertThat(outbox.tokenUse("t2")).isEmpty();
        }
        try (Outbox outbox = Outbox.open(OutboxSettings.embedded(dir), List.of(), Clock.systemUTC(), l -> { })) {
            assertThat(outbox.tokenUse("t1")).map(Outbox.TokenUse::by).contains("Alice Admin");
            assertThat(outbox.useToken("t1", "Carol", expires)).isPresent();
        }
    }
}
