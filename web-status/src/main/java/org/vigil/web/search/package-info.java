/**
 * The quick search of the header and {@code /search}: hosts, services, host groups and service groups found by
 * name, alias or display name, ranked (exact, prefix, word start, substring), over what one user may see. The
 * names are indexed once per configuration (they change only with a reload), the states read from the snapshot.
 */
package org.vigil.web.search;
