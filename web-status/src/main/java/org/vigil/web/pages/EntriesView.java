package org.vigil.web.pages;

import java.util.List;
import org.vigil.model.CommentView;
import org.vigil.model.DowntimeView;

/** The list of all visible scheduled downtimes, or of all visible comments, with multi-select removal. */
public final class EntriesView extends PageView {

    private final List<DowntimeView> downtimes;
    private final List<CommentView> comments;

    private EntriesView(String template, PageContext ctx, String title, String nav, List<DowntimeView> downtimes,
                        List<CommentView> comments) {
        super(template, ctx, title, nav);
        this.downtimes = List.copyOf(downtimes);
        this.comments = List.copyOf(comments);
    }

    static EntriesView downtimes(PageContext ctx, List<DowntimeView> downtimes) {
        return new EntriesView("downtimes.ftlh", ctx, "Scheduled downtimes", "downtimes", downtimes, List.of());
    }

    public List<DowntimeView> getDowntimes() {
        return downtimes;
    }

    public List<CommentView> getComments() {
        return comments;
    }
}
