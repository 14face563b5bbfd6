/**
 * Freshness checking as Nagios 4.4.6 does it: objects with {@code check_freshness} whose last result is older than
 * their threshold (configured, or automatic) get a forced active check and a warning in the log.
 */
package org.vigil.engine.freshness;
