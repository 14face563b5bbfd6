package org.vigil.web.api;

/** A request the API refuses, with its HTTP status and the {@link ApiError} to return. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public ApiException(int status, String error, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad request", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not found", detail);
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(error, getMessage());
    }
}
