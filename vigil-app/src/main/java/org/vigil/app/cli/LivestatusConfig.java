package org.vigil.app.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code livestatus:} in {@code vigil.yml}: Vigil's own Livestatus settings, beside (and over) what a
 * {@code broker_module=.../livestatus.o} line of nagios.cfg gives. Every key is optional; absent ones take the
 * broker_module line's options, then Livestatus's defaults.
 */
public final class LivestatusConfig {

    /** The Unix socket; replaces the broker_module line's. */
    @JsonProperty
    public String socket;

    /** A TCP listener, {@code host:port} (no TLS, no authentication: bind it to a trusted network). */
    @JsonProperty
    public String listen;

    /** Connections answered at once (each wait holds one). */
    @JsonProperty
    public Integer threads;

    /** Connections that may wait for a thread; more are closed at once. */
    @JsonProperty("max_queued_connections")
    public Integer maxQueued;

    /** A larger request is answered 413 and its connection closed. */
    @JsonProperty("max_request_bytes")
    public Integer maxRequestBytes;

    /** Seconds from a connection's start, or a request's first byte, to the request's end (0: none). */
    @JsonProperty("request_timeout_seconds")
    public Double requestTimeoutSeconds;

    /** Seconds a kept-alive connection may wait for its next request (0: none). */
    @JsonProperty("idle_timeout_seconds")
    public Double idleTimeoutSeconds;

    /** Seconds a client may take to read one answer (0: none). */
    @JsonProperty("write_timeout_seconds")
    public Double writeTimeoutSeconds;

    /** The {@code listen:} host and port, when given and well formed. */
    Optional<HostPort> tcp() {
        if (listen == null) {
            return Optional.empty();
        }
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String host = listen.substring(0, colon).replace("[", "").replace("]", "");
        try {
            int port = Integer.parseInt(listen.substring(colon + 1));
            return port < 0 || port > 65535 ? Optional.empty()
                    : Optional.of(new HostPort(host.isEmpty() ? "0.0.0.0" : host, port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A TCP address. */
    record HostPort(String host, int port) {
    }

    /** What is wrong with these settings, each naming its key ({@code livestatus.listen: ...}). */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (listen != null && tcp().isEmpty()) {
            out.add("livestatus.listen: '" + listen + "' is not host:port (expected, say, 127.0.0.1:6557)");
        }
        if (socket != null && socket.isBlank()) {
            out.add("livestatus.socket: is empty (expected the path of the Unix socket)");
        }
        if (threads != null && threads < 1) {
            out.add("livestatus.threads: must be 1 or more");
        }
        if (maxQueued != null && maxQueued < 0) {
            out.add("livestatus.max_queued_connections: must be 0 or more");
        }
        if (maxRequestBytes != null && maxRequestBytes < 16) {
            out.add("livestatus.max_request_bytes: must be 16 or more");
        }
        seconds("request_timeout_seconds", requestTimeoutSeconds, out);
        seconds("idle_timeout_seconds", idleTimeoutSeconds, out);
        seconds("write_timeout_seconds", writeTimeoutSeconds, out);
        return out;
    }

    private static void seconds(String key, Double value, List<String> out) {
        if (value != null && (value < 0 || value.isNaN())) {
            out.add("livestatus." + key + ": must be 0 (no limit) or more seconds");
        }
    }
}
