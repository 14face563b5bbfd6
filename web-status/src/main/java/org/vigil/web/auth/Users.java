package org.vigil.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users of {@code vigil.yml}, checked by name and password (basic authentication and the login form). An
 * unknown name costs the same password hash as a known one (against a dummy hash of the same strength), so the
 * answer's time does not tell which names exist. Good pairs are remembered for a short while
 * ({@link VerifiedCredentials}), so repeated basic authentication does not hash every time. The users are read
 * from {@code vigil.yml} at start (a reload of the Nagios config keeps them); a new set is a new {@code Users},
 * with its own empty cache.
 */
public final class Users {

    /** Checks a password against a stored hash; {@link PasswordHash#verify} but for tests that count the calls. */
    @FunctionalInterface
    public interface Verifier {
        boolean verify(String password, String storedHash);
    }

    /**
     * What a name and password turned out to be: the user's ({@code user} set), wrong (neither set), or not
     * checked because the server's password-check budget is spent ({@code busyFor} set: how long to wait).
     */
    public record Check(WebUser user, Duration busyFor) {
        static final Check WRONG = new Check(null, null);

        public boolean busy() {
            return busyFor != null;
        }

        /** The user, when the password was right. */
        public Optional<WebUser> verified() {
            return Optional.ofNullable(user);
        }
    }

    private final Map<String, UserConfig> byName = new HashMap<>();
    private final VerifiedCredentials verified;
    private final Verifier verifier;
    private final PasswordChecks budget;
    private final String dummyHash;

    public Users(List<UserConfig> users) {
        this(users, new VerifiedCredentials(Clock.systemUTC(), VerifiedCredentials.Limits.DEFAULT),
                PasswordHash::verify);
    }

    public Users(List<UserConfig> users, VerifiedCredentials verified, Verifier verifier) {
        this(users, verified, verifier, PasswordChecks.unlimited());
    }

    /** With {@code budget} bounding the password hashes made for everyone together. */
    public Users(List<UserConfig> users, VerifiedCredentials verified, Verifier verifier, PasswordChecks budget) {
        users.forEach(u -> byName.put(u.name, u));
        this.verified = verified;
        this.verifier = verifier;
        this.budget = budget;
        int iterations = users.stream().mapToInt(u -> PasswordHash.iterations(u.passwordHash)).max()
                .orElse(PasswordHash.ITERATIONS);
        this.dummyHash = byName.isEmpty() ? null
                : PasswordHash.hash(Sessions.token(Sessions.random(18)), iterations);
    }

    /** Whether any user is configured; without users there is no authentication (everyone is anonymous). */
    public boolean enabled() {
        return !byName.isEmpty();
    }

    /** The user whose name and password these are, if they match; a check the budget refused counts as no match. */
    public Optional<WebUser> authenticate(String name, String password) {
        return check(name, password).verified();
    }

    /**
     * Checks a name and password: from {@link VerifiedCredentials} when verified lately, else with a password hash
     * if the {@link PasswordChecks} budget lets one start now (the same for unknown names, so a busy answer does
     * not tell which names exist), else {@link Check#busy}.
     */
    public Check check(String name, String password) {
        if (name == null || password == null || byName.isEmpty()) {
            return Check.WRONG;
        }
        Optional<WebUser> known = verified.find(name, password);
        if (known.isPresent()) {
            return new Check(known.get(), null);
        }
        if (!budget.tryStart()) {
            return new Check(null, budget.retryAfter());
        }
        UserConfig u = byName.get(name);
        boolean good;
        try {
            good = verifier.verify(password, u == null ? dummyHash : u.passwordHash) && u != null;
        } finally {
            budget.finish();
        }
        if (!good) {
            return Check.WRONG;
        }
        WebUser user = u.user();
        verified.remember(name, password, user);
        return new Check(user, null);
    }
}
