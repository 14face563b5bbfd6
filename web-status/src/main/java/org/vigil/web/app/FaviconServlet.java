package org.vigil.web.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /favicon.ico} (browsers ask for it on every site; a 404 was the pages' only console error) and
 * {@code /favicon.svg?n=COUNT}, the icon with a badge of COUNT, which the layout links with the page's unhandled
 * problems and the header script changes as they change. Both show nothing of the monitor (the count is the
 * caller's), so they are served without a login, like the login page that asks for them.
 */
final class FaviconServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The largest count taken (a larger one is a 400). */
    static final int MAX_COUNT = 1_000_000;

    private final transient byte[] ico = Favicon.ico();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getRequestURI().endsWith(".ico")) {
            resp.setContentType("image/x-icon");
            resp.setHeader("Cache-Control", "public, max-age=86400");
            resp.setContentLength(ico.length);
            resp.getOutputStream().write(ico);
            return;
        }
        String n = req.getParameter("n");
        int count;
        try {
            count = n == null || n.isEmpty() ? 0 : Integer.parseInt(n);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 0 || count > MAX_COUNT) {
            resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write("n must be a whole number from 0 to " + MAX_COUNT + "\n");
            return;
        }
        byte[] svg = Favicon.svg(count).getBytes(StandardCharsets.UTF_8);
        resp.setContentType("image/svg+xml");
        resp.setHeader("Cache-Control", "public, max-age=86400");
        resp.setContentLength(svg.length);
        resp.getOutputStream().write(svg);
    }
}
