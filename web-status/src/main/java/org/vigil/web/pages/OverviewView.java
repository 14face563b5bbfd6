package org.vigil.web.pages;

import org.vigil.model.StateCounts;
import org.vigil.web.model.GearmanReport;

/** The tactical overview page. */
public final class OverviewView extends PageView {

    private final StateCounts tactical;
    private final GearmanReport gearman;

    OverviewView(PageContext ctx, StateCounts tactical, GearmanReport gearman) {
        super("overview.ftlh", ctx, "Tactical overview", "overview");
        this.tactical = tactical;
        this.gearman = gearman;
    }

    /** The gearman dispatch, or null when gearman is not configured. */
    public GearmanReport getGearman() {
        return gearman;
    }

    public StateCounts getTactical() {
        return tactical;
    }
}
