package org.vigil.web.pages;

import jakarta.ws.rs.Consumes;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.vigil.web.auth.AuthContext;
import org.vigil.web.auth.LoginThrottle;
import org.vigil.web.auth.Sessions;
import org.vigil.web.auth.Users;
import org.vigil.web.auth.WebUser;

/**
 * The login form of the pages: GET shows it, POST checks the name and password against {@code vigil.yml}'s users
 * and starts a session (an HttpOnly, SameSite=Lax cookie; Secure over HTTPS), then goes back to
 * {@code return_to}. Without users there is nothing to log in to, and both go straight back.
 */
@Path("/login")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class LoginResource {

    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    public LoginResource(Users users, Sessions sessions) {
        this(users, sessions, new LoginThrottle(Clock.systemUTC()));
    }

    public LoginResource(Users users, Sessions sessions, LoginThrottle throttle) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @GET
    public Response form(@QueryParam("return_to") String returnTo, @Context SecurityContext sc) {
        String back = ReturnTo.safe(returnTo);
        if (!users.enabled() || AuthContext.session(sc) != null) {
            return Response.seeOther(URI.create(back)).build();
        }
        return Response.ok(new LoginView(back, null, "")).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
                          @FormParam("return_to") String returnTo, @Context SecurityContext sc) {
        String back = ReturnTo.safe(returnTo);
        if (!users.enabled()) {
            return Response.seeOther(URI.create(back)).build();
        }
        String name = username == null ? "" : username;
        Optional<Duration> wait = throttle.waitFor(name);
        if (wait.isPresent()) {
            return Response.status(429).header("Retry-After", Math.max(1, wait.get().getSeconds()))
                    .entity(new LoginView(back, "Too many wrong passwords for this user name; try again in "
                            + Math.max(1, wait.get().getSeconds()) + " s.", name)).build();
        }
        Optional<WebUser> user = users.authenticate(username, password);
        if (user.isEmpty()) {
            throttle.failed(name);
            return Response.status(401).entity(new LoginView(back, "Wrong user name or password.", name)).build();
        }
        throttle.succeeded(name);
        Sessions.Session session = sessions.create(user.get());
        return Response.seeOther(URI.create(back)).cookie(cookie(session.id(), sc.isSecure(), -1)).build();
    }

    /** The session cookie; {@code maxAge} 0 deletes it, -1 keeps it for the browser session. */
    static NewCookie cookie(String value, boolean secure, int maxAge) {
        return new NewCookie.Builder(Sessions.COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }
}
