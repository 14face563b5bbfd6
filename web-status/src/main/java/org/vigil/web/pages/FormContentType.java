package org.vigil.web.pages;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;

/**
 * A form POST ({@code /login}, {@code /actions}, {@code /logout}) without a {@code Content-Type} is a 415 page
 * before its form fields are read: Jersey matches a request without a type to any method and then fails to read
 * the fields of a body it cannot decode, a 500 with a stack trace in the log. Runs after authentication, so an
 * unauthenticated request is still sent to the login form.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class FormContentType implements ContainerRequestFilter {

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getMediaType() == null && takesForms()) {
            throw new NotSupportedException("This form must be sent as application/x-www-form-urlencoded; the "
                    + "request had no Content-Type. Go back, reload the page and send the form again.");
        }
    }

    private boolean takesForms() {
        jakarta.ws.rs.Consumes c = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(jakarta.ws.rs.Consumes.class);
        return c != null && Arrays.asList(c.value()).contains(MediaType.APPLICATION_FORM_URLENCODED);
    }
}
