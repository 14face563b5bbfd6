package org.vigil.engine.handler;

import java.time.Duration;
import org.vigil.config.main.MainConfig;

/**
 * The {@code nagios.cfg} directives of event handlers, with Nagios's defaults.
 *
 * @param globalHostHandler {@code global_host_event_handler} ({@code command!args}), or null
 * @param globalServiceHandler {@code global_service_event_handler}, or null
 * @param timeout {@code event_handler_timeout} (default 30 s)
 * @param logEventHandlers {@code log_event_handlers} (default on)
 * @param environmentMacros {@code enable_environment_macros} (default off)
 */
public record HandlerSettings(String globalHostHandler, String globalServiceHandler, Duration timeout,
                              boolean logEventHandlers, boolean environmentMacros) {

    public static HandlerSettings from(MainConfig main) {
        return new HandlerSettings(blankToNull(main.value("global_host_event_handler", null)),
                blankToNull(main.value("global_service_event_handler", null)),
                Duration.ofSeconds(Math.max(1, seconds(main.value("event_handler_timeout", "30")))),
                main.flag("log_event_handlers", true), main.flag("enable_environment_macros", false));
    }

    private static long seconds(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 30;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
