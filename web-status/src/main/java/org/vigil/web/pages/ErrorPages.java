package org.vigil.web.pages;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.vigil.web.api.ErrorPage;
import org.vigil.web.auth.AuthContext;

/** Renders the errors of the pages as HTML pages in the layout's style (the API keeps its JSON errors). */
public final class ErrorPages implements ErrorPage {

    private final Pages pages;

    public ErrorPages(Pages pages) {
        this.pages = pages;
    }

    @Override
    public Response render(int status, String error, String detail, SecurityContext sc, UriInfo uri) {
        String title = title(status, error);
        PageContext ctx = null;
        if (!pages.loginEnabled() || AuthContext.authenticated(sc)) {
            ctx = pages.context(sc, uri, pages.snapshot(), 0);
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(new ErrorView(ctx, status, title, detail)).build();
    }

    private static String title(int status, String error) {
        String name = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not logged in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 422 -> "Refused";
            case 500 -> "Internal error";
            default -> error == null || error.isEmpty() ? "Error"
                    : error.substring(0, 1).toUpperCase(Locale.ROOT) + error.substring(1);
        };
        return name + " (" + status + ")";
    }
}
