package org.vigil.web.api;

/** The body of every error the API returns: what went wrong, and how to fix it. */
public record ApiError(String error, String detail) {
}
