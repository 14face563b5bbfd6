package org.vigil.perfdata;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * InfluxDB 1.x's {@code POST /write?db=...&precision=s}: 204 is delivered; 400 is data InfluxDB will never take
 * (rejected); anything else, a 404 for a database not created yet included, and no answer are tried again later.
 */
final class InfluxTransport implements Transport {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI write;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    InfluxTransport(InfluxdbConfig config) {
        this.write = config.writeUri();
        this.authorization = config.username == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (config.username + ":" + (config.password == null ? "" : config.password))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(String text) throws IOException, Rejected {
        HttpRequest.Builder request = HttpRequest.newBuilder(write).timeout(TIMEOUT)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        int code = response.statusCode();
        if (code / 100 == 2) {
            return;
        }
        String why = "HTTP " + code + " " + response.body().strip();
        if (code == 400) {
            throw new Rejected(why);
        }
        throw new IOException(why);
    }

    @Override
    public String receiver() {
        return "InfluxDB at " + write.getScheme() + "://" + write.getRawAuthority();
    }

    @Override
    public void close() {
        // HTTP: each request finds or makes its connection
    }
}
