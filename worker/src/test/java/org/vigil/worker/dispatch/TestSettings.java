package org.vigil.worker.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.vigil.worker.gearman.ServerAddress;

/** module.conf's defaults for one gearmand, hosts and services queued, with the few settings tests change. */
final class TestSettings {

    String key = "dispatch-secret";
    boolean encryption = true;
    boolean acceptClearResults;
    boolean orphanHostChecks = true;
    boolean orphanServiceChecks = true;
    int orphanReturn = 2;
    int resultWorkers = 1;
    boolean eventhandler;
    boolean notifications;
    Duration orphanAfter = Duration.ofSeconds(10);
    Optional<Duration> localFallbackAfter = Optional.empty();
    private final ServerAddress server;

    TestSettings(ServerAddress server) {
        this.server = server;
    }

    DispatchSettings build() {
        return new DispatchSettings(List.of(server), List.of(), key, encryption, acceptClearResults, true, true,
                eventhandler, notifications, true, false, List.of(), List.of(), List.of(), List.of(), Optional.empty(), true,
                DispatchSettings.CHECK_RESULTS, resultWorkers, orphanHostChecks, orphanServiceChecks, orphanReturn,
                orphanAfter, localFallbackAfter);
    }
}
