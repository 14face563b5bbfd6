package org.vigil.notify.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.vigil.notify.delivery.email.ActionTokens.Status;

/** The signed tokens of the email action links: sign, verify, tamper, expire, and the settings' secret rules. */
class ActionTokensTest {

    private static final String SECRET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final Instant NOW = Instant.parse("2026-12-07T22:00:00Z");
    private static final ActionTokens TOKENS = EmailActions.of(true, SECRET, 24, 2).tokens();
    private static final ActionToken ACK = new ActionToken("id-1", ActionToken.Action.ACKNOWLEDGE, "web 1",
            "Disk /var; é", 42, "alice", NOW.plus(Duration.ofHours(24)));

    @Test
    void aSignedTokenVerifiesToTheSameClaimsAndIsUrlSafe() {
        String t = TOKENS.sign(ACK);
        assertThat(t).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        ActionTokens.Checked c = TOKENS.verify(t, NOW);
        assertThat(c.status()).isEqualTo(Status.VALID);
        assertThat(c.token()).isEqualTo(ACK);
        ActionToken host = new ActionToken(ActionTokens.newId(), ActionToken.Action.DOWNTIME, "db", null, 7, "bob",
                NOW.plusSeconds(60));
        assertThat(TOKENS.verify(TOKENS.sign(host), NOW).token()).isEqualTo(host);
        assertThat(host.isHost()).isTrue();
        assertThat(ActionTokens.newId()).hasSize(22).isNotEqualTo(ActionTokens.newId());
    }

    @Test
    void aChangedClaimOrSignatureOrAnotherSecretIsABadSignature() {
        String t = TOKENS.sign(ACK);
        String payload = new String(Base64.getUrlDecoder().decode(t.substring(0, t.indexOf('.'))),
                StandardCharsets.UTF_8);
        String otherContact = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("\nalice\n",
                "\nmallory\n").getBytes(StandardCharsets.UTF_8)) + t.substring(t.indexOf('.'));
        assertThat(TOKENS.verify(otherContact, NOW).status()).isEqualTo(Status.BAD_SIGNATURE);
        assertThat(TOKENS.verify(otherContact, NOW).token()).isNull();
        int sig = t.indexOf('.') + 1;
        String badSig = t.substring(0, sig) + (t.charAt(sig) == 'A' ? 'B' : 'A') + t.substring(sig + 1);
        assertThat(TOKENS.verify(badSig, NOW).status()).isEqualTo(Status.BAD_SIGNATURE);
        ActionTokens other = EmailActions.of(true, SECRET.toUpperCase(), 24, 2).tokens();
        assertThat(other.verify(t, NOW).status()).isEqualTo(Status.BAD_SIGNATURE);
    }

    @Test
    void aTokenIsExpiredFromItsExpiryOn() {
        String t = TOKENS.sign(ACK);
        assertThat(TOKENS.verify(t, ACK.expires().minusSeconds(1)).status()).isEqualTo(Status.VALID);
        ActionTokens.Checked late = TOKENS.verify(t, ACK.expires());
        assertThat(late.status()).isEqualTo(Status.EXPIRED);
        assertThat(late.token()).isEqualTo(ACK); // signed: its claims can be shown
    }

    @Test
    void truncatedGarbledOrOversizedTokensAreMalformed() {
        String t = TOKENS.sign(ACK);
        for (String bad : new String[] {null, "", ".", "abc", t.substring(0, t.indexOf('.')), t + ".x", "!!!." + "a",
            "a".repeat(ActionTokens.MAX_CHARS + 1)}) {
            assertThat(TOKENS.verify(bad, NOW).status()).as(String.valueOf(bad)).isEqualTo(Status.MALFORMED);
        }
        // fields that are not signed are refused by their signature before they are read
        String fields = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v2\nx".getBytes(StandardCharsets.UTF_8));
        assertThat(TOKENS.verify(fields + ".AAAA", NOW).status()).isEqualTo(Status.BAD_SIGNATURE);
    }

    @Test
    void enabledLinksNeedALongSecretAndSaneHours() {
        assertThatThrownBy(() -> EmailActions.of(true, null, 24, 2)).hasMessageStartingWith(
                "actions.secret: the links are enabled but no secret is set");
        assertThatThrownBy(() -> EmailActions.of(true, "short", 24, 2)).hasMessage(
                "actions.secret: too short (5 bytes; at least 32, e.g. from 'openssl rand -base64 32')");
        assertThatThrownBy(() -> EmailActions.of(false, "", 0, 2)).hasMessage("actions.valid_hours: must be 1-168,"
                + " got 0");
        assertThatThrownBy(() -> EmailActions.of(false, "", 24, 200)).hasMessage("actions.downtime_hours: must be"
                + " 1-168, got 200");
        assertThat(EmailActions.of(false, null, 24, 2).enabled()).isFalse();
        assertThat(EmailActions.of(true, SECRET, 24, 2).toString()).doesNotContain(SECRET);
        assertThatThrownBy(() -> EmailSettings.plain("h", 25, "v@example.org").withActions(EmailActions.of(true,
                SECRET, 24, 2))).hasMessageStartingWith("actions: the links need status_page");
    }
}
