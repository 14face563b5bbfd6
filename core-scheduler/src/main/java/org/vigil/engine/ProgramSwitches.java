package org.vigil.engine;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.flap.FlapDetection;
import org.vigil.engine.flap.FlapEvent;
import org.vigil.engine.state.Checkables;
import org.vigil.engine.state.StateSettings;

/**
 * The program-wide switches: {@code enable_notifications}, {@code execute_service_checks},
 * {@code execute_host_checks}, {@code accept_passive_*_checks}, {@code enable_event_handlers} and
 * {@code enable_flap_detection}, {@code process_performance_data}, {@code obsess_over_services} and
 * {@code obsess_over_hosts}. Those changed by command are retained, as Nagios retains modified attributes.
 * Changed on the engine thread; the two execute switches are read by the clock thread too.
 */
public final class ProgramSwitches {

    /** What a switch change needs of the rest of the engine. */
    interface Wiring {
        /** The result handlers, which judge passive results and host routes by the switches. */
        void settingsChanged(StateSettings settings);

        /** The program's record changed: retain it. */
        void programChanged();

        /** A flap event changed an object: log it, tell the listener, retain the object. */
        void flapped(List<FlapEvent> events);
    }

    private final FlapDetection flapping;
    private final Checkables objects;
    private final Clock clock;
    private Wiring wiring;
    private StateSettings settings;
    private boolean notificationsEnabled;
    private volatile boolean executeServiceChecks;
    private volatile boolean executeHostChecks;
    private boolean eventHandlersEnabled;
    private boolean performanceData;
    private boolean obsessOverServices;
    private boolean obsessOverHosts;
    /** The switches changed by command, the only ones retained (as Nagios's modified attributes). */
    private final Map<String, String> changes = new HashMap<>();

    ProgramSwitches(MainConfig main, FlapDetection flapping, Checkables objects, Clock clock) {
        this.settings = StateSettings.from(main);
        this.flapping = flapping;
        this.objects = objects;
        this.clock = clock;
        this.notificationsEnabled = main.flag("enable_notifications", true);
        this.executeServiceChecks = main.flag("execute_service_checks", true);
        this.executeHostChecks = settings.executeHostChecks();
        this.eventHandlersEnabled = main.flag("enable_event_handlers", true);
        this.performanceData = main.flag("process_performance_data", false);
        this.obsessOverServices = main.flag("obsess_over_services", false);
        this.obsessOverHosts = main.flag("obsess_over_hosts", false);
    }

    /** Connects the switches to the handlers and retention; once, while the engine is built. */
    void wire(Wiring w) {
        this.wiring = w;
    }

    /** The state machine's settings with the switches now in force. */
    StateSettings settings() {
        return settings;
    }

    /** Whether notifications are sent at all ({@code enable_notifications}, retained across restarts). */
    public void setNotificationsEnabled(boolean enabled) {
        notificationsEnabled = enabled;
        wiring.programChanged();
    }

    /** The program-wide notification switch. */
    public boolean notificationsEnabled() {
        return notificationsEnabled;
    }

    /** Whether flap detection is on at all ({@code enable_flap_detection}, retained across restarts). */
    public boolean flapDetectionEnabled() {
        return flapping.enabled();
    }

    /** {@code ENABLE_FLAP_DETECTION}/{@code DISABLE_FLAP_DETECTION}. */
    public void setFlapDetectionEnabled(boolean enabled) {
        wiring.flapped(flapping.setEnabled(enabled, objects.targets(), objects::status, clock.instant()));
        wiring.programChanged();
    }

    /** {@code enable_event_handlers}. */
    public void setEventHandlersEnabled(boolean enabled) {
        eventHandlersEnabled = enabled;
        changed("enable_event_handlers", enabled);
    }

    public boolean eventHandlersEnabled() {
        return eventHandlersEnabled;
    }

    /** {@code process_performance_data}: {@code ENABLE_PERFORMANCE_DATA}/{@code DISABLE_PERFORMANCE_DATA}. */
    public void setPerformanceData(boolean enabled) {
        performanceData = enabled;
        changed("process_performance_data", enabled);
    }

    public boolean performanceData() {
        return performanceData;
    }

