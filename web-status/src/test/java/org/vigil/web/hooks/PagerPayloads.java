package org.vigil.web.hooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Webhook bodies in the vendors' documented shapes, and PagerDuty's signature computed here as its documentation
 * says (v1 = hex HMAC-SHA256 of the raw body under the subscription's secret).
 */
public final class PagerPayloads {

    private PagerPayloads() {
    }

    /**
     * A PagerDuty v3 webhook for an incident (PagerDuty's "Webhooks Overview": event id, event_type, occurred_at,
     * agent, client and the incident in data, whose incident_key is the Events API v2 dedup_key).
     */
    public static String pagerDuty(String id, String type, Instant at, String key, String agent) {
        return """
                {"event":{"id":"%s","event_type":"%s","resource_type":"incident","occurred_at":"%s",\
                "agent":{"html_url":"https://acme.pagerduty.com/users/PLH1HKV","id":"PLH1HKV",\
                "self":"https://api.pagerduty.com/users/PLH1HKV","summary":"%s","type":"user_reference"},\
                "client":{"name":"PagerDuty"},\
                "data":{"id":"PGR0VU2","type":"incident","self":"https://api.pagerduty.com/incidents/PGR0VU2",\
                "html_url":"https://acme.pagerduty.com/incidents/PGR0VU2","number":2,"status":"acknowledged",\
                "incident_key":"%s","created_at":"2020-04-09T15:16:27Z","title":"A little bump in the road",\
                "service":{"html_url":"https://acme.pagerduty.com/services/PF9KMXH","id":"PF9KMXH",\
                "self":"https://api.pagerduty.com/services/PF9KMXH","summary":"API Service","type":"service_reference"},\
                "assignees":[{"html_url":"https://acme.pagerduty.com/users/PTUXL6G","id":"PTUXL6G",\
                "self":"https://api.pagerduty.com/users/PTUXL6G","summary":"User 123","type":"user_reference"}],\
                "urgency":"high","resolve_reason":null}}}""".formatted(id, type, at, agent, key);
    }

    /** {@code X-PagerDuty-Signature} for {@code body}: {@code v1=HEX} per secret, comma-separated. */
    public static String signature(String body, String... secrets) {
        StringBuilder out = new StringBuilder();
        for (String s : secrets) {
            out.append(out.length() == 0 ? "" : ",").append("v1=").append(HexFormat.of().formatHex(
                    PagerDutyReceiver.hmac(s.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8))));
        }
        return out.toString();
    }

    /** An Opsgenie alert webhook (Opsgenie's "alert action data": source, alert, action, integration). */
    public static String opsgenie(String action, String alertId, long updatedAtNanos, String alias, String user) {
        return """
                {"source":{"name":"","type":"web"},"alert":{"updatedAt":%d,"tags":["tag1","tag2"],\
                "message":"test alert","username":"%s","alertId":"%s","source":"%s","alias":"%s",\
                "tinyId":"23","createdAt":1420452191104,"userId":"daed1180-0ce8-438b-8f8e-57e1a5920a2d",\
                "entity":""},"action":"%s","integrationId":"37c8f316-17c6-49d7-899b-9c7e540c048d",\
                "integrationName":"Vigil"}""".formatted(updatedAtNanos, user, alertId, user, alias, action);
    }

    /** Now in nanoseconds since the epoch, as Opsgenie's {@code updatedAt}. */
    public static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
