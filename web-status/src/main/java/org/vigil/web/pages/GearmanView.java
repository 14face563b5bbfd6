package org.vigil.web.pages;

import org.vigil.web.model.GearmanReport;

/** The gearman page: queues, servers and counters of the dispatch to gearmand. */
public final class GearmanView extends PageView {

    private final GearmanReport gearman;

    GearmanView(PageContext ctx, GearmanReport gearman) {
        super("gearman.ftlh", ctx, "Gearman", "gearman");
        this.gearman = gearman;
    }

    public GearmanReport getGearman() {
        return gearman;
    }
}
