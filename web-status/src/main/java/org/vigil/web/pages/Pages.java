package org.vigil.web.pages;

import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.web.api.StatusResource;
import org.vigil.web.auth.Access;
import org.vigil.web.auth.AuthContext;
import org.vigil.web.auth.WebUser;
import org.vigil.model.ReadModel;
import org.vigil.model.StateCounts;
import org.vigil.model.StatusSnapshot;
import org.vigil.web.model.GearmanReport;

/** What the page resources share: the read model, and the context each page is rendered in. */
public final class Pages {

    /** The auto-refresh period of the status pages, as Nagios's {@code refresh_rate} default (90 s) is long. */
    public static final int REFRESH_SECONDS = 30;

    private final ReadModel reader;
    private final boolean loginEnabled;
    private final Optional<Supplier<GearmanReport>> gearman;
    private final int refreshSeconds;

    public Pages(ReadModel reader, boolean loginEnabled) {
        this(reader, loginEnabled, Optional.empty());
    }

    /** Pages that also show the gearman dispatch ({@code gearman}), when it is configured. */
    public Pages(ReadModel reader, boolean loginEnabled, Optional<Supplier<GearmanReport>> gearman) {
        this(reader, loginEnabled, gearman, REFRESH_SECONDS);
    }

    /**
     * The same, the status pages refreshed every {@code refreshSeconds} instead of {@link #REFRESH_SECONDS}
     * ({@code pages.refresh_seconds} in vigil.yml; 0: never).
     */
    public Pages(ReadModel reader, boolean loginEnabled, Optional<Supplier<GearmanReport>> gearman,
                 int refreshSeconds) {
        this.reader = reader;
        this.loginEnabled = loginEnabled;
        this.gearman = gearman;
        this.refreshSeconds = refreshSeconds;
        reader.warmWith(Pages::warm);
    }

    /**
     * What every page's header, the overview and {@code /problems} ask of each snapshot, worked out before it is
     * served ({@link ReadModel#warmWith}): the counts of a user who sees everything, the default problem list.
     */
    static void warm(StatusSnapshot s) {
        s.counts(new StateCounts.Viewer(true, null));
        ProblemList.warm(s);
    }

    /** The gearman dispatch's status now, empty when gearman is not configured. */
    public Optional<GearmanReport> gearman() {
        return gearman.map(Supplier::get);
    }

    /** Whether users are configured, so pages need a login. */
    public boolean loginEnabled() {
        return loginEnabled;
    }

    public StatusSnapshot snapshot() {
        return reader.current();
    }

    public ReadModel reader() {
        return reader;
    }

    public WebUser user(SecurityContext sc) {
        return StatusResource.user(sc);
    }

    public Access access(SecurityContext sc) {
        return new Access(user(sc));
    }

    /**
     * The context of a page at {@code uri}, refreshed every {@code refreshSeconds} (0: never; any other value is the
     * configured period).
     */
    public PageContext context(SecurityContext sc, UriInfo uri, StatusSnapshot snapshot, int refreshSeconds) {
        return context(sc, uri, snapshot.program(), refreshSeconds);
    }

    /** The same, for a page that reads the program status without a whole snapshot. */
    public PageContext context(SecurityContext sc, UriInfo uri, org.vigil.model.ProgramView program,
                               int refreshSeconds) {
        String query = uri.getRequestUri().getRawQuery();
        String here = "/" + uri.getPath(false) + (query == null ? "" : "?" + query);
        WebUser user = user(sc);
        HeaderCounts header = HeaderCounts.of(reader.counts(new StateCounts.Viewer(user.allObjects(),
                user.contact())));
        return new PageContext(user, loginEnabled && AuthContext.authenticated(sc), AuthContext.csrfToken(sc),
                here.replaceFirst("^//", "/"), refreshSeconds > 0 ? this.refreshSeconds : 0, program,
                ActionNotice.of(uri.getQueryParameters()), gearman.isPresent(),
                gearman().filter(GearmanReport::fallback).map(Pages::fallbackBanner).orElse(null), header);
    }

    /** What every page says while the local fallback runs the checks. */
    static String fallbackBanner(GearmanReport s) {
        return "gearmand unreachable" + s.unreachableSince().map(t -> " since " + Fmt.INSTANCE.time(t)).orElse("")
                + ": checks run on this machine.";
    }
}
