package org.vigil.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
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

    /** All the mappers, to register with Jersey; every error is JSON. */
    public static List<Object> all() {
        return all(null);
    }

    /** All the mappers; errors outside {@code /api/} are rendered by {@code pages} (null: JSON everywhere). */
    public static List<Object> all(ErrorPage pages) {
        return List.of(new Api(pages), new Web(pages), new Json(pages), new Bug(pages));
    }

    static Response json(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** What the mappers share: the request they answer, and the choice between JSON and an HTML page. */
    abstract static class Mapper {
        private final ErrorPage pages;
        @Context
        private UriInfo uri;
        @Context
        private SecurityContext sc;

        Mapper(ErrorPage pages) {
            this.pages = pages;
        }

        /** Whether the failed request was for a page rather than the API. */
        boolean page() {
            if (pages == null || uri == null) {
                return false;
            }
            String path = uri.getPath(false).replaceFirst("^/", "");
            return !path.equals("api") && !path.startsWith("api/");
        }

        Response answer(int status, ApiError body) {
            Response r = render(status, body);
            // the rest of a refused body is never read: the connection cannot carry another request
            return status == 413 ? Response.fromResponse(r).header("Connection", "close").build() : r;
        }

        private Response render(int status, ApiError body) {
            if (page()) {
                try {
                    return pages.render(status, body.error(), body.detail(), sc, uri);
                } catch (RuntimeException e) {
                    LOG.error("rendering the error page failed", e);
                }
            }
            return json(status, body);
        }

        String path() {
            return uri == null ? "" : "/" + uri.getPath(false).replaceFirst("^/", "");
        }

        /**
         * A refusal raised inside a body reader (the {@link BodyLimit} stream) reaches us wrapped by Jackson or
         * Jersey; it is answered as raised.
         */
        static ApiException wrapped(Throwable e) {
            for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof ApiException a) {
                    return a;
                }
            }
            return null;
        }
    }

    /** Refusals raised by the resources. */
    public static final class Api extends Mapper implements ExceptionMapper<ApiException> {
        Api(ErrorPage pages) {
            super(pages);
        }

        @Override
        public Response toResponse(ApiException e) {
            return answer(e.status(), e.body());
        }
    }

    /** Jersey's own: unknown route (404), wrong method (405), unsupported media type (415)... */
    public static final class Web extends Mapper implements ExceptionMapper<WebApplicationException> {
        Web(ErrorPage pages) {
            super(pages);
        }

        @Override
        public Response toResponse(WebApplicationException e) {
            ApiException refused = wrapped(e);
            if (refused != null) {
                return answer(refused.status(), refused.body());
            }
            int status = e.getResponse().getStatus();
            String reason = e.getResponse().getStatusInfo().getReasonPhrase();
            if (page() && status < 500 && status != 406) {
                return answer(status, new ApiError(reason == null ? "error" : reason.toLowerCase(), pageDetail(e)));
            }
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
            return answer(status, new ApiError(reason == null ? "error" : reason.toLowerCase(), detail));
        }

        /** A page's error in words: the resource's own message, else one for Jersey's bare ones. */
        private String pageDetail(WebApplicationException e) {
            String m = e.getMessage();
            if (m != null && !m.isBlank() && !m.startsWith("HTTP ")) {
                return m;
            }
            return switch (e.getResponse().getStatus()) {
                case 404 -> "There is no page at " + path() + ".";
                case 405 -> "This page does not take that method.";
                case 415 -> "Send forms as application/x-www-form-urlencoded.";
                default -> e.getResponse().getStatusInfo().getReasonPhrase();
            };
        }
    }

    /** A request body that is not the JSON expected. */
    public static final class Json extends Mapper implements ExceptionMapper<JsonProcessingException> {
        Json(ErrorPage pages) {
            super(pages);
        }

        @Override
        public Response toResponse(JsonProcessingException e) {
            ApiException refused = wrapped(e);
            if (refused != null) {
                return answer(refused.status(), refused.body());
            }
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
            return answer(400, new ApiError("bad request", detail));
        }

        private static String path(InvalidFormatException f) {
            return f.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .collect(Collectors.joining("."));
        }
    }

    /** Anything else is a bug: logged with its stack trace, shown as a plain 500. */
    public static final class Bug extends Mapper implements ExceptionMapper<Throwable> {
        Bug(ErrorPage pages) {
            super(pages);
        }

        @Override
        public Response toResponse(Throwable e) {
            ApiException refused = wrapped(e);
            if (refused != null) {
                return answer(refused.status(), refused.body());
            }
            LOG.error("web request failed", e);
            return answer(500, new ApiError("internal error", "the request failed inside Vigil; see the server log"));
        }
    }
}
