package org.vigil.web.hooks;

import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.ReadModel;
import org.vigil.web.api.CommandRunner;
import org.vigil.web.model.Monitor;

/**
 * The pagers' receivers as {@code receivers:} configures them: the servlet the web application maps at
 * {@code /hooks/*}, and their counters for {@code /metrics} (shown once any receiver is enabled).
 */
public final class Receivers {

    private final HooksServlet servlet;
    private final ReceiverCounters counters;
    private final boolean any;

    private Receivers(HooksServlet servlet, ReceiverCounters counters, boolean any) {
        this.servlet = servlet;
        this.counters = counters;
        this.any = any;
    }

    /** The receivers of {@code config}, acting on {@code monitor} through {@code commands}. */
    public static Receivers of(ReceiversConfig config, Monitor monitor, ReadModel reader, CommandRunner commands,
                               Clock clock) {
        Receiver pd = new PagerDutyReceiver(config.pagerduty.signingSecrets);
        Receiver og = new OpsgenieReceiver(config.opsgenie.tokens);
        Map<String, Receiver> all = new LinkedHashMap<>();
        all.put(pd.name(), pd);
        all.put(og.name(), og);
        Map<String, Receiver> enabled = new LinkedHashMap<>();
        if (config.pagerduty.enabled) {
            enabled.put(pd.name(), pd);
        }
        if (config.opsgenie.enabled) {
            enabled.put(og.name(), og);
        }
        ReceiverCounters counters = new ReceiverCounters(List.copyOf(all.values()));
        HooksServlet servlet = new HooksServlet(all, enabled, new SeenEvents(clock, config.window(),
                config.rememberedEvents), new PagerActions(monitor, reader, commands), counters, config.maxBodyBytes);
        return new Receivers(servlet, counters, !enabled.isEmpty());
    }

    /** The servlet to map at {@code /hooks/*}. */
    public HttpServlet servlet() {
        return servlet;
    }

    /** Appends the receivers' series when any receiver is enabled; nothing otherwise. */
    public void appendPrometheus(StringBuilder out) {
        if (any) {
            counters.appendPrometheus(out);
        }
    }
}
