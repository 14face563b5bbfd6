package org.vigil.livestatus.server;

import java.time.Duration;

/**
 * How much one client may take of the Livestatus server, so that none can hold up the others: the threads that
 * answer (one per connection being answered or waiting for its next request), the connections that may queue for
 * one, the size of a request, and how long a client may take to send one, to start its next (keep-alive) and to
 * read its answer. A zero duration means no limit.
 *
 * @param threads          connections answered at once (Livestatus's {@code num_client_threads})
 * @param queued           accepted connections that may wait for a thread; more are closed at once
 * @param maxRequestBytes  a larger request is answered 413 and its connection closed
 * @param requestTimeout   from a request's first byte (or the connection's start) to its empty line
 *                         (Livestatus's {@code query_timeout})
 * @param idleTimeout      a kept-alive connection's wait for its next request (Livestatus's {@code idle_timeout})
 * @param writeTimeout     how long writing one answer may take (a client that does not read it is cut off)
 */
public record ServerLimits(int threads, int queued, int maxRequestBytes, Duration requestTimeout,
                           Duration idleTimeout, Duration writeTimeout) {

    /** Livestatus's defaults where it has them (10 s query, 300 s idle); 64 threads, as waits hold one each. */
    public static final ServerLimits DEFAULT = new ServerLimits(64, 1000, 1 << 20, Duration.ofSeconds(10),
            Duration.ofSeconds(300), Duration.ofSeconds(60));

    public ServerLimits {
        if (threads < 1 || queued < 0 || maxRequestBytes < 16) {
            throw new IllegalArgumentException("threads >= 1, queued >= 0, max_request_bytes >= 16");
        }
        if (requestTimeout.isNegative() || idleTimeout.isNegative() || writeTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts are 0 (none) or more");
        }
    }

    public ServerLimits withThreads(int n) {
        return new ServerLimits(n, queued, maxRequestBytes, requestTimeout, idleTimeout, writeTimeout);
    }

    public ServerLimits withRequestTimeout(Duration d) {
        return new ServerLimits(threads, queued, maxRequestBytes, d, idleTimeout, writeTimeout);
    }

    public ServerLimits withIdleTimeout(Duration d) {
        return new ServerLimits(threads, queued, maxRequestBytes, requestTimeout, d, writeTimeout);
    }
}
