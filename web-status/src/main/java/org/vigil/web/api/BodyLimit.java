package org.vigil.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.vigil.config.main.BoundedInput;

/**
 * Refuses request bodies over {@code limits.max_request_body_bytes} with a 413, before anyone reads them or asks
 * who sent them: a declared {@code Content-Length} at once, a chunked body as soon as its reader passes the limit.
 * The error mappers answer it in JSON for the API and as a page elsewhere. The pages' action forms
 * ({@code POST /actions}, {@code /actions/form}) may be larger, {@link #ACTION_FORM_BYTES}: they carry every target
 * of a bulk action.
 */
@PreMatching
@Priority(100) // before authentication (1000): a stranger's huge body is not read while checking a password
public final class BodyLimit implements ContainerRequestFilter {

    /**
     * The body an action form may have: 5,000 targets of {@code host;service} names up to about 800 bytes each,
     * URL-encoded (10,000 of up to 400), beside the comment; or the configured limit if that is larger.
     */
    public static final long ACTION_FORM_BYTES = 4L << 20;

    private final long maxBytes;

    public BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        long limit = path.equals("actions") || path.equals("actions/form")
                ? Math.max(maxBytes, ACTION_FORM_BYTES) : maxBytes;
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(BoundedInput.limit(request.getEntityStream(), limit, max -> {
            throw tooLarge(max);
        }));
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "payload too large", "the request body is larger than the " + maxBytes
                + " bytes allowed (limits.max_request_body_bytes in vigil.yml); comments may have "
                + org.vigil.engine.command.CommandLimits.MAX_COMMENT_BYTES + " bytes, see docs/api.md");
    }
}
