package org.vigil.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * How an error on a page (any path outside {@code /api/}) is shown: the pages render it in their own style,
 * while the API keeps its JSON errors. Declared here, implemented by the pages, so the API does not depend on them.
 */
public interface ErrorPage {

    /** The HTML answer for an error with this status, short name and detail. */
    Response render(int status, String error, String detail, SecurityContext sc, UriInfo uri);
}
