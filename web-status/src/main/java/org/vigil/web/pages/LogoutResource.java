package org.vigil.web.pages;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.vigil.web.auth.AuthContext;
import org.vigil.web.auth.Sessions;

/** {@code POST /logout} (with the form's CSRF token): ends the session, deletes its cookie, back to the login form. */
@Path("/logout")
public final class LogoutResource {

    private final Sessions sessions;

    public LogoutResource(Sessions sessions) {
        this.sessions = sessions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@FormParam("csrf") String csrf, @Context SecurityContext sc) {
        if (!Sessions.sameToken(AuthContext.csrfToken(sc), csrf)) {
            throw new ForbiddenException("the form's security token (csrf) is missing or wrong, so you are still "
                    + "logged in: go back, reload the page and try again");
        }
        Sessions.Session session = AuthContext.session(sc);
        if (session != null) {
            sessions.remove(session.id());
        }
        return Response.seeOther(URI.create("/login")).cookie(LoginResource.cookie("", sc.isSecure(), 0)).build();
    }
}
