package org.vigil.web.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.model.CheckView;
import org.vigil.model.HostView;
import org.vigil.model.ProblemHandling;
import org.vigil.model.ServiceView;
import org.vigil.model.ReadModel;
import org.vigil.model.StatusSnapshot;

/**
 * {@code /metrics} on the admin port in Prometheus's text format (0.0.4): checks run, check latency and
 * execution time, and hosts and services per state (split into handled and unhandled problems); then the series of
 * parts outside the web layer ({@link org.vigil.web.model.MetricsSource}: the metric writers' queues and drops).
 */
final class PrometheusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ReadModel reader;
    private final transient org.vigil.web.model.MetricsSource others;

    /** Serves {@code reader}'s series, then the current ones of {@code others} (parts outside the web layer). */
    PrometheusServlet(ReadModel reader, org.vigil.web.model.MetricsSource others) {
        this.reader = reader;
        this.others = others;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
        resp.setHeader("Cache-Control", "no-cache");
        StringBuilder more = new StringBuilder();
        others.appendPrometheus(more);
        resp.getWriter().write(reader.current().derived(KEY, PrometheusServlet::render));
        resp.getWriter().write(more.toString());
    }

    /** The key under which a snapshot keeps its metrics text: every scrape of one snapshot gets the same. */
    private static final Object KEY = new Object();

    static String render(StatusSnapshot s) {
        StringBuilder out = new StringBuilder(4096);
        var p = s.program();
        metric(out, "vigil_checks_completed_total", "counter",
                "Checks completed by the running engine (reset by a reload).");
        out.append("vigil_checks_completed_total ").append(p.checksCompleted()).append('\n');
        metric(out, "vigil_check_latency_seconds", "gauge",
                "Scheduling latency of recent checks, by quantile.");
        out.append("vigil_check_latency_seconds{quantile=\"0.5\"} ").append(num(p.latencyP50Millis() / 1000)).append('\n');
        out.append("vigil_check_latency_seconds{quantile=\"0.99\"} ").append(num(p.latencyP99Millis() / 1000)).append('\n');
        metric(out, "vigil_perfdata_dropped_total", "counter", "Performance data lines and perfdata, OCSP and OCHP "
                + "commands dropped because their bounded queue was full (reset by a reload).");
        out.append("vigil_perfdata_dropped_total ").append(p.perfdataDropped()).append('\n');
        List<CheckView> hosts = s.hosts().stream().map(HostView::status).toList();
        List<CheckView> services = s.services().stream().map(ServiceView::status).toList();
        metric(out, "vigil_check_execution_time_seconds", "gauge",
                "Execution time of the last checks of hosts and services: average and maximum.");
        execution(out, "host", hosts);
        execution(out, "service", services);
        metric(out, "vigil_hosts", "gauge", "Hosts per state; problems split into handled (acknowledged or in "
                + "downtime) and unhandled.");
        states(out, "vigil_hosts", hosts, "UP", "DOWN", "UNREACHABLE", "PENDING");
        metric(out, "vigil_services", "gauge", "Services per state; problems split into handled and unhandled.");
        List<CheckView> counted = new java.util.ArrayList<>(services.size()); // handled as ProblemHandling says
        for (int i = 0; i < services.size(); i++) {
            CheckView c = services.get(i);
            counted.add(c.problem() ? c.handled(ProblemHandling.handled(c, hosts.get(s.hostPositionOfService(i))))
                    : c);
        }
        states(out, "vigil_services", counted, "OK", "WARNING", "CRITICAL", "UNKNOWN", "PENDING");
        return out.toString();
    }

    private static void metric(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void execution(StringBuilder out, String kind, List<CheckView> views) {
        double sum = 0;
        double max = 0;
        int n = 0;
        for (CheckView v : views) {
            if (v.lastCheck() != null) {
                sum += v.executionTime();
                max = Math.max(max, v.executionTime());
                n++;
            }
        }
        out.append("vigil_check_execution_time_seconds{kind=\"").append(kind).append("\",stat=\"avg\"} ")
                .append(num(n == 0 ? 0 : sum / n)).append('\n');
        out.append("vigil_check_execution_time_seconds{kind=\"").append(kind).append("\",stat=\"max\"} ")
                .append(num(max)).append('\n');
    }

    private static void states(StringBuilder out, String name, List<CheckView> views, String... states) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String st : states) {
            counts.put(st, new int[2]);
        }
        for (CheckView v : views) {
            counts.computeIfAbsent(v.state(), k -> new int[2])[v.problem() && !v.handled() ? 1 : 0]++;
        }
        counts.forEach((state, c) -> {
            boolean ok = state.equals("UP") || state.equals("OK") || state.equals("PENDING");
            if (ok) {
                out.append(name).append("{state=\"").append(state).append("\"} ").append(c[0] + c[1]).append('\n');
            } else {
                out.append(name).append("{state=\"").append(state).append("\",handled=\"true\"} ").append(c[0])
                        .append('\n');
                out.append(name).append("{state=\"").append(state).append("\",handled=\"false\"} ").append(c[1])
                        .append('\n');
            }
        });
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }
}
