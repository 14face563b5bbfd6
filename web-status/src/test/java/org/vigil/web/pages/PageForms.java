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
import org.vigil.web.auth.LoginTokens;

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

    /**
     * Opens the login form as a browser does: keeps its token cookie (in place of any other cookie) and returns
     * the token of its hidden field.
     */
    String openLogin() throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> r = raw(request("/login").GET());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /login: " + r.statusCode());
        }
        cookie = setCookie(r, LoginTokens.COOKIE);
        return csrf(r.body());
    }

    /** A login through the form as a browser makes it: the form first, then the POST with its token. */
    java.net.http.HttpResponse<String> login(String... pairs) throws IOException, InterruptedException {
        String token = openLogin();
        return raw(formPost("/login", withToken(token, pairs)));
    }

    /** {@link #login}, read by the fixture (status, text). */
    WebFixture.Reply loginReply(String... pairs) throws IOException, InterruptedException {
        String token = openLogin();
        return post("/login", withToken(token, pairs));
    }

    private static String[] withToken(String token, String... pairs) {
        String[] all = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        all[pairs.length] = "csrf";
        all[pairs.length + 1] = token;
        return all;
    }

    /** The {@code name=value} of the response's Set-Cookie for {@code name}, for a Cookie header. */
    static String setCookie(java.net.http.HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers().map()));
    }

    /** The whole Set-Cookie header for {@code name} (attributes included). */
    static String setCookieHeader(java.net.http.HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers().map()));
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
