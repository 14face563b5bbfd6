package org.vigil.web.pages;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The banner after an action: {@code /actions} redirects back with {@code done=N&action=NAME}, and whichever page
 * that is says what was done. Only known action names and numbers are shown, so a crafted link cannot put words
 * of its own into the banner.
 */
final class ActionNotice {

    private ActionNotice() {
    }

    static String of(MultivaluedMap<String, String> query) {
        String done = query.getFirst("done");
        String name = query.getFirst("action");
        if (done == null || name == null || !done.matches("[0-9]{1,6}")) {
            return null;
        }
        int n = Integer.parseInt(done);
        return PageAction.named(name).map(a -> a.getLabel() + ": done for " + n + (n == 1 ? " object." : " objects."))
                .orElse(null);
    }
}
