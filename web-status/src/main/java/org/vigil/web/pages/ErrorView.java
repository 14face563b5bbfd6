package org.vigil.web.pages;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/**
 * An error on a page (404, 400, 403, 500), in the pages' frame; without the frame ({@code ctx} null) for someone
 * not logged in, who is shown nothing of the monitor.
 */
public final class ErrorView extends View {

    private final PageContext ctx;
    private final int status;
    private final String title;
    private final String detail;

    ErrorView(PageContext ctx, int status, String title, String detail) {
        super("error.ftlh", StandardCharsets.UTF_8);
        this.ctx = ctx;
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    /** The page context, or null for the bare page. */
    public PageContext getCtx() {
        return ctx;
    }

    public int getStatus() {
        return status;
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return detail;
    }

    public String getNav() {
        return "";
    }

    public Fmt getFmt() {
        return Fmt.INSTANCE;
    }
}
