package org.vigil.web.pages;

import org.vigil.model.StateCounts;

/** The tactical overview page. */
public final class OverviewView extends PageView {

    private final StateCounts tactical;

    OverviewView(PageContext ctx, StateCounts tactical) {
        super("overview.ftlh", ctx, "Tactical overview", "overview");
        this.tactical = tactical;
    }

    public StateCounts getTactical() {
        return tactical;
    }
}
