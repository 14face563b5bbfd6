package org.vigil.engine.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.FlapSettings;
import org.vigil.config.model.Host;
import org.vigil.config.model.Links;
import org.vigil.config.model.NotificationSettings;
import org.vigil.config.model.Options;
import org.vigil.config.model.Retention;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;

/** Config objects and statuses for the scenario tests: host "h", service "h;s" unless named otherwise. */
final class Fixtures {

    /** The fixed start of every scenario; table times are seconds after it. */
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {
    }

    /** The check settings of a test object: check_interval 5, retry_interval 1, in 60-second units. */
    static CheckSettings check(String command, char initialState, int maxAttempts, double checkInterval) {
        return new CheckSettings(command, "24x7", initialState, maxAttempts, checkInterval, 1, true, true, false,
                false, 0, null, true, true);
    }

    static Host host(String name, List<String> parents, CheckSettings check, String stalking) {
        return new Host(name, name, name, "127.0.0.1", parents, List.of(), check,
                new FlapSettings(false, 0, 0, Options.NONE),
                new NotificationSettings(List.of("admin"), List.of(), "24x7", Options.of("dur"), true, 60, 0),
                Options.of(stalking), Links.NONE, new Retention(true, true), 0, Map.of(), SourceLocation.NONE);
    }

    static Service service(String host, String description, CheckSettings check, boolean isVolatile,
                           String stalking) {
        return new Service(new ServiceKey(host, description), description, List.of(), List.of(), check, isVolatile,
                true, new FlapSettings(false, 0, 0, Options.NONE),
                new NotificationSettings(List.of("admin"), List.of(), "24x7", Options.of("wucr"), true, 60, 0),
                Options.of(stalking), Links.NONE, new Retention(true, true), 0, Map.of(), SourceLocation.NONE);
    }

    /** Service "h;s" with {@code max_check_attempts} {@code maxAttempts}, initially OK. */
    static ServiceStatus service(int maxAttempts) {
        return new ServiceStatus(service("h", "s", check("check_s", 'o', maxAttempts, 5), false, ""));
    }

    /** A host that is UP (HARD) and was last checked at T0, as if checked just before the scenario. */
    static HostStatus upHost(String name, String... parents) {
        HostStatus h = new HostStatus(host(name, List.of(parents), check("check_host", 'o', 3, 5), ""));
        h.setHasBeenChecked(true);
        h.setLastCheck(T0);
        h.setPluginOutput("PING OK");
        return h;
    }

    /** Host "h" with {@code max_check_attempts} {@code maxAttempts}, never checked, initially UP. */
    static HostStatus pendingHost(int maxAttempts, String... parents) {
        return new HostStatus(host("h", List.of(parents), check("check_host", 'o', maxAttempts, 5), ""));
    }
}
