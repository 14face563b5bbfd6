package org.vigil.web.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigil.web.app.VigilConfiguration;

/**
 * A data-centre outage for the bulk-action tests: {@code hosts} hosts of {@code servicesPerHost} services each, all
 * CRITICAL (passive results, one attempt, so HARD at once; notifications off), on a {@link WebFixture} with the
 * default settings. Hosts are named {@code hostPrefix}N, services {@code servicePrefix}N.
 */
public final class OutageFixture implements AutoCloseable {

    /** How the outage's objects are named and what their checks say. */
    public record Names(String hostPrefix, String servicePrefix, String output) {
    }

    public final WebFixture fixture;
    /** How many services are CRITICAL. */
    public final int all;

    public OutageFixture(Path dir, int hosts, int servicesPerHost, Names names) throws Exception {
        StringBuilder objects = new StringBuilder("""
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
                }
                define contact {
                    contact_name ops
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                """);
        List<String> results = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            String host = names.hostPrefix() + h;
            objects.append("define host {\n host_name ").append(host)
                    .append("\n max_check_attempts 1\n active_checks_enabled 0\n contacts ops\n}\n");
            for (int s = 0; s < servicesPerHost; s++) {
                String service = names.servicePrefix() + s;
                objects.append("define service {\n host_name ").append(host).append("\n service_description ")
                        .append(service).append("\n check_command check_dummy!2\n")
                        .append(" max_check_attempts 1\n active_checks_enabled 0\n contacts ops\n}\n");
                results.add("PROCESS_SERVICE_CHECK_RESULT;" + host + ";" + service + ";2;" + names.output());
            }
        }
        fixture = WebFixture.of(dir, objects.toString(), "enable_notifications=0\n", new VigilConfiguration());
        fixture.commands(results);
        all = hosts * servicesPerHost;
    }

    /** The web server's address, {@code http://127.0.0.1:PORT}. */
    public String base() {
        return "http://127.0.0.1:" + fixture.web.port();
    }

    @Override
    public void close() {
        fixture.close();
    }
}
