package org.vigil.web.auth;

import java.security.Principal;

/**
 * Who makes a request, and what they may do, as Nagios's {@code cgi.cfg} grants it: a user linked to a
 * {@code contact} sees only that contact's hosts and services unless {@code allObjects}; a {@code readOnly}
 * user cannot act. Without configured users, everyone is {@link #ANONYMOUS} (only allowed on a loopback binding).
 */
public record WebUser(String name, String contact, boolean allObjects, boolean readOnly) implements Principal {

    /** The user of a web server without authentication: sees everything and may act. */
    public static final WebUser ANONYMOUS = new WebUser("anonymous", null, true, false);

    @Override
    public String getName() {
        return name;
    }
}
