package org.vigil.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Requests made while the monitor starts wait for it, and are answered 503 when it takes too long. */
class StartGateTest {

    private final Map<String, Object> sent = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final AtomicBoolean passed = new AtomicBoolean();

    @Test
    void a_request_made_during_the_start_is_served_once_the_monitor_has_started() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> started.complete(null));

        new StartGate(started, Duration.ofSeconds(30)).doFilter(null, response(), (rq, rs) -> passed.set(true));

        assertThat(started).isDone();
        assertThat(passed).isTrue();
        assertThat(sent).isEmpty();
    }

    @Test
    void a_request_that_waits_too_long_is_told_the_monitor_is_starting() throws Exception {
        new StartGate(new CompletableFuture<>(), Duration.ofMillis(50)).doFilter(null, response(),
                (rq, rs) -> passed.set(true));

        assertThat(passed).isFalse();
        assertThat(sent).containsEntry("status", 503).containsEntry("Retry-After", "5");
        assertThat(body.toString(StandardCharsets.UTF_8)).contains("\"error\":\"starting\"");
    }

    @Test
    void after_the_start_requests_pass_at_once() throws Exception {
        new StartGate(CompletableFuture.completedFuture(null), Duration.ZERO).doFilter(null, response(),
                (rq, rs) -> passed.set(true));

        assertThat(passed).isTrue();
    }

    private HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> sent.put("status", args[0]);
                        case "setHeader" -> sent.put((String) args[0], args[1]);
                        case "setContentType" -> sent.put("type", args[0]);
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> {
                        }
                    }
                    return null;
                });
    }
}
