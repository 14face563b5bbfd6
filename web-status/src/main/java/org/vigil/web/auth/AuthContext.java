package org.vigil.web.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The security context {@link BasicAuthFilter} gives each request. Its principal is an {@link Authenticated}:
 * the user, its login session if the request came with the session cookie, and the CSRF token its forms must
 * post back. (Jersey hands resources a wrapper of this context, so what they need travels in the principal.)
 */
public final class AuthContext implements SecurityContext {

    /** Who the filter found: the user, the session (null without one) and the forms' CSRF token. */
    public record Authenticated(WebUser user, Sessions.Session session, String csrfToken) implements Principal {
        @Override
        public String getName() {
            return user.name();
        }
    }

    private final Authenticated principal;
    private final boolean secure;
    private final String scheme;

    AuthContext(WebUser user, boolean secure, String scheme, Sessions.Session session, String csrfToken) {
        this.principal = new Authenticated(user, session, csrfToken);
        this.secure = secure;
        this.scheme = scheme;
    }

    /** The user of a request: the filter's, or {@link WebUser#ANONYMOUS} when it set none. */
    public static WebUser user(SecurityContext sc) {
        Principal p = sc == null ? null : sc.getUserPrincipal();
        if (p instanceof Authenticated a) {
            return a.user();
        }
        return p instanceof WebUser u ? u : WebUser.ANONYMOUS;
    }

    /** The CSRF token of the request's context, or "" when the request was not authenticated by the filter. */
    public static String csrfToken(SecurityContext sc) {
        return sc != null && sc.getUserPrincipal() instanceof Authenticated a ? a.csrfToken() : "";
    }

    /** The login session of the request, or null (basic authentication, no users, not authenticated). */
    public static Sessions.Session session(SecurityContext sc) {
        return sc != null && sc.getUserPrincipal() instanceof Authenticated a ? a.session() : null;
    }

    /** Whether the filter authenticated this request (false for /login before logging in, and unknown paths). */
    public static boolean authenticated(SecurityContext sc) {
        return sc != null && sc.getUserPrincipal() instanceof Authenticated;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
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
        return scheme;
    }
}
