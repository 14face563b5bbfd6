package org.vigil.web.pages;

import java.util.List;
import org.vigil.model.CheckView;
import org.vigil.model.HostView;
import org.vigil.model.ServiceView;

/**
 * The rows of the host, service and problem lists, written here rather than by their templates: through
 * Freemarker's reflection a row cost about 20 µs (500 rows, the default page, were about 10 ms of a 12.5 ms answer
 * at 100,000 services), written here it is a few appends. The HTML is what the templates wrote, every value
 * escaped as Freemarker's HTML output format escapes it ({@link #esc}); the page around the rows stays a template.
 */
final class ListRows {

    private final Fmt fmt;
    private final boolean canAct;
    private final StringBuilder out;
    /** Who acknowledged or put in downtime, for the badges' tooltips. */
    private final Handling handling;

    private ListRows(Fmt fmt, boolean canAct, int rows, Handling handling) {
        this.fmt = fmt;
        this.canAct = canAct;
        this.out = new StringBuilder(rows * 900 + 200);
        this.handling = handling;
    }

    /** The rows of the service list, a host's name shown on its first service only. */
    static String services(List<ServiceView> items, boolean canAct, Fmt fmt, Handling handling) {
        ListRows w = new ListRows(fmt, canAct, items.size(), handling);
        String lastHost = null;
        for (ServiceView v : items) {
            CheckView c = v.status();
            w.out.append("    <tr data-host=\"").append(esc(v.host())).append("\" data-service=\"")
                    .append(esc(v.description())).append("\" class=\"").append(esc(fmt.stateClass(c.state())))
                    .append("\">\n");
            w.select(v.host() + ";" + v.description());
            w.out.append("      <td>");
            if (!v.host().equals(lastHost)) {
                w.link(fmt.hostUrl(v.host()), v.host());
            }
            w.out.append("</td>\n      <td>");
            w.link(fmt.serviceUrl(v.host(), v.description()), v.description());
            w.out.append("</td>\n      <td>");
            w.state(c.state());
            w.out.append("</td>\n      <td class=\"nowrap\">");
            w.icons(c, v.host(), v.description());
            w.out.append("</td>\n");
            w.cell(fmt.time(c.lastCheck()));
            w.cell(fmt.duration(c.durationSeconds()));
            w.attempt(c);
            w.out.append("      <td class=\"output\">").append(esc(c.output())).append("</td>\n    </tr>\n");
            lastHost = v.host();
        }
        if (items.isEmpty()) {
            w.out.append("    <tr class=\"empty\"><td colspan=\"9\">No service matches.</td></tr>\n");
        }
        return w.out.toString();
    }

    /** The rows of the host list. */
    static String hosts(List<HostView> items, boolean canAct, Fmt fmt, Handling handling) {
        ListRows w = new ListRows(fmt, canAct, items.size(), handling);
        for (HostView h : items) {
            CheckView c = h.status();
            w.out.append("    <tr data-host=\"").append(esc(h.name())).append("\" class=\"")
                    .append(esc(fmt.stateClass(c.state()))).append("\">\n");
            w.select(h.name());
            w.out.append("      <td>");
            w.state(c.state());
            w.out.append("</td>\n      <td>");
            w.link(fmt.hostUrl(h.name()), h.name());
            w.out.append("</td>\n      <td class=\"nowrap\">");
            w.icons(c, h.name(), null);
            w.out.append("</td>\n");
            w.cell(fmt.time(c.lastCheck()));
            w.cell(fmt.duration(c.durationSeconds()));
            w.attempt(c);
            w.out.append("      <td class=\"output\">").append(esc(c.output())).append("</td>\n    </tr>\n");
        }
        if (items.isEmpty()) {
            w.out.append("    <tr class=\"empty\"><td colspan=\"8\">No host matches.</td></tr>\n");
        }
        return w.out.toString();
    }

