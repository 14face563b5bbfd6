package org.vigil.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.vigil.web.auth.AuthContext;
import org.vigil.web.auth.BasicAuthFilter;
import org.vigil.web.auth.LoginThrottle;
import org.vigil.web.auth.LoginTokens;
import org.vigil.web.auth.Sessions;
import org.vigil.web.auth.Users;
import org.vigil.web.auth.WebUser;

/**
 * The login form of the pages: GET shows it, POST checks the name and password against {@code vigil.yml}'s users
 * and starts a session (an HttpOnly, SameSite=Lax cookie; Secure over HTTPS), then goes back to
 * {@code return_to}. Without users there is nothing to log in to, and both go straight back. Every rendering of
 * the form carries a fresh {@link LoginTokens} token in its hidden {@code csrf} field and in a cookie scoped to
 * {@code /login}; a POST without the two, equal and live, is a 403 before anything else (not even the throttle
 * counts it), so a foreign page cannot log the browser into another account.
 */
@Path("/login")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class LoginResource {

    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final LoginTokens tokens;

    public LoginResource(Users users, Sessions sessions, LoginThrottle throttle, LoginTokens tokens) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    @GET
    public Response form(@QueryParam("return_to") String returnTo, @Context SecurityContext sc) {
        String back = ReturnTo.safe(returnTo);
        if (!users.enabled() || AuthContext.session(sc) != null) {
            return Response.seeOther(URI.create(back)).build();
        }
        return page(Response.ok(), back, null, "", sc);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
                          @FormParam("return_to") String returnTo, @FormParam("csrf") String csrf,
                          @CookieParam(LoginTokens.COOKIE) String csrfCookie, @Context SecurityContext sc,
                          @Context HttpServletRequest servlet) {
        String back = ReturnTo.safe(returnTo);
        if (!users.enabled()) {
            return Response.seeOther(URI.create(back)).build();
        }
        if (!tokens.valid(csrfCookie, csrf)) {
            throw new ForbiddenException("the login form's security token is missing, expired or not this "
                    + "browser's, so nothing was tried: open the login form again and log in from there");
        }
        String name = username == null ? "" : username;
        String address = BasicAuthFilter.clientAddress(servlet);
        Optional<Duration> wait = throttle.waitFor(address, name);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().getSeconds());
            return page(Response.status(429).header("Retry-After", seconds), back,
                    "Too many wrong passwords from this address; try again in " + seconds + " s.", name, sc);
        }
        Users.Check check = users.check(username, password);
        if (check.busy()) {
            long seconds = Math.max(1, check.busyFor().getSeconds());
            return page(Response.status(503).header("Retry-After", seconds), back, "Too many passwords are being"
                    + " checked just now; try again in " + seconds + " s.", name, sc);
        }
        Optional<WebUser> user = check.verified();
        if (user.isEmpty()) {
            throttle.failed(address, name);
            return page(Response.status(401), back, "Wrong user name or password.", name, sc);
        }
        throttle.succeeded(address, name);
        Sessions.Session session = sessions.create(user.get());
        return Response.seeOther(URI.create(back)).cookie(cookie(session.id(), sc.isSecure(), -1),
                loginCookie("", sc.isSecure(), 0)).build();
    }

    /** The form with a fresh token, in its field and its cookie. */
    private Response page(Response.ResponseBuilder r, String back, String error, String name, SecurityContext sc) {
        String token = tokens.issue();
        return r.cookie(loginCookie(token, sc.isSecure(), (int) LoginTokens.LIFETIME.getSeconds()))
                .entity(new LoginView(back, error, name, token)).build();
    }

    /** The session cookie; {@code maxAge} 0 deletes it, -1 keeps it for the browser session. */
    static NewCookie cookie(String value, boolean secure, int maxAge) {
        return strict(Sessions.COOKIE, "/", value, secure, maxAge);
    }

    /** The login form's token cookie, sent back only to {@code /login}; {@code maxAge} 0 deletes it. */
    static NewCookie loginCookie(String value, boolean secure, int maxAge) {
        return strict(LoginTokens.COOKIE, "/login", value, secure, maxAge);
    }

    /** An HttpOnly, SameSite=Lax cookie (Secure over HTTPS). */
    private static NewCookie strict(String name, String path, String value, boolean secure, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(path).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }
}
