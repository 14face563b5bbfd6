package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.notify.delivery.email.ActionToken;
import org.vigil.notify.delivery.email.ActionTokens;
import org.vigil.notify.delivery.email.ActionTokens.Status;
import org.vigil.notify.outbox.Outbox;
import org.vigil.web.auth.WebUser;

/** The email action page's rules, one row per case: what is allowed, and each refusal's status and words. */
class EmailActionRulesTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant EXPIRES = Instant.parse("2026-12-08T22:00:00Z");
    private static final ActionToken TOKEN = new ActionToken("id", ActionToken.Action.ACKNOWLEDGE, "web1", "Disk /var",
            42, "alice", EXPIRES);
    private static final ActionTokens.Checked VALID = new ActionTokens.Checked(Status.VALID, TOKEN);
    private static final Optional<EmailActionRules.Target> SAME_PROBLEM = Optional.of(new EmailActionRules.Target(
            "CRITICAL", "DISK CRITICAL", 42, false));
    private static final Optional<Outbox.TokenUse> UNUSED = Optional.empty();
    private static final WebUser ALICE = new WebUser("alice-user", "alice", false, false);
    private static final WebUser BOB = new WebUser("bob-user", "bob", false, false);
    private static final WebUser ADMIN = new WebUser("admin", null, true, false);

    static Stream<Arguments> cases() {
        return Stream.of(
                // checked token, object now, earlier use, logged-in user -> status, refusal (start) or null
                Arguments.of(VALID, SAME_PROBLEM, UNUSED, null, 200, null),
                Arguments.of(VALID, SAME_PROBLEM, UNUSED, ALICE, 200, null),
                Arguments.of(VALID, SAME_PROBLEM, UNUSED, ADMIN, 200, null),
                Arguments.of(VALID, SAME_PROBLEM, UNUSED, BOB, 403, "You are logged in as 'bob-user', contact 'bob';"
                        + " this link was sent to contact 'alice', so it is not yours to use. Nothing was done."),
                Arguments.of(new ActionTokens.Checked(Status.MALFORMED, null), Optional.empty(), UNUSED, null, 400,
                        "This is not a whole Vigil action link"),
                Arguments.of(new ActionTokens.Checked(Status.BAD_SIGNATURE, null), Optional.empty(), UNUSED, null, 403,
                        "This link's signature is not valid"),
                Arguments.of(new ActionTokens.Checked(Status.EXPIRED, TOKEN), SAME_PROBLEM, UNUSED, null, 410,
                        "This link expired at 2026-12-08 22:00:00 UTC; nothing was done."),
                Arguments.of(VALID, SAME_PROBLEM, Optional.of(new Outbox.TokenUse("Alice Admin",
                        Instant.parse("2026-12-07T22:05:00Z"))), null, 409,
                        "This link was already used, by Alice Admin at 2026-12-07 22:05:00 UTC; nothing more was"
                                + " done."),
                Arguments.of(VALID, Optional.of(new EmailActionRules.Target("OK", "DISK OK", 0, false)), UNUSED, null,
                        410, "This problem has ended (web1/Disk /var is OK); nothing was done."),
                Arguments.of(VALID, Optional.of(new EmailActionRules.Target("WARNING", "DISK WARNING", 43, false)),
                        UNUSED, null, 410, "This problem has ended (web1/Disk /var is WARNING, in a later problem)"),
                Arguments.of(VALID, Optional.empty(), UNUSED, null, 404,
                        "Service 'Disk /var' on host 'web1' no longer exists; nothing was done."));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decides(ActionTokens.Checked checked, Optional<EmailActionRules.Target> target,
                 Optional<Outbox.TokenUse> used, WebUser user, int status, String refusal) {
        EmailActionRules.Verdict v = EmailActionRules.decide(checked, target, used, user, UTC);
        assertThat(v.status()).isEqualTo(status);
        if (refusal == null) {
            assertThat(v.allowed()).isTrue();
        } else {
            assertThat(v.refusal()).startsWith(refusal);
        }
    }
}
