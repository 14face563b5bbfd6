package org.vigil.app.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.vigil.checks.builtin.BuiltinSwitches;
import org.vigil.perfdata.MetricsConfig;
import org.vigil.web.app.VigilConfiguration;

/**
 * {@code vigil.yml} as {@code vigil run} reads it: the web server's settings and, beside them, the sections of the
 * parts the web layer does not know: {@code metric_writers:} (the Graphite and InfluxDB writers, org.vigil.perfdata)
 * {@code livestatus:} (org.vigil.livestatus.server), {@code builtin_checks:} (org.vigil.checks.builtin) and
 * {@code gearman:} (org.vigil.worker.dispatch).
 */
public class RunSettings extends VigilConfiguration {

    /**
     * {@code metric_writers:} the metric writers; absent: none. Not {@code metrics:}, which is Dropwizard's own
     * section (its metrics reporters).
     */
    @JsonProperty("metric_writers")
    public MetricsConfig metrics;

    /** {@code perfdata:} the round-robin store behind the graphs; absent: on, beside the other state. */
    @JsonProperty
    public org.vigil.perfdata.PerfdataStoreConfig perfdata = new org.vigil.perfdata.PerfdataStoreConfig();

    /** {@code livestatus:} Vigil's Livestatus settings; absent: only a broker_module livestatus line turns it on. */
    @JsonProperty
    public LivestatusConfig livestatus;

    /** {@code builtin_checks:} the switches of the built-in checks; absent: every built-in on. */
    @JsonProperty("builtin_checks")
    public BuiltinChecksConfig builtinChecks = new BuiltinChecksConfig();

    /** {@code gearman:} checks sent to gearmand as mod_gearman does; absent: only a mod_gearman broker_module line. */
    @JsonProperty
    public GearmanConfig gearman;

    @Override
    public List<String> otherProblems() {
        List<String> out = new java.util.ArrayList<>(metrics == null ? List.of() : metrics.problems());
        if (perfdata != null) {
            out.addAll(perfdata.problems());
        }
        if (livestatus != null) {
            out.addAll(livestatus.problems());
        }
        if (builtinChecks != null) {
            out.addAll(builtinChecks.problems());
        }
        if (gearman != null) {
            out.addAll(gearman.problems());
        }
        return out;
    }

    /** The built-in checks' switches of {@code settings}, or the defaults (every built-in on) without vigil.yml. */
    static BuiltinSwitches builtins(RunSettings settings) {
        return settings == null || settings.builtinChecks == null ? BuiltinSwitches.ON
                : settings.builtinChecks.switches();
    }
}
