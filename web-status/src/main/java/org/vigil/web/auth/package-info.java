/**
 * Who may use the web server: HTTP basic authentication against hashed passwords in {@code vigil.yml}, and
 * authorisation like Nagios's {@code cgi.cfg} (contact-bound users, all-objects and read-only grants).
 */
package org.vigil.web.auth;
