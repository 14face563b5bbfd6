package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ObjectModel;
import org.vigil.worker.gearman.ServerAddress;

/** Loads real object definitions through config-parser, and builds module.conf settings field by field. */
final class RoutingFixture {

    private RoutingFixture() {
    }

    /** The model of {@code objects} (written with a nagios.cfg naming it into {@code dir}), failing on any problem. */
    static ObjectModel model(Path dir, String objects) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\n");
        Files.writeString(dir.resolve("objects.cfg"), objects);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        return config.model();
    }

    /** module.conf's settings, mod_gearman's defaults unless changed. */
    static final class Conf {
        boolean hosts = true;
        boolean services = true;
        boolean eventhandler = true;
        boolean notifications;
        boolean doHostchecks = true;
        boolean routeEventhandlerLikeChecks;
        List<String> hostgroups = new ArrayList<>();
        List<String> servicegroups = new ArrayList<>();
        List<String> localHostgroups = new ArrayList<>();
        List<String> localServicegroups = new ArrayList<>();
        Optional<String> queueCustomVariable = Optional.empty();

        /** mod_gearman: naming any group or general queue by hand turns off the general queues not named. */
        Conf byHand() {
            hosts = false;
            services = false;
            eventhandler = false;
            return this;
        }

        DispatchSettings settings() {
            return new DispatchSettings(List.of(ServerAddress.parse("localhost:4730")), List.of(), null, false, false,
                    hosts, services, eventhandler, notifications, doHostchecks, routeEventhandlerLikeChecks,
                    hostgroups, servicegroups, localHostgroups, localServicegroups, queueCustomVariable, true,
                    DispatchSettings.CHECK_RESULTS, 1, true, true, 2, Duration.ofSeconds(10), Optional.empty());
        }
    }
}
