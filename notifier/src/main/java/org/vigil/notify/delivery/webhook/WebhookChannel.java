package org.vigil.notify.delivery.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.vigil.notify.delivery.Channel;
import org.vigil.notify.delivery.DeliveryException;
import org.vigil.notify.delivery.Notification;
import org.vigil.notify.delivery.TemplateModel;
import org.vigil.notify.delivery.Templates;

/**
 * The built-in pager channel: an HTTP POST of a JSON event rendered from a Freemarker template, with a
 * stable dedup key per host or service (trigger on a problem, acknowledge, resolve on recovery). A 2xx
 * answer is delivered; 408, 429, 5xx and an unreachable server are retried; any other answer is final.
 * Every retry of one delivery carries the same {@code Idempotency-Key} header.
 */
public final class WebhookChannel implements Channel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookSettings settings;
    private final Templates templates;
    private final String template;
    private final HttpClient http;

    /** @throws IllegalArgumentException when the template directory is not usable */
    public WebhookChannel(WebhookSettings settings) {
        this.settings = settings;
        this.templates = Templates.withOverrides(settings.templateDir());
        this.template = settings.template() != null ? settings.template() : settings.style().template;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public void deliver(Notification n, String deliveryKey) throws DeliveryException {
        String body = render(n);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Idempotency-Key", deliveryKey)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        settings.headers().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw DeliveryException.temporary("POST " + settings.url() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.temporary("POST " + settings.url() + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String error = "POST " + settings.url() + ": HTTP " + status + answer(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            throw DeliveryException.temporary(error, null);
        }
        throw DeliveryException.permanent(error, null);
    }

    /** The JSON body for {@code n}; a template that does not give JSON is a permanent failure. */
    String render(Notification n) throws DeliveryException {
        Map<String, Object> model = TemplateModel.of(n, settings.statusPageUrl(), settings.zone());
        model.put("routingKey", settings.routingKey());
        String body = templates.render(template, model);
        try {
            JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw DeliveryException.permanent("template " + template + " did not give JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr(), e);
        }
        return body;
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "";
        }
        String kind = e.getClass().getSimpleName();
        return m.isBlank() ? kind : kind + ": " + m;
    }

    private static String answer(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String one = body.replaceAll("\\s+", " ").strip();
        return ": " + (one.length() > 300 ? one.substring(0, 300) + "..." : one);
    }
}
