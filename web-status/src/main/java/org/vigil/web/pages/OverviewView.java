package org.vigil.web.pages;

/** The tactical overview page. */
public final class OverviewView extends PageView {

    private final Tactical tactical;

    OverviewView(PageContext ctx, Tactical tactical) {
        super("overview.ftlh", ctx, "Tactical overview", "overview");
        this.tactical = tactical;
    }

    public Tactical getTactical() {
        return tactical;
    }
}
