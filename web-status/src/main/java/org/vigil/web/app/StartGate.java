package org.vigil.web.app;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Holds requests until the monitor has started: the web server is built while retained state is still being
 * restored (so its own start-up, seconds of class loading, overlaps that), but nothing it serves may show the
 * objects before their retained state is back. A request that waits longer than {@code patience} gets a 503.
 */
final class StartGate implements Filter {

    private final CompletableFuture<?> started;
    private final Duration patience;

    StartGate(CompletableFuture<?> started, Duration patience) {
        this.started = started;
        this.patience = patience;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (started.isDone() || waited()) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(503);
        http.setHeader("Retry-After", "5");
        http.setContentType("application/json");
        http.getOutputStream().write("{\"error\":\"starting\",\"detail\":\"the monitor is still restoring its retained state\"}"
                .getBytes(StandardCharsets.UTF_8));
    }

    private boolean waited() {
        try {
            started.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true; // the start failed: let the request see what there is, as before the gate
        } catch (TimeoutException e) {
            return false;
        }
    }
}
