package org.vigil.web.pages;

import java.util.List;
import org.vigil.web.model.Monitor;

/** The detail pages' resources, registered together: host, service, downtimes, comments, event log, config errors. */
public final class DetailPages {

    private DetailPages() {
    }

    public static List<Object> resources(Pages pages, Monitor monitor) {
        return List.of(new HostPage(pages, monitor), new ServicePage(pages, monitor), new DowntimesPage(pages),
                new CommentsPage(pages, new CommentText(monitor.dateFormat())), new LogPage(pages, monitor),
                new ConfigErrorsPage(pages), new AvailabilityPage(pages, monitor));
    }
}
