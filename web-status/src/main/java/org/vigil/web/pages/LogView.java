package org.vigil.web.pages;

/** The event log page: the filter form, one page of matching lines, newest first, and paging links. */
public final class LogView extends PageView {

    private final LogFilter filter;
    private final LogSlice slice;

    LogView(PageContext ctx, LogFilter filter, LogSlice slice) {
        super("log.ftlh", ctx, "Event log", "log");
        this.filter = filter;
        this.slice = slice;
    }

    public LogFilter getFilter() {
        return filter;
    }

    public LogSlice getSlice() {
        return slice;
    }
}
