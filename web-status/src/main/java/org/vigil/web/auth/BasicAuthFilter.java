package org.vigil.web.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP basic authentication against the users of {@code vigil.yml}; without users, every request is
 * {@link WebUser#ANONYMOUS}. A read-only user's requests other than GET and HEAD are refused (403).
 */
@Priority(Priorities.AUTHENTICATION)
public final class BasicAuthFilter implements ContainerRequestFilter {

    private final Map<String, UserConfig> users = new HashMap<>();

    public BasicAuthFilter(List<UserConfig> users) {
        users.forEach(u -> this.users.put(u.name, u));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        WebUser user;
        if (users.isEmpty()) {
            user = WebUser.ANONYMOUS;
        } else {
            Optional<WebUser> found = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            if (found.isEmpty()) {
                request.abortWith(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Vigil\"")
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(error("unauthorized", "log in with HTTP basic authentication")).build());
                return;
            }
            user = found.get();
        }
        String method = request.getMethod();
        if (user.readOnly() && !method.equals("GET") && !method.equals("HEAD")) {
            request.abortWith(Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(error("forbidden", "user '" + user.name() + "' is read-only")).build());
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return users.isEmpty() ? null : SecurityContext.BASIC_AUTH;
            }
        });
    }

    private Optional<WebUser> authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        UserConfig u = users.get(decoded.substring(0, colon));
        if (u == null || !PasswordHash.verify(decoded.substring(colon + 1), u.passwordHash)) {
            return Optional.empty();
        }
        return Optional.of(u.user());
    }

    /** The API's error shape ({@code org.vigil.web.api.ApiError}), built here so auth does not depend on api. */
    private static Map<String, String> error(String error, String detail) {
        return Map.of("error", error, "detail", detail);
    }
}
