package org.vigil.web.auth;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who makes each request: HTTP basic authentication against the users of {@code vigil.yml}, or the session
 * cookie of the login form ({@code /login}); without users, every request is {@link WebUser#ANONYMOUS}.
 * An unauthenticated API request is a JSON 401; an unauthenticated page is a 303 to {@code /login}. A read-only
 * user's requests other than GET and HEAD are refused (403), except logging in and out. An API request that only
 * a session cookie authenticates must not be one a foreign page can make: an unsafe method needs a JSON body or
 * the session's token in {@code X-CSRF-Token} (forms cannot send either). Basic credentials go through the same
 * {@link LoginThrottle} as the login form, per client address: an address locked by wrong passwords (from either),
 * for the name or for every name, is a JSON 429 with {@code Retry-After}, even with the right password; a good one
 * starts the address afresh with that name. Credentials not verified lately, met while the server's budget of
 * password hashes ({@link PasswordChecks}) is spent, are a JSON 503 with {@code Retry-After}, without a hash.
 * The email action page ({@code /email-action}) is reached without a login: its signed token decides.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BasicAuthFilter implements ContainerRequestFilter {

    /** The page of the email action links, open without a login (it checks their signed tokens itself). */
    static final String EMAIL_ACTION_PATH = "email-action";

    /** The header that carries the session's CSRF token on scripted API calls from the pages. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    /** The servlet request of the current call (Jersey's per-request proxy): the client's address. */
    @Context
    private HttpServletRequest servlet;

    /** With the {@code throttle} the login form uses, so wrong passwords count together per address and name. */
    public BasicAuthFilter(Users users, Sessions sessions, LoginThrottle throttle) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public BasicAuthFilter(List<UserConfig> users) {
        this(new Users(users), new Sessions(Clock.systemUTC(), Sessions.DEFAULT_IDLE),
                new LoginThrottle(Clock.systemUTC()));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false).replaceFirst("^/", "");
        boolean api = path.equals("api") || path.startsWith("api/");
        boolean secure = request.getSecurityContext().isSecure();
        String method = request.getMethod();
        boolean unsafe = !method.equals("GET") && !method.equals("HEAD");
        WebUser user;
        Sessions.Session session = null;
        String scheme;
        if (!users.enabled()) {
            user = WebUser.ANONYMOUS;
            scheme = null;
        } else {
            String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            Optional<WebUser> found = Optional.empty();
            Credentials credentials = header == null ? null : Credentials.parse(header);
            if (credentials != null) {
                String address = clientAddress(servlet);
                Optional<Duration> wait = throttle.waitFor(address, credentials.name());
                if (wait.isPresent()) {
                    request.abortWith(tooManyFailures(wait.get()));
                    return;
                }
                Users.Check check = authenticate(address, credentials);
                if (check.busy()) {
                    request.abortWith(busy(check.busyFor()));
                    return;
                }
                found = check.verified();
            }
            scheme = SecurityContext.BASIC_AUTH;
            if (header == null) {
                Cookie cookie = request.getCookies().get(Sessions.COOKIE);
                session = sessions.find(cookie == null ? null : cookie.getValue()).orElse(null);
                found = Optional.ofNullable(session).map(Sessions.Session::user);
                scheme = SecurityContext.FORM_AUTH;
            }
            if (found.isEmpty()) {
                // an email action link's signed token is its authority (issue 23): no login asked for
                if (!path.equals("login") && !path.equals(EMAIL_ACTION_PATH)) {
                    request.abortWith(api ? unauthorized() : toLogin(request, unsafe));
                }
                return;
            }
            user = found.get();
        }
        if (user.readOnly() && unsafe && !path.equals("login") && !path.equals("logout")) {
            String detail = "user '" + user.name() + "' is read-only: it can look but not act";
            if (!api) {
                throw new ForbiddenException(detail);
            }
            request.abortWith(json(403, "forbidden", detail));
            return;
        }
        if (api && unsafe && session != null && !scriptedCall(request, session)) {
            request.abortWith(json(403, "forbidden", "an API call authenticated by the session cookie needs a JSON "
                    + "body (Content-Type: application/json) or the page's token in " + CSRF_HEADER));
            return;
        }
        String csrf = session != null ? session.csrfToken() : sessions.csrfTokenFor(user);
        request.setSecurityContext(new AuthContext(user, secure, scheme, session, csrf));
    }

    /** Whether a cookie-authenticated API call is one only our own scripts can make (no plain form can). */
    private static boolean scriptedCall(ContainerRequestContext request, Sessions.Session session) {
        MediaType type = request.getMediaType();
        return (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE))
                || Sessions.sameToken(session.csrfToken(), request.getHeaderString(CSRF_HEADER));
    }

    /** The name and password of an {@code Authorization: Basic} header. */
    private record Credentials(String name, String password) {
        /** The header's credentials; null if it is not basic authentication or is malformed. */
        static Credentials parse(String header) {
            if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
    }

    /**
     * Checks the password, counting a wrong one as a wrong one at the login form counts; one not checked (the
     * server's password-check budget is spent) counts neither way.
     */
    private Users.Check authenticate(String address, Credentials c) {
        Users.Check check = users.check(c.name(), c.password());
        if (check.busy()) {
            return check;
        }
        if (check.verified().isEmpty()) {
            throttle.failed(address, c.name());
        } else {
            throttle.succeeded(address, c.name());
        }
        return check;
    }

    /**
     * The client's address, as the connector sees it (behind a proxy, the proxy's, unless the connector trusts
     * {@code X-Forwarded-For}: Dropwizard's {@code useForwardedHeaders}); "" outside a servlet container.
     */
    public static String clientAddress(HttpServletRequest servlet) {
        String a = servlet == null ? null : servlet.getRemoteAddr();
        return a == null ? "" : a;
    }

    private static Response tooManyFailures(Duration wait) {
        long seconds = Math.max(1, wait.getSeconds());
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error("too many requests", "too many wrong passwords from this address for this user name"
                        + " or for all names; try again in " + seconds + " s")).build();
    }

    /** A 503 for credentials that were not checked because too many passwords are being checked already. */
    static Response busy(Duration wait) {
        long seconds = Math.max(1, wait.getSeconds());
        return Response.status(503).header(HttpHeaders.RETRY_AFTER, seconds).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error("busy", "the server is checking too many passwords just now (auth.password_checks in"
                        + " vigil.yml); try again in " + seconds + " s; a session or credentials verified lately are"
                        + " not affected")).build();
    }

    private static Response unauthorized() {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Vigil\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error("unauthorized", "log in with HTTP basic authentication")).build();
    }

    /** A 303 to the login form, which comes back to this page (a GET) once logged in. */
    private static Response toLogin(ContainerRequestContext request, boolean unsafe) {
        URI uri = request.getUriInfo().getRequestUri();
        String here = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String target = unsafe || here.equals("/") ? "/login"
                : "/login?return_to=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(target)).build();
    }

    private static Response json(int status, String error, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error(error, detail)).build();
    }

    /** The API's error shape ({@code org.vigil.web.api.ApiError}), built here so auth does not depend on api. */
    private static Map<String, String> error(String error, String detail) {
        return Map.of("error", error, "detail", detail);
    }
}
