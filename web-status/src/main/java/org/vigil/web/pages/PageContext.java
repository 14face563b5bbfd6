package org.vigil.web.pages;

import org.vigil.web.auth.WebUser;
import org.vigil.model.ProgramView;

/**
 * What every page needs besides its own content: who is looking, the form token that proves a POST came from
 * one of our pages, where the page is (to come back to after an action), how often it refreshes, and the
 * program status shown in the header.
 *
 * @param user the logged-in user ({@link WebUser#ANONYMOUS} without authentication)
 * @param loginEnabled whether users are configured, so the header offers a logout
 * @param csrfToken the value every form posts back in its {@code csrf} field
 * @param here this page's path and query, for {@code return_to}
 * @param refreshSeconds the auto-refresh period; 0 for none
 * @param notice the result of the action that led here ("Re-check now: done for 2 objects."), or null
 * @param gearman whether checks go to gearmand (a gearman section is configured), so the header links its page
 * @param gearmanFallback the banner saying checks run on this machine because gearmand is unreachable, or null
 * @param header the problem counts of the header over what the user sees, or null for none
 */
public record PageContext(WebUser user, boolean loginEnabled, String csrfToken, String here, int refreshSeconds,
                          ProgramView program, String notice, boolean gearman, String gearmanFallback,
                          HeaderCounts header) {

    /** A context without header counts. */
    public PageContext(WebUser user, boolean loginEnabled, String csrfToken, String here, int refreshSeconds,
                       ProgramView program, String notice, boolean gearman, String gearmanFallback) {
        this(user, loginEnabled, csrfToken, here, refreshSeconds, program, notice, gearman, gearmanFallback, null);
    }

    /** A context without gearman. */
    public PageContext(WebUser user, boolean loginEnabled, String csrfToken, String here, int refreshSeconds,
                       ProgramView program, String notice) {
        this(user, loginEnabled, csrfToken, here, refreshSeconds, program, notice, false, null);
    }

    /** A context without a notice. */
    public PageContext(WebUser user, boolean loginEnabled, String csrfToken, String here, int refreshSeconds,
                       ProgramView program) {
        this(user, loginEnabled, csrfToken, here, refreshSeconds, program, null);
    }

    /** Whether the user may act (send commands); read-only users see no action forms. */
    public boolean canAct() {
        return !user.readOnly();
    }
}
