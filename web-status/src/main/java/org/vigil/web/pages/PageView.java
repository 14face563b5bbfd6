package org.vigil.web.pages;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/**
 * A server-rendered page: a Freemarker template (next to this class's package in resources) with its data.
 * Every page template calls the {@code page} macro of {@code layout.ftlh} with its title and the nav entry it
 * belongs to; the layout reads {@link #getCtx()} and {@link #getFmt()}.
 */
public abstract class PageView extends View {

    private final PageContext ctx;
    private final String title;
    private final String nav;

    protected PageView(String template, PageContext ctx, String title, String nav) {
        super(template, StandardCharsets.UTF_8);
        this.ctx = ctx;
        this.title = title;
        this.nav = nav;
    }

    public PageContext getCtx() {
        return ctx;
    }

    public String getTitle() {
        return title;
    }

    /** Which header link is highlighted ("overview", "problems", "hosts", "services", ...). */
    public String getNav() {
        return nav;
    }

    public Fmt getFmt() {
        return Fmt.INSTANCE;
    }
}
