package org.vigil.web.hooks;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/NAME}: a pager's webhook. Outside Jersey, so outside the pages' login: the receiver
 * authenticates the request itself. In order: the receiver must be enabled (404), the method POST (405), the
 * declared body within {@code receivers.max_body_bytes} (413, before any is read; a body without a length is cut
 * there), the signature or token good (401), the body the pager's JSON (400), the event neither stale nor seen
 * (409), its key an object's (422); then the command runs. Every answer is JSON; every refusal is counted.
 */
final class HooksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HooksServlet.class);

    private final transient Map<String, Receiver> enabled;
    private final transient Map<String, Receiver> all;
    private final transient SeenEvents seen;
    private final transient PagerActions actions;
    private final transient ReceiverCounters counters;
    private final int maxBodyBytes;

    HooksServlet(Map<String, Receiver> all, Map<String, Receiver> enabled, SeenEvents seen, PagerActions actions,
                 ReceiverCounters counters, int maxBodyBytes) {
        this.all = Map.copyOf(all);
        this.enabled = Map.copyOf(enabled);
        this.seen = seen;
        this.actions = actions;
        this.counters = counters;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
        Receiver r = enabled.get(name);
        if (r == null) {
            Receiver known = all.get(name);
            if (known != null) {
                counters.refused(known, Refusal.Reason.DISABLED);
            }
            answer(resp, Refusal.Reason.DISABLED.status, error(Refusal.Reason.DISABLED, known == null
                    ? "no receiver here: the pagers' webhooks are POST /hooks/pagerduty and /hooks/opsgenie"
                    : "receivers." + name + ".enabled is not true in vigil.yml"));
            return;
        }
        try {
            PagerActions.Done done = receive(r, req);
            counters.accepted(r, done.result());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("result", done.result().label());
            body.put("detail", done.detail());
            answer(resp, done.result() == ReceiverCounters.Result.IGNORED ? 202 : 200, body);
        } catch (Refusal e) {
            counters.refused(r, e.reason());
            if (e.reason() == Refusal.Reason.WRONG_METHOD) {
                resp.setHeader("Allow", "POST");
            }
            answer(resp, e.reason().status, error(e.reason(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("receivers.{}: the event could not be carried out: {}", name, e.toString());
            answer(resp, 500, Map.of("error", "internal error", "detail", "the event could not be carried out; "
                    + "see Vigil's log"));
        }
    }

    private PagerActions.Done receive(Receiver r, HttpServletRequest req) throws Refusal, IOException {
        if (!"POST".equals(req.getMethod())) {
            throw new Refusal(Refusal.Reason.WRONG_METHOD, req.getMethod() + " is not accepted: pagers POST their "
                    + "events");
        }
        byte[] body = body(req);
        r.authenticate(req::getHeader, body);
        PagerEvent event = r.read(body);
        seen.admit(r.name(), event);
        try {
            return actions.carryOut(r, event);
        } catch (RuntimeException e) {
            seen.forget(r.name(), event); // answered 500: PagerDuty retries, and the retry must not be a replay
            throw e;
        }
    }

    /** The body, refused before it is read when its declared length is over the limit, else once read past it. */
    private byte[] body(HttpServletRequest req) throws Refusal, IOException {
        long declared = req.getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge(declared + " bytes");
        }
        try (InputStream in = req.getInputStream()) {
            byte[] read = in.readNBytes(maxBodyBytes + 1);
            if (read.length > maxBodyBytes) {
                throw tooLarge("more than " + maxBodyBytes + " bytes");
            }
            return read;
        }
    }

    private Refusal tooLarge(String size) {
        return new Refusal(Refusal.Reason.TOO_LARGE, "the body is " + size + ", over the " + maxBodyBytes
                + " of receivers.max_body_bytes");
    }

    private static Map<String, Object> error(Refusal.Reason reason, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason.error);
        body.put("reason", reason.label());
        body.put("detail", detail);
        return body;
    }

    private static void answer(HttpServletResponse resp, int status, Map<String, Object> body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(Json.MAPPER.writeValueAsBytes(body));
    }
}
