package org.vigil.web.app;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import org.eclipse.jetty.http.UriCompliance;

/**
 * A service named with a slash ({@code Disk /var}) in the JSON API's paths: {@code /api/v1/services/web1/Disk%20%2Fvar}.
 * Jetty refuses an encoded slash ({@code %2F}) by default (a 400) and a raw one is a path separator (a 404, or another
 * resource: {@code .../Disk%20/var/acknowledge}). Jetty is told to accept it, and Jersey, which matches the path
 * still encoded, reads {@code %2F} as part of one segment. Only the API takes it: elsewhere (pages, static files) a
 * path with {@code %2F} stays a 400, so no file or page path is ever read two ways. The pages take the raw slash
 * ({@code /service/web1/Disk%20/var}): their service name is the rest of the path.
 */
final class EncodedSlashes implements Filter {

    /** Where an encoded slash is a character of a name. */
    static final String API = "/api/v1/";

    private EncodedSlashes() {
    }

    /** Lets {@code %2F} through Jetty on every application connector, then refuses it outside {@link #API}. */
    static void allowInApi(VigilConfiguration config, Environment env) {
        if (config.getServerFactory() instanceof DefaultServerFactory f) {
            for (ConnectorFactory c : f.getApplicationConnectors()) {
                if (c instanceof HttpConnectorFactory h) {
                    UriCompliance set = h.getUriCompliance() == null ? UriCompliance.DEFAULT : h.getUriCompliance();
                    h.setUriCompliance(set.with("vigil: %2F in the API's names",
                            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
                }
            }
        }
        env.getApplicationContext().getServletHandler().setDecodeAmbiguousURIs(true);
        env.servlets().addFilter("vigil-encoded-slashes", new EncodedSlashes())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String raw = ((HttpServletRequest) request).getRequestURI();
        if (raw.toUpperCase(Locale.ROOT).contains("%2F") && !raw.startsWith(API)) {
            HttpServletResponse r = (HttpServletResponse) response;
            r.setStatus(400);
            r.setContentType("text/plain;charset=UTF-8");
            r.getOutputStream().write(("400 Bad Request: an encoded slash (%2F) is taken only in " + API
                    + " paths; the pages take a service name's slash as it is (/service/HOST/Disk%20/var)\n")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
