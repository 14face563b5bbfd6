package org.vigil.app.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.config.main.LivestatusModuleLine;
import org.vigil.config.main.MainConfig;
import org.vigil.livestatus.server.Endpoint;
import org.vigil.livestatus.server.ServerLimits;

/**
 * Where and how Livestatus listens, from the two places that may say so: a {@code broker_module=.../livestatus.o
 * <socket> [options]} line of nagios.cfg (its socket and the options Vigil reads) and {@code livestatus:} in
 * vigil.yml, whose keys win. Off (empty) unless one of them names a socket or a TCP address.
 */
record LivestatusSetup(List<Endpoint> endpoints, ServerLimits limits) {

    /** The setup {@code main} and {@code settings} (null without vigil.yml) give, if Livestatus is on. */
    static Optional<LivestatusSetup> of(MainConfig main, RunSettings settings) {
        Optional<LivestatusModuleLine> line = LivestatusModuleLine.of(main);
        LivestatusConfig yml = settings == null || settings.livestatus == null ? new LivestatusConfig()
                : settings.livestatus;
        List<Endpoint> endpoints = new ArrayList<>();
        if (yml.socket != null) {
            endpoints.add(Endpoint.unix(settings.baseDir().resolve(yml.socket).normalize()));
        } else {
            line.flatMap(LivestatusModuleLine::socket)
                    .ifPresent(s -> endpoints.add(Endpoint.unix(main.file().toAbsolutePath().getParent().resolve(s))));
        }
        yml.tcp().ifPresent(t -> endpoints.add(Endpoint.tcp(t.host(), t.port())));
        if (endpoints.isEmpty()) {
            return Optional.empty();
        }
        ServerLimits limits = ServerLimits.DEFAULT;
        if (line.isPresent()) {
            LivestatusModuleLine l = line.get();
            limits = limits.withThreads(l.threads().orElse(limits.threads()))
                    .withRequestTimeout(l.queryTimeout().orElse(limits.requestTimeout()))
                    .withIdleTimeout(l.idleTimeout().orElse(limits.idleTimeout()));
        }
        limits = new ServerLimits(
                yml.threads != null ? yml.threads : limits.threads(),
                yml.maxQueued != null ? yml.maxQueued : limits.queued(),
                yml.maxRequestBytes != null ? yml.maxRequestBytes : limits.maxRequestBytes(),
                seconds(yml.requestTimeoutSeconds).orElse(limits.requestTimeout()),
                seconds(yml.idleTimeoutSeconds).orElse(limits.idleTimeout()),
                seconds(yml.writeTimeoutSeconds).orElse(limits.writeTimeout()));
        return Optional.of(new LivestatusSetup(endpoints, limits));
    }

    private static Optional<Duration> seconds(Double s) {
        return s == null ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(s * 1000)));
    }

    /** How the start-up log says it: {@code unix:/var/lib/nagios4/rw/live and tcp:127.0.0.1:6557}. */
    static String describe(List<String> listening) {
        return String.join(" and ", listening);
    }
}
