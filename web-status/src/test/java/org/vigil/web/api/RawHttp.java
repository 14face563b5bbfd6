package org.vigil.web.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One HTTP/1.1 request over a plain socket bound to a chosen loopback source address (127.0.0.2, 127.0.0.3...), so a
 * test can be several clients: the server sees each as its own remote address. Linux routes all of 127/8 to lo.
 */
public final class RawHttp {

    /** The status, the head (status line and headers) and the body as received (not de-chunked). */
    public record Reply(int status, String head, String body) {
    }

    private RawHttp() {
    }

    /** A GET from {@code from} with basic {@code credentials} ("name:password"; null for none). */
    public static Reply get(String from, int port, String path, String credentials) throws IOException {
        String auth = credentials == null ? "" : "Authorization: Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "\r\n";
        return send(from, port, ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code request} (head and body) from {@code from} and reads the answer to the end. */
    public static Reply send(String from, int port, byte[] request) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] status = head.split(" ", 3);
            return new Reply(status.length > 1 ? Integer.parseInt(status[1]) : -1, head, body);
        }
    }
}
