package org.vigil.web.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The users of {@code vigil.yml}, checked by name and password (basic authentication and the login form). */
public final class Users {

    private final Map<String, UserConfig> byName = new HashMap<>();

    public Users(List<UserConfig> users) {
        users.forEach(u -> byName.put(u.name, u));
    }

    /** Whether any user is configured; without users there is no authentication (everyone is anonymous). */
    public boolean enabled() {
        return !byName.isEmpty();
    }

    /** The user whose name and password these are, if they match. */
    public Optional<WebUser> authenticate(String name, String password) {
        UserConfig u = name == null || password == null ? null : byName.get(name);
        if (u == null || !PasswordHash.verify(password, u.passwordHash)) {
            return Optional.empty();
        }
        return Optional.of(u.user());
    }
}
