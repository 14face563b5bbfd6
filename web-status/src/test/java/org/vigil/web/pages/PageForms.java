package org.vigil.web.pages;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.web.api.WebFixture;

/** Posting forms to the pages as a browser does (urlencoded, optionally with a session cookie). */
final class PageForms {

    private final WebFixture web;
    String cookie;

    PageForms(WebFixture web) {
        this.web = web;
    }

    /** {@code name=value} pairs, encoded; repeat a name for several values. */
    static String body(String... pairs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", out);
    }

    WebFixture.Reply post(String path, String... pairs) throws IOException, InterruptedException {
        return web.send(with(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body(pairs)))));
    }

    WebFixture.Reply get(String path) throws IOException, InterruptedException {
        return web.send(with(request(path).GET()));
    }

    /** The Location and Set-Cookie headers need the raw response: sent here without the fixture's parsing. */
    java.net.http.HttpResponse<String> raw(HttpRequest.Builder b) throws IOException, InterruptedException {
        return web.http.send(with(b).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.web.port() + path));
    }

    HttpRequest.Builder formPost(String path, String... pairs) {
        return request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body(pairs)));
    }

    private HttpRequest.Builder with(HttpRequest.Builder b) {
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    /** The CSRF token a page carries (its {@code csrf-token} meta tag or a form's hidden field). */
    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]*)\"").matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        m = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        throw new AssertionError("no csrf token in the page");
    }
}