    /**
     * The rows of the problem list that are {@code handled} (or not); {@code onePage} says whether the list has a
     * single page, for the text of an empty section. A host's row lists the services folded under it in a
     * {@code <details>} (open and closed without JavaScript).
     */
    static String problems(List<Problem> items, boolean handled, boolean onePage, boolean canAct, Fmt fmt,
                           Handling handling) {
        ListRows w = new ListRows(fmt, canAct, items.size(), handling);
        boolean any = false;
        for (Problem p : items) {
            if (p.handled() != handled) {
                continue;
            }
            any = true;
            ProblemRow r = p.row();
            CheckView c = r.status();
            w.out.append("    <tr data-host=\"").append(esc(r.host())).append('"');
            if (r.service() != null) {
                w.out.append(" data-service=\"").append(esc(r.service())).append('"');
            }
            w.out.append(" class=\"").append(esc(fmt.stateClass(c.state())));
            if (!p.affected().isEmpty()) {
                w.out.append(" has-affected");
            }
            w.out.append("\">\n");
            w.select(r.service() == null ? r.host() : r.host() + ";" + r.service());
            w.out.append("      <td>");
            w.link(fmt.hostUrl(r.host()), r.host());
            w.out.append("</td>\n      <td>");
            if (r.service() != null) {
                w.link(fmt.serviceUrl(r.host(), r.service()), r.service());
            } else if (!p.affected().isEmpty()) {
                w.affected(p);
            }
            w.out.append("</td>\n      <td>");
            w.state(c.state());
            w.out.append("</td>\n");
            w.cell(fmt.duration(c.durationSeconds()));
            w.attempt(c);
            w.cell(fmt.time(c.lastCheck()));
            w.out.append("      <td class=\"output\">").append(esc(c.output())).append("</td>\n");
            w.out.append("      <td class=\"nowrap\">");
            w.icons(c, r.host(), r.service());
            w.out.append("</td>\n    </tr>\n");
        }
        if (!any) {
            w.out.append("<tr class=\"empty\"><td colspan=\"").append(canAct ? 9 : 8).append("\">No ")
                    .append(handled ? "handled" : "unhandled").append(" problem")
                    .append(onePage ? "" : " on this page").append(".</td></tr>");
        }
        return w.out.toString();
    }

    /**
     * The services folded under a host's row: a summary that opens to one line each, each with its own check box
     * when the user may act (the header's "select all" ticks them too: in an outage the host and everything on it
     * are acknowledged in one go).
     */
    private void affected(Problem p) {
        out.append("<details class=\"affected\"><summary>").append(esc(p.summary()))
                .append("</summary>\n        <ul class=\"affected\">\n");
        for (ProblemRow r : p.affected()) {
            CheckView c = r.status();
            out.append("          <li data-host=\"").append(esc(r.host())).append("\" data-service=\"")
                    .append(esc(r.service())).append("\">");
            if (canAct) {
                String t = esc(r.host() + ";" + r.service());
                out.append("<input type=\"checkbox\" class=\"select\" name=\"target\" value=\"").append(t)
                        .append("\" aria-label=\"Select ").append(t).append("\"> ");
            }
            state(c.state());
            out.append(' ');
            link(fmt.serviceUrl(r.host(), r.service()), r.service());
            out.append(' ');
            icons(c, r.host(), r.service());
            out.append(" <span class=\"output\">").append(esc(c.output())).append("</span></li>\n");
        }
        out.append("        </ul></details>");
    }

    private void select(String target) {
        if (canAct) {
            String t = esc(target);
            out.append("      <td class=\"sel\"><input type=\"checkbox\" class=\"select\" name=\"target\" value=\"")
                    .append(t).append("\" aria-label=\"Select ").append(t).append("\"></td>\n");
        }
    }

    private void link(String href, String text) {
        out.append("<a href=\"").append(esc(href)).append("\">").append(esc(text)).append("</a>");
    }

    private void state(String state) {
        out.append("<span class=\"state ").append(esc(fmt.stateClass(state))).append("\">").append(esc(state))
                .append("</span>");
    }

    private void cell(String text) {
        out.append("      <td class=\"nowrap\">").append(esc(text)).append("</td>\n");
    }

    private void attempt(CheckView c) {
        out.append("      <td class=\"nowrap\">").append(c.attempt()).append('/').append(c.maxAttempts());
        if (c.stateType().equals("SOFT")) {
            out.append(" <small>soft</small>");
        }
        out.append("</td>\n");
    }

    /** The state icons, as the templates' {@code lists.icons} macro writes them, with who acknowledged and why. */
    private void icons(CheckView c, String host, String service) {
        out.append("<span class=\"icons\">");
        if (c.acknowledged()) {
            out.append("<span class=\"icon-ack\" title=\"").append(esc(handling.ackTitle(host, service, fmt)))
                    .append("\">ACK</span>");
        }
        if (c.downtimeDepth() > 0) {
            out.append("<span class=\"icon-downtime\" title=\"")
                    .append(esc(handling.downtimeTitle(host, service, fmt))).append("\">DT</span>");
        }
        if (!c.notificationsEnabled()) {
            out.append("<span class=\"icon-notifications-off\" title=\"Notifications disabled\">NOTIF OFF</span>");
        }
        if (c.flapping()) {
            out.append("<span class=\"icon-flapping\" title=\"Flapping\">FLAP</span>");
        }
        if (c.passive()) {
            out.append("<span class=\"icon-passive\" title=\"Last result was passive\">PASSIVE</span>");
        }
        if (!c.activeChecksEnabled()) {
            out.append("<span class=\"icon-checks-off\" title=\"Active checks disabled\">CHECKS OFF</span>");
        }
        out.append("</span>");
    }

    /** Escapes as Freemarker's HTML output format does: {@code < > & " '}. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        int i = 0;
        while (i < s.length() && "<>&\"'".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
