package org.vigil.notify.delivery.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A real HTTP receiver (the JDK's server) that answers with scripted status codes and records every request. */
final class Receiver implements AutoCloseable {

    /** One request as received. */
    record Request(String body, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> v = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(List.of());
            return v.isEmpty() ? null : v.get(0);
        }
    }

    private final HttpServer server;
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<Request> accepted = new ArrayList<>();

    Receiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            Request r = new Request(new String(in, StandardCharsets.UTF_8), Map.copyOf(exchange.getRequestHeaders()));
            int status;
            synchronized (this) {
                requests.add(r);
                status = statuses.isEmpty() ? 202 : statuses.poll();
                if (status < 300) {
                    accepted.add(r);
                }
            }
            byte[] out = (status < 300 ? "{\"status\":\"success\"}" : "{\"message\":\"oops " + status + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
    }

    synchronized Receiver answer(Integer... codes) {
        statuses.addAll(List.of(codes));
        return this;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2/enqueue");
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