    /** {@code obsess_over_services}: {@code START_OBSESSING_OVER_SVC_CHECKS}/{@code STOP_...}. */
    public void setObsessOverServices(boolean enabled) {
        obsessOverServices = enabled;
        changed("obsess_over_services", enabled);
    }

    public boolean obsessOverServices() {
        return obsessOverServices;
    }

    /** {@code obsess_over_hosts}: {@code START_OBSESSING_OVER_HOST_CHECKS}/{@code STOP_...}. */
    public void setObsessOverHosts(boolean enabled) {
        obsessOverHosts = enabled;
        changed("obsess_over_hosts", enabled);
    }

    public boolean obsessOverHosts() {
        return obsessOverHosts;
    }

    /** {@code execute_service_checks}: while off, scheduled service checks are skipped; forced ones still run. */
    public void setExecuteServiceChecks(boolean enabled) {
        executeServiceChecks = enabled;
        changed("active_service_checks_enabled", enabled);
    }

    public boolean executeServiceChecks() {
        return executeServiceChecks;
    }

    /** {@code execute_host_checks}: while off, scheduled and on-demand host checks are skipped. */
    public void setExecuteHostChecks(boolean enabled) {
        executeHostChecks = enabled;
        updateSettings();
        changed("active_host_checks_enabled", enabled);
    }

    public boolean executeHostChecks() {
        return executeHostChecks;
    }

    /** {@code accept_passive_service_checks}. */
    public void setAcceptPassiveServiceChecks(boolean enabled) {
        settings = settings.withProgramSwitches(enabled, settings.acceptPassiveHostChecks(), executeHostChecks);
        updateSettings();
        changed("passive_service_checks_enabled", enabled);
    }

    public boolean acceptPassiveServiceChecks() {
        return settings.acceptPassiveServiceChecks();
    }

    /** {@code accept_passive_host_checks}. */
    public void setAcceptPassiveHostChecks(boolean enabled) {
        settings = settings.withProgramSwitches(settings.acceptPassiveServiceChecks(), enabled, executeHostChecks);
        updateSettings();
        changed("passive_host_checks_enabled", enabled);
    }

    public boolean acceptPassiveHostChecks() {
        return settings.acceptPassiveHostChecks();
    }

    private void updateSettings() {
        settings = settings.withProgramSwitches(settings.acceptPassiveServiceChecks(),
                settings.acceptPassiveHostChecks(), executeHostChecks);
        wiring.settingsChanged(settings);
    }

    private void changed(String attribute, boolean enabled) {
        changes.put(attribute, enabled ? "1" : "0");
        wiring.programChanged();
    }

    /** The switches as the program's retention record keeps them (with the event ids the caller adds). */
    Map<String, String> retained() {
        Map<String, String> program = new HashMap<>(changes);
        program.put("enable_notifications", notificationsEnabled ? "1" : "0");
        program.put("enable_flap_detection", flapping.enabled() ? "1" : "0");
        return program;
    }

    /** Restores the switches of the program's record from before the restart; engine thread, before start. */
    void restore(Map<String, String> attributes) {
        String flag = attributes.get("enable_notifications");
        if (flag != null) {
            notificationsEnabled = "1".equals(flag);
        }
        flapping.restoreEnabled(attributes.get("enable_flap_detection"));
        Function<String, Optional<Boolean>> on = k -> Optional.ofNullable(attributes.get(k))
                .filter(v -> v.equals("0") || v.equals("1")).map("1"::equals);
        on.apply("enable_event_handlers").ifPresent(this::setEventHandlersEnabled);
        on.apply("active_service_checks_enabled").ifPresent(this::setExecuteServiceChecks);
        on.apply("active_host_checks_enabled").ifPresent(this::setExecuteHostChecks);
        on.apply("passive_service_checks_enabled").ifPresent(this::setAcceptPassiveServiceChecks);
        on.apply("passive_host_checks_enabled").ifPresent(this::setAcceptPassiveHostChecks);
        on.apply("process_performance_data").ifPresent(this::setPerformanceData);
        on.apply("obsess_over_services").ifPresent(this::setObsessOverServices);
        on.apply("obsess_over_hosts").ifPresent(this::setObsessOverHosts);
    }
}
