package org.vigil.web.pages;

import java.util.List;

/**
 * A host, service or problem list page: one page of rows, the query it was made with (for the filter form, the
 * sort links and the pager) and the names the filter form offers.
 */
public final class ListView<T> extends PageView {

    private final Answers.Answer<T> rows;
    private final ListParams query;
    private final String noun;
    private final List<String> hostgroups;
    private final List<String> servicegroups;
    private final RowWriter<T> writer;

    /** Writes the HTML rows of one section of a list ("" when the list has one; see {@link ListRows}). */
    interface RowWriter<T> {
        String write(Paged<T> rows, String section, boolean canAct, Fmt fmt);
    }

    ListView(String template, PageContext ctx, String title, String nav, Answers.Answer<T> rows, ListParams query,
             String noun, List<String> hostgroups, List<String> servicegroups, RowWriter<T> writer) {
        super(template, ctx, title, nav);
        this.writer = writer;
        this.rows = rows;
        this.query = query;
        this.noun = noun;
        this.hostgroups = hostgroups;
        this.servicegroups = servicegroups;
    }

    public Paged<T> getRows() {
        return rows.page();
    }

    /**
     * The HTML of the rows of {@code section} ("" for the whole list; "handled"/"unhandled" for problems), written
     * once per answer (see {@link Answers}).
     */
    public String rowsHtml(String section) {
        return rows.html(section, sec -> writer.write(rows.page(), sec, getCtx().canAct(), getFmt()));
    }

    public ListParams getQuery() {
        return query;
    }

    /** What the rows are, plural ("hosts", "services", "problems"), for "N of M hosts". */
    public String getNoun() {
        return noun;
    }

    /** The host group names the filter form offers (those with a member the user sees). */
    public List<String> getHostgroups() {
        return hostgroups;
    }

    public List<String> getServicegroups() {
        return servicegroups;
    }

    /**
     * The JSON API's lists of the same rows, as [label, URL]: {@code /api/v1/hosts} or {@code /api/v1/services}
     * with the same filters; both for problems (those of the kind the states leave).
     */
    public List<List<String>> getJsonLinks() {
        List<List<String>> links = new java.util.ArrayList<>();
        boolean problems = noun.equals("problems");
        if (!noun.equals("services")) {
            String hosts = query.apiUrl("hosts", ListParams.HOST_STATES, problems);
            if (hosts != null) {
                links.add(List.of(problems ? "JSON (hosts)" : "JSON", hosts));
            }
        }
        if (!noun.equals("hosts")) {
            String services = query.apiUrl("services", ListParams.SERVICE_STATES, problems);
            if (services != null) {
                links.add(List.of(problems ? "JSON (services)" : "JSON", services));
            }
        }
        return links;
    }

    /** The actions the list's multi-select offers, as {@code /actions} names them, with their labels. */
    public List<List<String>> getActions() {
        return ACTIONS;
    }

    static final List<List<String>> ACTIONS = List.of(
            List.of("recheck", "Re-check now"),
            List.of("acknowledge", "Acknowledge"),
            List.of("remove_acknowledgement", "Remove acknowledgement"),
            List.of("schedule_downtime", "Schedule downtime"),
            List.of("add_comment", "Add comment"),
            List.of("disable_notifications", "Disable notifications"),
            List.of("enable_notifications", "Enable notifications"),
            List.of("disable_checks", "Disable active checks"),
            List.of("enable_checks", "Enable active checks"),
            List.of("passive_result", "Submit passive result"));
}
