/**
 * The read model of the status pages and the JSON API: immutable snapshots of hosts, services, comments,
 * downtimes, groups, contacts and the program status, copied from the engine in one engine-thread step
 * ({@link org.vigil.web.model.StatusReader}) and cached briefly. Nothing here changes the engine.
 */
package org.vigil.web.model;
