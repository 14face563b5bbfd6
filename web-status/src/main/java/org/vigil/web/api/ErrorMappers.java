package org.vigil.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's exception mappers: every failure becomes a JSON {@link ApiError} with a 4xx status (500 for bugs,
 * logged with their stack trace and never shown). They replace Dropwizard's default mappers.
 */
public final class ErrorMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    /** All the mappers, to register with Jersey. */
    public static List<Object> all() {
        return List.of(new Api(), new Web(), new Json(), new Bug());
    }

    static Response json(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Refusals raised by the resources. */
    public static final class Api implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return json(e.status(), e.body());
        }
    }

    /** Jersey's own: unknown route (404), wrong method (405), unsupported media type (415)... */
    public static final class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String reason = e.getResponse().getStatusInfo().getReasonPhrase();
            String detail = switch (status) {
                case 404 -> "no such resource; see docs/api.md for the routes";
                case 405 -> "this route does not take that method";
                case 415 -> "send the request body as application/json";
                case 406 -> "the API answers in application/json";
                default -> e.getMessage() == null ? reason : e.getMessage();
            };
            if (status >= 500) {
                LOG.error("web request failed", e);
                detail = "internal error; see the server log";
            }
            return json(status, new ApiError(reason == null ? "error" : reason.toLowerCase(), detail));
        }
    }

    /** A request body that is not the JSON expected. */
    public static final class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            String detail;
            if (e instanceof UnrecognizedPropertyException u) {
                detail = "unknown field '" + u.getPropertyName() + "' (expected one of "
                        + u.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                        .collect(Collectors.joining(", ")) + ")";
            } else if (e instanceof InvalidFormatException f) {
                detail = "field '" + path(f) + "': '" + f.getValue() + "' is not a "
                        + f.getTargetType().getSimpleName().toLowerCase();
            } else {
                detail = "the body is not valid JSON: " + e.getOriginalMessage();
            }
            return json(400, new ApiError("bad request", detail));
        }

        private static String path(InvalidFormatException f) {
            return f.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .collect(Collectors.joining("."));
        }
    }

    /** Anything else is a bug: logged with its stack trace, shown as a plain 500. */
    public static final class Bug implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.error("web request failed", e);
            return json(500, new ApiError("internal error", "the request failed inside Vigil; see the server log"));
        }
    }
}
