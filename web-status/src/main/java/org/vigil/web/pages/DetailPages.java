package org.vigil.web.pages;

import java.time.Duration;
import java.util.List;
import org.vigil.web.history.HistoryIndex;
import org.vigil.web.model.Monitor;

/** The detail pages' resources, registered together: host, service, downtimes, comments, event log, config errors. */
public final class DetailPages {

    private DetailPages() {
    }

    public static List<Object> resources(Pages pages, Monitor monitor) {
        return resources(pages, monitor, HistoryIndex.DEFAULT_SPAN);
    }

    /** The same, the history index keeping {@code historySpan} of archives parsed ({@code pages.history_index_days}). */
    public static List<Object> resources(Pages pages, Monitor monitor, Duration historySpan) {
        HistoryIndexes history = new HistoryIndexes(monitor, historySpan); // one index of the log for the history
        LogTails log = new LogTails(monitor); // the log's end parsed once, read on as it grows
        return List.of(new HostPage(pages, monitor, history, log), new ServicePage(pages, monitor, history, log),
                new DowntimesPage(pages), new CommentsPage(pages, new CommentText(monitor.dateFormat())),
                new LogPage(pages, log, java.time.Clock.systemDefaultZone()), new ConfigErrorsPage(pages),
                new AvailabilityPage(pages, history));
    }
}
