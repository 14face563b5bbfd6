package org.vigil.checks.builtin.curl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;

/**
 * The engine's check timeout cuts a run shorter than the plugin's own {@code -t}, as it would kill the plugin;
 * libcurl's own timeout is a result with its text.
 */
class CurlCheckTimeoutTest {

    @Test
    void anEngineTimeoutShorterThanThePluginsEndsTheRunAsTimedOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            BuiltinCheck.Prepared p = new CurlCheck().prepare(
                    List.of("-I", "127.0.0.1", "-p", String.valueOf(silent.getLocalPort()), "-t", "10"));
            long start = System.nanoTime();
            PluginResult r = ((BuiltinCheck.Ready) p).run().run(Duration.ofMillis(300));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.timedOut()).isTrue();
            assertThat(r.stdout()).isEmpty();
            assertThat(tookMillis).isBetween(250L, 3000L);
        }
    }

    @Test
    void thePluginsOwnTimeoutIsAResultWithLibcurlsText() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = silent.getLocalPort();
            BuiltinCheck.Prepared p = new CurlCheck().prepare(List.of("-I", "127.0.0.1", "-p", String.valueOf(port),
                    "-t", "1"));
            PluginResult r = ((BuiltinCheck.Ready) p).run().run(Duration.ofSeconds(60));
            assertThat(r.timedOut()).isFalse();
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stdout()).matches("HTTP CRITICAL - Invalid HTTP response received from host on port " + port
                    + ": cURL returned 28 - Operation timed out after 1[0-9]{3} milliseconds with 0 bytes received\n");
        }
    }
}
