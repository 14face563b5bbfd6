package org.vigil.web.pages;

import java.util.List;
import org.vigil.web.model.Monitor;

/** The detail pages' resources, registered together: host, service, downtimes, comments, event log, config errors. */
public final class DetailPages {

    private DetailPages() {
    }

    public static List<Object> resources(Pages pages, Monitor monitor) {
        HistoryIndexes history = new HistoryIndexes(monitor); // one index of the log for the history's pages
        return List.of(new HostPage(pages, monitor, history), new ServicePage(pages, monitor, history),
                new DowntimesPage(pages), new CommentsPage(pages, new CommentText(monitor.dateFormat())),
                new LogPage(pages, monitor), new ConfigErrorsPage(pages), new AvailabilityPage(pages, history));
    }
}
